import "../ops/ops.css";
import "./report-detail.css";
import { useEffect } from "preact/hooks";
import type { PageProps } from "../app/lazy-page.tsx";
import { routePath } from "../app/access.ts";
import { Link } from "../app/Link.tsx";
import { errorText, t } from "../i18n/i18n.ts";
import { FollowUpsPanel } from "../follow-ups/FollowUpsPanel.tsx";
import { DecisionBar } from "../ops/DecisionBar.tsx";
import { Banner } from "../ui/Banner.tsx";
import { ClaimBar } from "./ClaimBar.tsx";
import { DuplicatesPanel } from "./DuplicatesPanel.tsx";
import { HistoryList } from "./HistoryList.tsx";
import { LocationMap } from "./LocationMap.tsx";
import { models } from "./models.ts";
import { PhotoViewer } from "./PhotoViewer.tsx";
import { ReportHeader } from "./ReportHeader.tsx";
import { PeriodicBodyView, SituationBodyView } from "./LaporanBody.tsx";
import { RevisionCompare } from "./RevisionCompare.tsx";
import { PublishPanel } from "../publishing/PublishPanel.tsx";

/**
 * The whole report on the verification desk (`/ops/reports/:id`): the Laporan Informasi as the officer
 * wrote it, photos, place, author, who holds it now, the decisions, its history and revisions, duplicate
 * candidates and follow-ups. Opened by a verifier it is claimed for as long as it stays open.
 */
export function ReportDetailPage({ params }: PageProps) {
  const { detail, session, mapData, pending } = models;
  const id = params.id!;
  const role = session.role.value;
  useEffect(() => {
    detail.open(id, role === "verifier");
    return () => {
      void pending.flush();
      detail.close();
    };
  }, [id]);

  const report = detail.report.value;
  const zone = mapData.config.value?.timeZone;
  if (detail.error.value) return <Banner kind="error">{errorText(detail.error.value)}</Banner>;
  if (!report) return <p class="page-loading">{t("common.loading")}</p>;

  const holder = detail.holder.value;
  const heldBy = holder && holder.holderId !== session.user.value?.id ? holder.holderName : null;
  const canDecide = role === "verifier" || role === "admin";
  return (
    <div class="page report-detail" data-testid="report-detail" data-report-id={report.id} data-status={report.status}>
      <p>
        <Link href={routePath("ops")}>← {t("detail.back")}</Link>
      </p>
      <ReportHeader report={report} timeZone={zone} />
      <ClaimBar timeZone={zone} />
      {canDecide ? <DecisionBar report={report} heldBy={heldBy} /> : null}
      <div class="detail-grid">
        <article class="detail-main" aria-label={t("detail.body")}>
          {report.kind === "situation" ? <SituationBodyView body={report.body} timeZone={zone} /> : <PeriodicBodyView kind={report.kind} body={report.body} />}
          <section class="li-section">
            <h3>{t("photos.title")}</h3>
            <PhotoViewer reportId={report.id} photos={report.photos} />
          </section>
        </article>
        <aside class="detail-side">
          <section class="li-section">
            <h3>{t("detail.location")}</h3>
            <LocationMap report={report} config={mapData.config.value} boundaries={mapData} />
          </section>
          {report.kind === "situation" ? (
            <section class="li-section">
              <h3>{t("duplicates.heading")}</h3>
              <DuplicatesPanel report={report} candidates={detail.duplicates.value} canMerge={canDecide} timeZone={zone} onMerged={() => void detail.reload()} />
            </section>
          ) : null}
          <section class="li-section">
            <h3>{t("followUp.heading")}</h3>
            <FollowUpsPanel report={report} items={detail.followUps.value} canManage={canDecide} timeZone={zone} onChanged={() => void detail.loadFollowUps()} />
          </section>
        </aside>
      </div>
      {canDecide && (report.status === "verified" || report.status === "published") ? <PublishPanel report={report} timeZone={zone} /> : null}
      <section class="li-section">
        <h2>{t("history.heading")}</h2>
        <HistoryList entries={detail.history.value} timeZone={zone} />
      </section>
      <section class="li-section">
        <h2>{t("revisions.heading")}</h2>
        <RevisionCompare reportId={report.id} revisions={detail.revisions.value} timeZone={zone} />
      </section>
    </div>
  );
}
