import { useSignal } from "@preact/signals";
import { INCIDENT_LIMITS, type DuplicateCandidate } from "@contract/incidents.ts";
import type { ReportDetail } from "@contract/report-detail.ts";
import { formatStamp } from "@kit/wita.ts";
import { api } from "../api/client.ts";
import { routePath } from "../app/access.ts";
import { Link } from "../app/Link.tsx";
import { errorText, locale, t } from "../i18n/i18n.ts";
import { mergePlan } from "./merge-plan.ts";

/**
 * Reports that may tell of the same event (same bidang, near in place and time, ranked by text): pick
 * some and merge them with this one into an incident, which the map and the counts then show once.
 */
export function DuplicatesPanel({ report, candidates, canMerge, timeZone, onMerged }: { report: ReportDetail; candidates: DuplicateCandidate[]; canMerge: boolean; timeZone?: string; onMerged(): void }) {
  const chosen = useSignal<string[]>([]);
  const title = useSignal("");
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);
  if (!candidates.length) return <p class="muted">{t("duplicates.none")}</p>;

  const merge = async () => {
    busy.value = true;
    error.value = null;
    try {
      const plan = mergePlan(report, candidates.filter((c) => chosen.value.includes(c.id)));
      if (plan.kind === "create") await api.call("POST /api/incidents", { body: { reportIds: plan.reportIds, ...(title.value.trim() ? { title: title.value.trim() } : {}) } });
      else await api.call("POST /api/incidents/:id/reports", { params: { id: plan.incidentId }, body: { reportIds: plan.reportIds } });
      chosen.value = [];
      onMerged();
    } catch (err) {
      error.value = err;
    } finally {
      busy.value = false;
    }
  };
  return (
    <div class="duplicates" data-testid="duplicates">
      <ul>
        {candidates.map((c) => (
          <li key={c.id} data-testid="duplicate" data-report-id={c.id}>
            {canMerge ? (
              <input
                type="checkbox"
                aria-label={t("duplicates.choose", { number: c.number })}
                checked={chosen.value.includes(c.id)}
                disabled={Boolean(report.incident && c.incident?.id === report.incident.id)}
                onChange={(e) => (chosen.value = e.currentTarget.checked ? [...chosen.value, c.id] : chosen.value.filter((x) => x !== c.id))}
              />
            ) : null}{" "}
            <Link href={routePath("reportDetail", { id: c.id })}>
              {c.number} · {c.perihal}
            </Link>
            {c.classification === "rahasia" ? <span class="tag tag--rahasia">{t("report.rahasia")}</span> : null}
            <div class="muted">
              {t("duplicates.facts", { similarity: Math.round(c.similarity * 100), km: (c.distanceM / 1000).toFixed(1), hours: (c.gapMinutes / 60).toFixed(1) })} ·{" "}
              {formatStamp(c.occurredAt, locale.value, timeZone)} · {t(`status.${c.status}`)}
              {c.incident ? ` · ${t("duplicates.inIncident", { number: c.incident.number })}` : ""}
            </div>
          </li>
        ))}
      </ul>
      {canMerge ? (
        <div class="merge">
          {!report.incident ? (
            <label>
              {t("duplicates.title")}
              <input value={title.value} maxLength={INCIDENT_LIMITS.titleMax} onInput={(e) => (title.value = e.currentTarget.value)} placeholder={report.perihal} />
            </label>
          ) : null}
          <button type="button" class="button" data-testid="merge" disabled={busy.value || !chosen.value.length} onClick={() => void merge()}>
            {report.incident ? t("duplicates.mergeInto", { number: report.incident.number }) : t("duplicates.merge")}
          </button>
          {error.value ? (
            <p class="field-error" role="alert">
              {errorText(error.value)}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
