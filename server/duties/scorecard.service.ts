import type { Sequelize } from "sequelize";
import type { Bidang, Kerawanan } from "@contract/reports.ts";
import type { Scorecard, ScorecardCounts, ScorecardDrilldown, ScorecardKecamatan, ScorecardOfficer } from "@contract/duties.ts";
import { regionFilter, scopeOf, type Actor } from "../auth/permissions.ts";
import type { Clock } from "../core/clock.ts";
import { forbidden, invalid, notFound } from "../core/errors.ts";
import { addDays, kindOfKey, periodEnd, periodOf, periodStart, witaDay } from "@contract/periods.ts";
import { getOfficers } from "./duty-calendar.repo.ts";
import { getDuties } from "./duties.repo.ts";
import { presentDuty } from "./duties.present.ts";
import type { DutiesService } from "./duties.service.ts";
import { getDutyCountsByOfficer, getOfficerReports, getReportCountsByOfficer, type ScorecardFilter } from "./scorecard.repo.ts";

const zero = (): ScorecardCounts => ({ owed: 0, onTime: 0, late: 0, missing: 0, pending: 0, reports: 0, verified: 0, rejected: 0, verificationRate: null });

function addCounts(into: ScorecardCounts, c: ScorecardCounts): void {
  for (const k of ["owed", "onTime", "late", "missing", "pending", "reports", "verified", "rejected"] as const) into[k] += c[k];
  into.verificationRate = rateOf(into);
}

const rateOf = (c: ScorecardCounts) => (c.verified + c.rejected ? Math.round((c.verified / (c.verified + c.rejected)) * 1000) / 1000 : null);

/**
 * The scorecard: per officer and kecamatan over a period, what was owed and how it went (from the duties
 * the check judged), and how verifiers decided the officer's reports. Officers see their own; verifiers
 * their region's officers; admins and leaders everyone.
 */
export function createScorecardService({ db, clock, duties }: { db: Sequelize; clock: Clock; duties: DutiesService }) {
  function rangeOf(period: string | undefined) {
    const key = period ?? periodOf("month", witaDay(clock.now()));
    const kind = kindOfKey(key);
    if (!kind) throw invalid("Input is not valid", { period: "must be a real day, ISO week, month or quarter" });
    return { key, from: periodStart(kind, key), to: addDays(periodEnd(kind, key), -1) };
  }

  /** Who the actor may see: themself (officers), a region (verifiers), everyone. */
  function audienceOf(actor: Actor): { officerId: string | null; kecamatan: string[] | null } {
    const scope = scopeOf(actor, "duty.read");
    if (scope === "own") return { officerId: actor.id, kecamatan: null };
    return { officerId: null, kecamatan: scope === "region" ? regionFilter(actor) : null };
  }

  return {
    async scorecard(actor: Actor, q: { period?: string; kecamatan?: string; officer?: string }): Promise<Scorecard> {
      const range = rangeOf(q.period);
      const audience = audienceOf(actor);
      if (audience.officerId && q.officer && q.officer !== audience.officerId) throw forbidden("Officers see their own scorecard only");
      if (q.kecamatan && audience.kecamatan && !audience.kecamatan.includes(q.kecamatan)) throw forbidden("Outside your region");
      const filter: ScorecardFilter = {
        from: range.from,
        to: range.to,
        kecamatan: q.kecamatan ? [q.kecamatan] : audience.kecamatan,
        officerId: audience.officerId ?? q.officer ?? null,
      };
      const [dutyCounts, reportCounts] = await Promise.all([getDutyCountsByOfficer(db, filter), getReportCountsByOfficer(db, filter)]);
      const officers = new Map<string, ScorecardOfficer>();
      const officerRow = (r: { officer_id: string; name: string; kecamatan_kode: string }) =>
        officers.get(r.officer_id) ?? officers.set(r.officer_id, { officerId: r.officer_id, name: r.name, kecamatanKode: r.kecamatan_kode, ...zero() }).get(r.officer_id)!;
      for (const d of dutyCounts) Object.assign(officerRow(d), { owed: d.owed, onTime: d.on_time, late: d.late, missing: d.missing, pending: d.pending });
      for (const r of reportCounts) Object.assign(officerRow(r), { reports: r.reports, verified: r.verified, rejected: r.rejected });
      const rows = [...officers.values()].sort((a, b) => a.kecamatanKode.localeCompare(b.kecamatanKode) || a.name.localeCompare(b.name));
      const kecamatan = new Map<string, ScorecardKecamatan>();
      const total = zero();
      for (const o of rows) {
        o.verificationRate = rateOf(o);
        const k = kecamatan.get(o.kecamatanKode) ?? kecamatan.set(o.kecamatanKode, { kecamatanKode: o.kecamatanKode, officers: 0, ...zero() }).get(o.kecamatanKode)!;
        k.officers++;
        addCounts(k, o);
        addCounts(total, o);
      }
      return { period: range.key, from: range.from, to: range.to, officers: rows, kecamatan: [...kecamatan.values()], total };
    },

    /** One officer's duties and reports of the period; 404 for an officer the actor may not see. */
    async drilldown(actor: Actor, officerId: string, period: string | undefined): Promise<ScorecardDrilldown> {
      const range = rangeOf(period);
      const audience = audienceOf(actor);
      const [officer] = await getOfficers(db, [officerId], true);
      const visible = officer && (audience.officerId ? audience.officerId === officer.id : !audience.kecamatan || audience.kecamatan.includes(officer.kecamatan_kode));
      if (!officer || !visible) throw notFound("No such officer");
      const [rules, dutyRows, reports] = await Promise.all([
        duties.settings(),
        getDuties(db, { officerId, kecamatan: null, from: range.from, to: range.to }),
        getOfficerReports(db, officerId, range.from, range.to),
      ]);
      return {
        officer: { id: officer.id, name: officer.display_name, kecamatanKode: officer.kecamatan_kode },
        period: range.key,
        from: range.from,
        to: range.to,
        duties: dutyRows.map((d) => presentDuty(d, rules)),
        reports: reports.map((r) => ({
          id: r.id,
          number: r.number,
          kind: r.kind,
          period: r.period,
          perihal: r.perihal,
          bidang: r.bidang as Bidang | null,
          kerawanan: r.kerawanan as Kerawanan,
          status: r.status,
          occurredAt: new Date(r.occurred_at).toISOString(),
          sentAt: new Date(r.sent_at).toISOString(),
          receivedAt: new Date(r.received_at).toISOString(),
        })),
      };
    },
  };
}

export type ScorecardService = ReturnType<typeof createScorecardService>;
