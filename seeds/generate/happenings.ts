import type { Agency } from "./agencies.ts";
import { HOUR } from "./calendar.ts";
import type { Cluster, ClusterMember } from "./clusters.ts";
import { emptyExtra, type Extra } from "./extras.ts";
import { addFollowUps } from "./follow-ups.ts";
import { incidentExtra } from "./incidents.ts";
import type { Random } from "./random.ts";

/**
 * Incidents and follow-ups decided while the reports stream by: a hotspot becomes an incident once its
 * last reports have had time to be verified, a report and its twin are merged now and then, and some grave
 * verified reports are assigned to agencies. What is decided waits in `extras` until the seeder has
 * stored the reports it names.
 */

export interface ExtrasOptions {
  /** The partner agencies, as stored (ids known). */
  agencies: readonly Agency[];
  /** The first incident number to use (reserved from incident_number_seq). */
  firstIncidentNumber: number;
}

/** Days after a hotspot's last day before it is merged: its reports' decisions are in by then. */
const SETTLE_DAYS = 12;
/** Share of report-and-twin pairs (both verified) a verifier merges. */
const TWIN_MERGE = 0.4;

export function createHappenings(root: Random, opts: ExtrasOptions | undefined, end: number, kecNama: (kode: string) => string) {
  const extras: Extra[] = [];
  let nextNumber = opts?.firstIncidentNumber ?? 1;
  const ctx = opts && { end, agencies: opts.agencies, kecNama, nextNumber: () => nextNumber++ };
  const settled = new Set<Cluster>();

  return {
    extras,
    /** Incident numbers used so far: the seeder moves incident_number_seq past them. */
    lastIncidentNumber: () => nextNumber - 1,

    /** A report on an event and its second report: merged sometimes, when both were verified. */
    twins(a: ClusterMember, b: ClusterMember, rng: Random) {
      if (!ctx || !rng.chance(TWIN_MERGE)) return;
      const extra = incidentExtra(rng, [a, b], ctx);
      if (extra) extras.push(extra);
    },

    /** A grave report, verified, outside any hotspot: now and then sent to the agencies that act on it. */
    verified(m: ClusterMember, rng: Random) {
      if (!ctx || m.verifiedAt === null) return;
      const extra = emptyExtra(m.receivedAt, [m.id]);
      addFollowUps(
        extra,
        rng,
        { type: "report", id: m.id, reportIds: [m.id], subCategory: m.subCategory, kecNama: kecNama(m.kecamatanKode), assignedAt: m.verifiedAt + rng.int(1, 8) * HOUR, staff: m.verifier },
        ctx.agencies,
        end,
      );
      if (extra.assignments.length) extras.push(extra);
    },

    /** After a day of the stream: hotspots that have settled become incidents (all of them at the end). */
    dayDone(day: number, clusters: readonly Cluster[], last: boolean) {
      if (!ctx) return;
      for (const c of clusters) {
        if (settled.has(c) || (!last && c.lastDay + SETTLE_DAYS >= day)) continue;
        settled.add(c);
        const extra = incidentExtra(root.fork(`incident:${c.key}`), c.members, ctx);
        if (extra) extras.push(extra);
      }
    },
  };
}

export type Happenings = ReturnType<typeof createHappenings>;
