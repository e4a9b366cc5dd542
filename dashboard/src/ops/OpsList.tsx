import type { ReportView } from "@contract/reports.ts";
import type { ClaimHolder } from "@contract/claims.ts";
import { formatStamp } from "@kit/wita.ts";
import { routePath } from "../app/access.ts";
import { Link } from "../app/Link.tsx";
import { locale, t } from "../i18n/i18n.ts";
import { DecisionBar } from "./DecisionBar.tsx";
import { KerawananBadge } from "./KerawananBadge.tsx";

export interface OpsListProps {
  reports: ReportView[];
  timeZone?: string;
  canDecide: boolean;
  /** The live holder of a report, if any. */
  claimOf: (reportId: string) => ClaimHolder | null;
  /** The signed-in user's id: their own claim does not lock them out. */
  me: string | null;
  cursorId: string | null;
  selectedIds: ReadonlySet<string>;
  /** Reports with an assignment past its deadline. */
  overdue: ReadonlySet<string>;
  onSelect(reportId: string): void;
  onToggle(reportId: string): void;
}

/**
 * The queue, newest first: number, perihal, where, when (WITA), how serious, who holds it now, and the
 * decisions its status allows. The row under the keyboard cursor (or picked on the map) is marked; a
 * checkbox selects it for bulk triage.
 */
export function OpsList(props: OpsListProps) {
  const { reports, timeZone, canDecide, claimOf, me, cursorId, selectedIds, overdue, onSelect, onToggle } = props;
  if (!reports.length) return <p class="muted ops-empty">{t("ops.empty")}</p>;
  return (
    <ol class="ops-list" data-testid="ops-list">
      {reports.map((r) => {
        const claim = claimOf(r.id);
        const heldBy = claim && claim.holderId !== me ? claim.holderName : null;
        const rahasia = r.classification === "rahasia";
        return (
          <li
            key={r.id}
            id={`report-row-${r.id}`}
            class={`ops-report${cursorId === r.id ? " ops-report--cursor" : ""}${overdue.has(r.id) ? " ops-report--overdue" : ""}`}
            data-testid="ops-report"
            data-report-id={r.id}
            data-kerawanan={r.kerawanan}
            data-status={r.status}
            data-claimed-by={claim?.holderName ?? undefined}
            aria-current={cursorId === r.id ? "true" : undefined}
            onClick={(e) => {
              if (!(e.target as HTMLElement).closest("a,button,input,textarea,label,form")) onSelect(r.id);
            }}
          >
            <div class="ops-report-head">
              {canDecide ? (
                <input
                  type="checkbox"
                  class="ops-select"
                  data-testid="ops-select"
                  aria-label={t("bulk.selectOne", { number: r.number })}
                  checked={selectedIds.has(r.id)}
                  onChange={() => onToggle(r.id)}
                />
              ) : null}
              <span class="ops-number">{r.number}</span>
              {rahasia ? (
                <span class="tag tag--rahasia" data-testid="rahasia">
                  {t("report.rahasia")}
                </span>
              ) : null}
              {r.amendedAt ? (
                <span class="tag tag--amended" data-testid="amended">
                  {t("report.amended")}
                </span>
              ) : null}
              {overdue.has(r.id) ? (
                <span class="tag tag--overdue" data-testid="overdue">
                  {t("followUp.overdue")}
                </span>
              ) : null}
              <KerawananBadge level={r.kerawanan} />
            </div>
            <Link href={routePath("reportDetail", { id: r.id })} class="ops-perihal" data-testid="ops-open">
              {r.perihal}
            </Link>
            <div class="ops-meta muted">
              <span>{r.desa ? `${r.desa.nama}, ${r.kecamatan.nama}` : r.kecamatan.nama}</span>
              <span> · </span>
              <time dateTime={r.receivedAt}>{formatStamp(r.receivedAt, locale.value, timeZone)}</time>
              <span> · </span>
              <span>{t(`kind.${r.kind}`)}{r.period ? ` ${r.period}` : ""} · </span>
              <span class={`ops-status ops-status--${r.status}`}>{t(`status.${r.status}`)}</span>
            </div>
            {claim ? (
              <p class="ops-claim" data-testid="claim-badge">
                {claim.holderId === me ? t("claim.mine") : t("claim.heldBy", { name: claim.holderName })}
              </p>
            ) : null}
            {r.statusNote ? <p class="ops-note">{t("ops.note", { note: r.statusNote })}</p> : null}
            {canDecide ? <DecisionBar report={r} heldBy={heldBy} /> : null}
          </li>
        );
      })}
    </ol>
  );
}
