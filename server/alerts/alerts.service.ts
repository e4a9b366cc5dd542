import type { Logger } from "pino";
import type { Sequelize } from "sequelize";
import {
  AlertRuleSettings,
  DEFAULT_RULE_SETTINGS,
  type AlertListQuery,
  type AlertRule,
  type AlertView,
  type KecamatanAlertLevel,
} from "@contract/alerts.ts";
import { can, regionFilter, type Actor } from "../auth/permissions.ts";
import type { AuditService } from "../audit/audit.service.ts";
import type { Clock } from "../core/clock.ts";
import { conflict, notFound } from "../core/errors.ts";
import type { IoServer } from "../core/io.ts";
import type { RequestContext } from "../core/request-context.ts";
import type { Paged } from "@contract/envelope.ts";
import { acknowledgeAlert, appendAlertEvent, closeAlert, getAlerts, getRuleSettings, kecamatanLevels, listAlerts, putRuleSetting } from "./alerts.repo.ts";
import { runRules, type RunChange } from "./alerts.engine.ts";
import { presentAlert } from "./alerts.present.ts";
import { announceAlert } from "./alerts.socket.ts";

export interface AlertsServiceDeps {
  db: Sequelize;
  io: IoServer;
  clock: Clock;
  audit: AuditService;
  log: Logger;
  /** Kecamatan names by code (the regions service). */
  kecamatanNama(): Promise<ReadonlyMap<string, string>>;
}

/**
 * Early warning: runs the rules (on demand, from the watch after report changes, and every few minutes),
 * lists alerts within the reader's region, and takes a leader's acknowledgement or closing. Every change
 * goes live as `alert:changed` after its commit.
 */
export function createAlertsService({ db, io, clock, audit, log, kecamatanNama }: AlertsServiceDeps) {
  async function settings(): Promise<AlertRuleSettings> {
    const merged: Record<string, unknown> = structuredClone(DEFAULT_RULE_SETTINGS);
    for (const row of await getRuleSettings(db)) merged[row.rule] = { enabled: row.enabled, params: { ...DEFAULT_RULE_SETTINGS[row.rule].params, ...row.params } };
    // A stored value a newer schema refuses falls back to the defaults rather than stopping every rule.
    const parsed = AlertRuleSettings.safeParse(merged);
    if (!parsed.success) log.warn({ issues: parsed.error.issues }, "stored alert rule settings are invalid; using defaults");
    return parsed.success ? parsed.data : DEFAULT_RULE_SETTINGS;
  }

  async function announce(changes: RunChange[]): Promise<void> {
    if (!changes.length) return;
    const rows = new Map((await getAlerts(db, [...new Set(changes.map((c) => c.alertId))])).map((r) => [r.id, presentAlert(r)]));
    for (const c of changes) {
      const alert = rows.get(c.alertId);
      if (alert) announceAlert(io, { kind: c.kind, alert });
    }
  }

  async function readable(actor: Actor, id: string): Promise<AlertView> {
    const [row] = await getAlerts(db, [id]);
    if (!row || !can(actor, "alert.read", { kecamatanKode: row.kecamatan_kode })) throw notFound("Alert not found");
    return presentAlert(row);
  }

  return {
    settings,

    async putSettings(actor: Actor, input: AlertRuleSettings, ctx: RequestContext | null = null): Promise<AlertRuleSettings> {
      const now = clock.now();
      await db.transaction(async (transaction) => {
        for (const rule of Object.keys(input) as AlertRule[])
          await putRuleSetting(db, { rule, enabled: input[rule].enabled, params: input[rule].params, now, by: actor.id }, transaction);
        await audit.record(ctx, "alert.rules_changed", { actorId: actor.id, targetType: "alert_rules", targetId: null, details: input }, transaction);
      });
      return settings();
    },

    /** One pass of every rule as of `now`; the changes it made (none when another node held the run). */
    async evaluate(now: Date = clock.now()): Promise<RunChange[]> {
      const changes = await runRules(db, await settings(), now, await kecamatanNama());
      if (!changes) return [];
      await announce(changes);
      return changes;
    },

    /** A page of alerts, newest opened first; `next` continues after the last one listed (one more is read to know). */
    async list(actor: Actor, query: AlertListQuery): Promise<Paged<AlertView>> {
      const rows = await listAlerts(db, query, regionFilter(actor), query.limit + 1);
      const page = rows.slice(0, query.limit);
      return { data: page.map(presentAlert), page: { total: null, next: rows.length > query.limit ? page[page.length - 1]!.cursor : null } };
    },

    get: readable,

    async levels(): Promise<KecamatanAlertLevel[]> {
      return (await kecamatanLevels(db)).map((k) => ({ kecamatanKode: k.kode, kecamatanNama: k.nama, level: k.severity ?? "normal", liveAlerts: k.live }));
    },

    /** A leader has seen it and says what is being done; an alert is acknowledged once. */
    async acknowledge(actor: Actor, id: string, note: string, ctx: RequestContext | null = null): Promise<AlertView> {
      const before = await readable(actor, id);
      const now = clock.now();
      const done = await db.transaction(async (transaction) => {
        if (!(await acknowledgeAlert(db, id, { now, by: actor.id, note }, transaction))) return false;
        await appendAlertEvent(db, { alertId: id, action: "acknowledged", actorId: actor.id, now, details: { note } }, transaction);
        await audit.record(ctx, "alert.acknowledged", { actorId: actor.id, targetType: "alert", targetId: id, details: { number: before.number, note } }, transaction);
        return true;
      });
      if (!done) throw conflict(before.status === "closed" ? "The alert is closed already" : "The alert has been acknowledged already");
      await announce([{ kind: "acknowledged", alertId: id }]);
      return readable(actor, id);
    },

    /** Closed by hand (a false alarm, or dealt with before the condition passed). */
    async close(actor: Actor, id: string, note: string | undefined, ctx: RequestContext | null = null): Promise<AlertView> {
      const before = await readable(actor, id);
      const now = clock.now();
      const done = await db.transaction(async (transaction) => {
        if (!(await closeAlert(db, id, { now, reason: "by_hand", note: note ?? null }, transaction))) return false;
        await appendAlertEvent(db, { alertId: id, action: "closed", actorId: actor.id, now, details: { reason: "by_hand", note: note ?? null } }, transaction);
        await audit.record(ctx, "alert.closed", { actorId: actor.id, targetType: "alert", targetId: id, details: { number: before.number, note: note ?? null } }, transaction);
        return true;
      });
      if (!done) throw conflict("The alert is closed already");
      await announce([{ kind: "closed", alertId: id }]);
      return readable(actor, id);
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
