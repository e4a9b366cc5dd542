import type { Agency } from "./agencies.ts";
import { HOUR, MINUTE, witaParts } from "./calendar.ts";
import type { ClusterMember } from "./clusters.ts";
import { emptyExtra, type Extra } from "./extras.ts";
import { addFollowUps } from "./follow-ups.ts";
import { officeTime } from "./lifecycle.ts";
import type { Random } from "./random.ts";
import { KERAWANAN } from "./situation.ts";
import { compareText } from "./order.ts";

/**
 * A hotspot (or a report and its twin) merged into an incident, as a verifier would: once two of its
 * reports are verified, the second verifier creates the incident from them; reports verified later are
 * added as they come. Shaped as incidents/ writes it: the incident (number `INS-<year>-<n>`, title of its
 * earliest report, highest kerawanan, time span), its members, `merged` in each report's trail and the
 * audit entries. Grave incidents are then assigned to agencies (see follow-ups.ts).
 */

export interface IncidentContext {
  end: number;
  /** The next incident number (the seeder reserves them from incident_number_seq). */
  nextNumber: () => number;
  agencies: readonly Agency[];
  kecNama: (kode: string) => string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function incidentExtra(rng: Random, group: readonly ClusterMember[], ctx: IncidentContext): Extra | null {
  const verified = group.filter((m) => m.verifiedAt !== null && m.verifiedAt <= ctx.end).sort((a, b) => a.verifiedAt! - b.verifiedAt!);
  if (verified.length < 2) return null;
  const merger = verified[1]!.verifier;
  const createdAt = officeTime(verified[1]!.verifiedAt! + rng.int(10, 90) * MINUTE, rng);
  if (createdAt > ctx.end) return null;
  const merged = verified
    .map((m, i) => ({ m, at: i < 2 ? createdAt : officeTime(Math.max(createdAt, m.verifiedAt!) + rng.int(10, 180) * MINUTE, rng) }))
    .filter((x) => x.at <= ctx.end);
  const members = merged.map((x) => x.m);
  const earliest = [...members].sort((a, b) => a.occurredAt - b.occurredAt || compareText(a.id, b.id))[0]!;
  const id = rng.uuid();
  const number = `INS-${witaParts(createdAt).year}-${String(ctx.nextNumber()).padStart(5, "0")}`;
  const details = { incidentId: id, incidentNumber: number };

  const extra = emptyExtra(Math.max(...members.map((m) => m.receivedAt)), members.map((m) => m.id));
  extra.incident = {
    id,
    number,
    title: earliest.perihal,
    bidang: earliest.bidang,
    kerawanan: KERAWANAN[Math.max(...members.map((m) => KERAWANAN.indexOf(m.kerawanan)))]!,
    firstAt: iso(Math.min(...members.map((m) => m.occurredAt))),
    lastAt: iso(Math.max(...members.map((m) => m.occurredAt))),
    kecamatanKode: earliest.kecamatanKode,
    kecamatanKodes: [...new Set(members.map((m) => m.kecamatanKode))].sort(),
    createdBy: merger.id,
    createdAt: iso(createdAt),
    updatedAt: iso(Math.max(...merged.map((x) => x.at))),
  };
  extra.audit.push({
    action: "incident.created",
    actorId: merger.id,
    actorUsername: merger.username,
    targetType: "incident",
    targetId: id,
    details: { number, reportIds: members.slice(0, 2).map((m) => m.id) },
    numberOf: null,
    numberKey: null,
    at: iso(createdAt),
  });
  for (const { m, at } of merged) {
    extra.members.push({ reportId: m.id, incidentId: id, mergedBy: merger.id, mergedAt: iso(at) });
    extra.events.push({ reportId: m.id, actorId: merger.id, action: "merged", fromStatus: null, toStatus: null, note: null, details, at: iso(at) });
    extra.audit.push({
      action: "incident.merged",
      actorId: merger.id,
      actorUsername: merger.username,
      targetType: "report",
      targetId: m.id,
      details,
      numberOf: m.id,
      numberKey: "reportNumber",
      at: iso(at),
    });
  }

  const grave = extra.incident.kerawanan === "tinggi" || extra.incident.kerawanan === "sangat_tinggi";
  if (ctx.agencies.length && (grave || rng.chance(0.3))) {
    const assignedAt = createdAt + rng.int(1, 20) * HOUR;
    addFollowUps(
      extra,
      rng,
      {
        type: "incident",
        id,
        incidentNumber: number,
        reportIds: merged.filter((x) => x.at <= assignedAt).map((x) => x.m.id),
        subCategory: earliest.subCategory,
        kecNama: ctx.kecNama(earliest.kecamatanKode),
        assignedAt,
        staff: merger,
      },
      ctx.agencies,
      ctx.end,
    );
  }
  return extra;
}
