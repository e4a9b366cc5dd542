import type { ReportDetail } from "@contract/report-detail.ts";
import { formatStamp } from "@kit/wita.ts";
import { routePath } from "../app/access.ts";
import { Link } from "../app/Link.tsx";
import { locale, t } from "../i18n/i18n.ts";
import { KerawananBadge } from "../ops/KerawananBadge.tsx";

/** Number, perihal, classification (rahasia loud and clear), status, kind, times and the author as signed. */
export function ReportHeader({ report, timeZone }: { report: ReportDetail; timeZone?: string }) {
  const rahasia = report.classification === "rahasia";
  const { author } = report;
  return (
    <header class="detail-head">
      {rahasia ? (
        <p class="rahasia-banner" data-testid="rahasia-banner">
          {t("report.rahasiaBanner")}
        </p>
      ) : null}
      <p class="ops-number">
        {report.number} · {t(`kind.${report.kind}`)}
        {report.period ? ` ${report.period}` : ""} · {t("detail.revision", { n: report.revision, count: report.revisionCount })}
      </p>
      <h1>{report.perihal}</h1>
      <p class="detail-tags">
        <KerawananBadge level={report.kerawanan} />
        <span class={`ops-status ops-status--${report.status}`} data-testid="detail-status">
          {t(`status.${report.status}`)}
        </span>
        {report.bidang ? <span>{t(`bidang.${report.bidang}`)}</span> : null}
        {report.subCategory ? <span>{report.subCategory}</span> : null}
        {report.amendedAt ? <span class="tag tag--amended">{t("report.amendedAt", { at: formatStamp(report.amendedAt, locale.value, timeZone) })}</span> : null}
        {report.incident ? (
          <Link href={routePath("incidentDetail", { id: report.incident.id })} class="tag">
            {t("detail.inIncident", { number: report.incident.number })}
          </Link>
        ) : null}
      </p>
      <dl class="detail-facts">
        <div>
          <dt>{t("detail.occurredAt")}</dt>
          <dd>{formatStamp(report.occurredAt, locale.value, timeZone, true)}</dd>
        </div>
        <div>
          <dt>{t("detail.receivedAt")}</dt>
          <dd>{formatStamp(report.receivedAt, locale.value, timeZone, true)}</dd>
        </div>
        <div>
          <dt>{t("detail.author")}</dt>
          <dd data-testid="detail-author">
            {author.displayName}
            {author.nip ? ` · NIP ${author.nip}` : ""}
            {author.position ? ` · ${author.position}` : ""}
            {author.kecamatan ? ` · ${author.kecamatan.nama}` : ""}{" "}
            <Link href={`${routePath("ops")}?author=${encodeURIComponent(author.id)}`}>{t("detail.authorReports")}</Link>
          </dd>
        </div>
      </dl>
      {report.statusNote ? <p class="ops-note">{t("ops.note", { note: report.statusNote })}</p> : null}
    </header>
  );
}
