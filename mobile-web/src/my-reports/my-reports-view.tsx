import { useContext } from "preact/hooks";
import type { ReportKind } from "@contract/reports.ts";
import { formatWita } from "@kit/wita.ts";
import { AppContext } from "../app/context.ts";
import { locale, t, type MessageKey } from "../i18n/i18n.ts";
import type { OutboxEntry } from "../outbox/outbox.store.ts";
import { refusalText } from "../outbox/refusal-text.ts";
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
          <QueuedItem key={e.clientId} entry={e} onEdit={() => router.navigate({ name: "edit", clientId: e.clientId })} />
        ))}
        {reports.map((r) => (
          <ReportItem key={r.id} report={r} />
        ))}
      </ul>
    </div>
  );
}

function QueuedItem({ entry, onEdit }: { entry: OutboxEntry; onEdit: () => void }) {
  const refused = entry.state === "refused";
  return (
    <li class="card" data-testid="my-report" data-state={refused ? "refused" : "queued"}>
      <div class="row between">
        <span class="small muted">{kindLabel(entry.kind)}</span>
        <StatusBadge status={refused ? "refused" : "queued"} />
      </div>
      <strong>{String(entry.payload.perihal ?? "")}</strong>
      <span class="small muted">{formatWita(entry.createdAt, locale.value)}</span>
      {refused && entry.lastError && <p class="error small">{refusalText(entry.lastError)}</p>}
      {refused && !entry.result && (
        <button type="button" class="btn btn--small" onClick={onEdit}>
          {t("sync.edit")}
        </button>
      )}
    </li>
  );
}

function ReportItem({ report }: { report: MyReport }) {
  const note = report.statusNote;
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
      {note && (report.status === "rejected" || report.status === "revision_requested") && <p class="warn small">{t("my.note", { note })}</p>}
    </li>
  );
}
