import type { Sequelize } from "sequelize";
import { SEVERITY_RANK, type AlertChange, type AlertRule, type AlertRuleSettings } from "@contract/alerts.ts";
import { addEvidence, appendAlertEvent, closeAlert, insertAlert, liveAlertsOf, refreshAlert, tryEngineLock } from "./alerts.repo.ts";
import { RULES } from "./rules/index.ts";
import type { Finding } from "./rules/rule.ts";

/** What a run changed, for the announcement after its commit. */
export interface RunChange {
  kind: AlertChange["kind"];
  alertId: string;
}

/** One lock for rule runs across nodes: a run that finds it taken skips, the holder's run covers it. */
const ENGINE_LOCK = "sikanda.alerts.engine";

/**
 * One pass of every rule, in one transaction: each finding opens its alert (none live for its key),
 * escalates it (higher severity), updates it (more evidence) or just marks it seen; a live alert whose
 * condition no rule sees any more closes once it has been unseen for the rule's `closeAfterMinutes`.
 * Disabled rules find nothing, so their alerts close the same way. Null when another node holds the run.
 */
export async function runRules(db: Sequelize, settings: AlertRuleSettings, now: Date, kecamatanNama: ReadonlyMap<string, string>): Promise<RunChange[] | null> {
  return db.transaction(async (transaction) => {
    if (!(await tryEngineLock(db, ENGINE_LOCK, transaction))) return null;
    const changes: RunChange[] = [];
    for (const rule of Object.keys(RULES) as AlertRule[]) {
      const { enabled, params } = settings[rule];
      const module = RULES[rule] as (typeof RULES)["critical"];
      const findings: Finding[] = enabled ? await module.evaluate({ db, transaction, now, params: params as never, kecamatanNama }) : [];
      const live = new Map((await liveAlertsOf(db, rule, transaction)).map((a) => [a.key, a]));
      for (const f of findings) {
        const current = live.get(f.key);
        live.delete(f.key);
        if (!current) {
          const id = await insertAlert(db, f, now, transaction);
          if (!id) continue;
          await addEvidence(db, id, f.reportIds, now, transaction);
          await appendAlertEvent(db, { alertId: id, action: "opened", actorId: null, now, details: { severity: f.severity, metrics: f.metrics } }, transaction);
          changes.push({ kind: "opened", alertId: id });
          continue;
        }
        const added = await addEvidence(db, current.id, f.reportIds, now, transaction);
        const escalated = SEVERITY_RANK[f.severity] > SEVERITY_RANK[current.severity];
        // Severity may also fall as the window moves on; the alert keeps its highest unless acknowledged anew.
        const severity = escalated ? f.severity : current.severity;
        await refreshAlert(db, current.id, { ...f, severity }, now, escalated || added > 0, transaction);
        if (escalated) {
          await appendAlertEvent(db, { alertId: current.id, action: "escalated", actorId: null, now, details: { from: current.severity, to: f.severity, metrics: f.metrics } }, transaction);
          changes.push({ kind: "escalated", alertId: current.id });
        } else if (added > 0) {
          await appendAlertEvent(db, { alertId: current.id, action: "evidence", actorId: null, now, details: { added, metrics: f.metrics } }, transaction);
          changes.push({ kind: "updated", alertId: current.id });
        }
      }
      const closeAfterMs = params.closeAfterMinutes * 60_000;
      for (const gone of live.values()) {
        if (now.getTime() - new Date(gone.seen_at).getTime() < closeAfterMs) continue;
        if (!(await closeAlert(db, gone.id, { now, reason: "condition_gone" }, transaction))) continue;
        await appendAlertEvent(db, { alertId: gone.id, action: "closed", actorId: null, now, details: { reason: "condition_gone" } }, transaction);
        changes.push({ kind: "closed", alertId: gone.id });
      }
    }
    return changes;
  });
}
