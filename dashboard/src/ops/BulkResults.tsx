import type { BulkOutcome } from "@contract/claims.ts";
import type { ReportView } from "@contract/reports.ts";
import { t } from "../i18n/i18n.ts";
import { countOutcomes } from "./bulk.model.ts";
import { models } from "./models.ts";

/** What bulk triage did to each report: applied, stale, held by someone, not allowed… */
export function BulkResults({ reports }: { reports: ReportView[] }) {
  const { bulk } = models;
  const results = bulk.results.value;
  if (!results.length) return null;
  const numbers = new Map(reports.map((r) => [r.id, r.number]));
  const counts = countOutcomes(results);
  return (
    <section class="bulk-results" data-testid="bulk-results" aria-label={t("bulk.results")}>
      <div class="ops-head">
        <h2>{t("bulk.results")}</h2>
        <button type="button" class="button-quiet" onClick={() => bulk.clear()}>
          {t("common.close")}
        </button>
      </div>
      <p class="muted">
        {(Object.entries(counts) as [BulkOutcome, number][]).map(([o, n]) => `${t(`bulk.outcome.${o}`)}: ${n}`).join(" · ")}
      </p>
      <ul>
        {results.map((r) => (
          <li key={r.id} data-testid="bulk-result" data-report-id={r.id} data-outcome={r.outcome} class={`bulk-result bulk-result--${r.outcome}`}>
            <span class="ops-number">{r.report?.number ?? numbers.get(r.id) ?? r.id.slice(0, 8)}</span>{" "}
            {r.outcome === "claimed" && r.claim ? t("bulk.claimedBy", { name: r.claim.holderName }) : t(`bulk.outcome.${r.outcome}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
