import type { ReportView } from "@contract/reports.ts";
import { formatStamp } from "@kit/wita.ts";
import { locale, t } from "../i18n/i18n.ts";
import { DecisionBar } from "./DecisionBar.tsx";
import { KerawananBadge } from "./KerawananBadge.tsx";

/**
 * Incoming reports, newest first: number, perihal, where, when (WITA), how serious; with `canDecide`
 * (verifiers, admins) the decisions the report's status allows.
 */
export function OpsList({ reports, timeZone, canDecide }: { reports: ReportView[]; timeZone?: string; canDecide: boolean }) {
  if (!reports.length) return <p class="muted ops-empty">{t("ops.empty")}</p>;
  return (
    <ol class="ops-list" data-testid="ops-list">
      {reports.map((r) => (
        <li key={r.id} class="ops-report" data-testid="ops-report" data-report-id={r.id} data-kerawanan={r.kerawanan} data-status={r.status}>
          <div class="ops-report-head">
            <span class="ops-number">{r.number}</span>
            <KerawananBadge level={r.kerawanan} />
          </div>
          <div class="ops-perihal">{r.perihal}</div>
          <div class="ops-meta muted">
            <span>{r.desa ? `${r.desa.nama}, ${r.kecamatan.nama}` : r.kecamatan.nama}</span>
            <span> · </span>
            <time dateTime={r.receivedAt}>{formatStamp(r.receivedAt, locale.value, timeZone)}</time>
            <span> · </span>
            <span>{t(`kind.${r.kind}`)} · </span>
            <span class={`ops-status ops-status--${r.status}`}>{t(`status.${r.status}`)}</span>
          </div>
          {r.statusNote ? <p class="ops-note">{t("ops.note", { note: r.statusNote })}</p> : null}
          {canDecide ? <DecisionBar report={r} /> : null}
        </li>
      ))}
    </ol>
  );
}
