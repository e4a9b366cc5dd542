import { useContext } from "preact/hooks";
import type { ReportKind } from "@contract/reports.ts";
import { formatWita } from "@kit/wita.ts";
import { AppContext } from "../app/context.ts";
import { locale, t, type MessageKey } from "../i18n/i18n.ts";
import type { OutboxEntry } from "../outbox/outbox.store.ts";
import { refusalText } from "../outbox/refusal-text.ts";
import { canRevise, isStaleRevision, pendingRevisionOf, revisedReportId } from "../report-form/revision.ts";
import type { MyReport } from "./my-reports.model.ts";
import { StatusBadge } from "./status-badge.tsx";

const kindLabel = (k: ReportKind) => t(`kind.${k}` as MessageKey);

/**
 * My reports: first what is still on the phone ("menunggu kirim", or refused), then what the server has,
 * with live status from verifiers. Works offline from the last list fetched.
 */
export function MyReportsView() {
  const { myReports, sync, router, session, connection } = useContext(AppContext);
  const queued = sync.status.mine.value; // another officer's queued reports are theirs, not shown here
  const reports = myReports.reports.value;
  const fetchedAt = myReports.fetchedAt.value;
  const state = myReports.state.value;
  return (
    <div class="stack">
      <div class="form-head">
        <button type="button" class="link" onClick={() => router.home()}>
          ← {t("app.back")}
        </button>
        <h1 class="h1">{t("my.title")}</h1>
      </div>
      {!connection.online.value && fetchedAt && <p class="banner">{t("my.offline", { time: formatWita(fetchedAt, locale.value) })}</p>}
      {state === "failed" && connection.online.value && (
        <p class="banner banner--warn">
          {t("my.loadFailed")}{" "}
          <button type="button" class="link" onClick={() => session.user.value && void myReports.load(session.user.value.id)}>
            {t("my.refresh")}
          </button>
        </p>
      )}
      {queued.length === 0 && reports.length === 0 && <p class="muted">{state === "loading" ? t("app.loading") : t("my.empty")}</p>}
      <ul class="plain stack-s" data-testid="my-reports">
        {queued.map((e) => (
          <QueuedItem
            key={e.clientId}
            entry={e}
            onEdit={() => router.navigate({ name: "edit", clientId: e.clientId })}
            onDiscard={() => confirm(t("sync.discardConfirm", { perihal: String(e.payload.perihal ?? "") })) && void sync.discard(e.clientId)}
          />
        ))}
        {reports.map((r) => (
          <ReportItem
            key={r.id}
            report={r}
            revisionQueued={!!pendingRevisionOf(queued, r.id)}
            // The report id stands in the edit route: EditView tells it from an outbox clientId.
            onRevise={() => router.navigate({ name: "edit", clientId: r.id })}
          />
        ))}
      </ul>
    </div>
  );
}

function QueuedItem({ entry, onEdit, onDiscard }: { entry: OutboxEntry; onEdit: () => void; onDiscard: () => void }) {
  const refused = entry.state === "refused";
  const revision = revisedReportId(entry.payload) !== null;
  // The report moved on while this revision waited (a verifier decided, another phone revised it):
  // resending cannot work; say so, and let the officer drop this copy and look at the report again.
  const stale = isStaleRevision(entry);
  return (
    <li class="card" data-testid="my-report" data-state={refused ? "refused" : "queued"}>
      <div class="row between">
        <span class="small muted">
          {kindLabel(entry.kind)}
          {revision ? ` · ${t("revise.queuedLabel")}` : ""}
        </span>
        <StatusBadge status={refused ? "refused" : "queued"} />
      </div>
      <strong>{String(entry.payload.perihal ?? "")}</strong>
      <span class="small muted">{formatWita(entry.createdAt, locale.value)}</span>
      {stale && (
        <div class="banner banner--warn stack-s" role="alert" data-testid="revision-stale">
          <strong>{t("revise.staleTitle")}</strong>
          <span class="small">{t("revise.staleHelp")}</span>
          <button type="button" class="btn btn--small btn--danger" data-testid="revision-discard" onClick={onDiscard}>
            {t("sync.discard")}
          </button>
        </div>
      )}
      {refused && !stale && entry.lastError && <p class="error small">{refusalText(entry.lastError)}</p>}
      {refused && !stale && !entry.result && (
        <button type="button" class="btn btn--small" onClick={onEdit}>
          {t("sync.edit")}
        </button>
      )}
    </li>
  );
}

function ReportItem({ report, revisionQueued, onRevise }: { report: MyReport; revisionQueued: boolean; onRevise: () => void }) {
  const note = report.statusNote;
  const revisable = canRevise(report);
  return (
    <li class="card" data-testid="my-report" data-state={report.status} data-id={report.id}>
      <div class="row between">
        <span class="small muted">
          {kindLabel(report.kind)} · {report.number}
          {report.period ? ` · ${report.period}` : ""}
        </span>
        <StatusBadge status={report.status} />
      </div>
      <strong>{report.perihal}</strong>
      <span class="small muted">
        {report.desa ? `${report.desa.nama}, ` : ""}
        {report.kecamatan?.nama} · {formatWita(Date.parse(report.receivedAt), locale.value)}
        {report.photos?.length ? ` · ${t("my.photos", { count: report.photos.length })}` : ""}
      </span>
      {note && report.status === "rejected" && <p class="warn small">{t("my.note", { note })}</p>}
      {note && report.status === "revision_requested" && (
        <p class="banner banner--warn" role="note" data-testid="revision-note">
          {t("my.note", { note })}
        </p>
      )}
      {report.revision > 1 && <span class="small muted">{t("revise.revisionN", { n: report.revision })}</span>}
      {report.amendedAt && <span class="small" data-testid="amended">{t("revise.amendedPending")}</span>}
      {revisable && revisionQueued && <span class="small muted">{t("revise.waiting")}</span>}
      {revisable && !revisionQueued && (
        <button type="button" class="btn btn--primary btn--small" data-testid="revise" onClick={onRevise}>
          {t("sync.edit")}
        </button>
      )}
    </li>
  );
}
