import type { ReportView } from "@contract/reports.ts";
import { t } from "../i18n/i18n.ts";
import { formatLocalTime } from "../ui/format.ts";
import { KerawananBadge } from "./KerawananBadge.tsx";

/** Incoming reports, newest first: number, perihal, where, when (WITA), how serious. */
export function OpsList({ reports, timeZone }: { reports: ReportView[]; timeZone?: string }) {
  if (!reports.length) return <p class="muted ops-empty">{t("ops.empty")}</p>;
  return (
    <ol class="ops-list" data-testid="ops-list">
      {reports.map((r) => (
        <li key={r.id} class="ops-report" data-testid="ops-report" data-report-id={r.id} data-kerawanan={r.kerawanan}>
          <div class="ops-report-head">
            <span class="ops-number">{r.number}</span>
            <KerawananBadge level={r.kerawanan} />
          </div>
          <div class="ops-perihal">{r.perihal}</div>
          <div class="ops-meta muted">
            <span>{r.desa ? `${r.desa.nama}, ${r.kecamatan.nama}` : r.kecamatan.nama}</span>
            <span> · </span>
            <time dateTime={r.receivedAt}>{formatLocalTime(r.receivedAt, timeZone)}</time>
            <span> · </span>
            <span>
              {t(`kind.${r.kind}`)} · {t(`status.${r.status}`)}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}
