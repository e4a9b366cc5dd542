import { Kerawanan } from "@contract/reports.ts";
import type { DuplicateCandidate, IncidentMember, IncidentView } from "@contract/incidents.ts";
import type { DuplicateRow } from "./duplicates.repo.ts";
import type { IncidentMemberRow, IncidentRow, MemberDigest } from "./incidents.read.repo.ts";

/** Whether the reader may see reports of this kecamatan (their region scope). */
export type SeesKecamatan = (kode: string) => boolean;

const iso = (d: Date | string) => new Date(d).toISOString();
const severity = (k: Kerawanan) => Kerawanan.options.indexOf(k);
const place = (kode: string, nama: string) => ({ kode, nama });

/** The report the map shows an incident at: the most severe, the latest of equals. */
function representative(members: MemberDigest[]): MemberDigest | undefined {
  return members.reduce<MemberDigest | undefined>((best, m) => {
    if (!best) return m;
    const bySeverity = severity(m.kerawanan) - severity(best.kerawanan);
    return bySeverity > 0 || (bySeverity === 0 && Date.parse(m.occurred_at) > Date.parse(best.occurred_at)) ? m : best;
  }, undefined);
}

/**
 * An incident as one reader sees it. Its summary (kerawanan, span, count) covers all its reports; the
 * report ids and the point it is shown at only those the reader may see, so an incident that also holds
 * another region's report names nothing of it.
 */
export function presentIncident(r: IncidentRow, sees: SeesKecamatan): IncidentView {
  const visible = r.members.filter((m) => sees(m.kecamatan_kode));
  const at = r.dissolved_at ? undefined : representative(visible);
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    bidang: r.bidang,
    kerawanan: r.kerawanan,
    firstAt: iso(r.first_at),
    lastAt: iso(r.last_at),
    kecamatan: r.kecamatan_kode && r.kecamatan_nama ? place(r.kecamatan_kode, r.kecamatan_nama) : null,
    status: r.dissolved_at ? "dissolved" : "active",
    rahasia: r.rahasia,
    reportCount: Number(r.report_count),
    reportIds: visible.map((m) => m.id),
    location: at ? { lat: Number(at.lat), lng: Number(at.lng) } : null,
    createdAt: iso(r.created_at),
    createdBy: r.created_by && r.created_by_name ? { id: r.created_by, displayName: r.created_by_name } : null,
    dissolvedAt: r.dissolved_at ? iso(r.dissolved_at) : null,
  };
}

export function presentMember(m: IncidentMemberRow): IncidentMember {
  return {
    id: m.id,
    number: m.number,
    perihal: m.perihal,
    kerawanan: m.kerawanan,
    status: m.status,
    classification: m.classification,
    occurredAt: iso(m.occurred_at),
    kecamatan: place(m.kecamatan_kode, m.kecamatan_nama),
    desa: m.desa_kode && m.desa_nama ? place(m.desa_kode, m.desa_nama) : null,
    location: { lat: Number(m.lat), lng: Number(m.lng) },
    mergedAt: iso(m.merged_at),
    mergedBy: m.merged_by && m.merged_by_name ? { id: m.merged_by, displayName: m.merged_by_name } : null,
  };
}

export function presentCandidate(c: DuplicateRow): DuplicateCandidate {
  return {
    id: c.id,
    number: c.number,
    perihal: c.perihal,
    kerawanan: c.kerawanan,
    status: c.status,
    classification: c.classification,
    occurredAt: iso(c.occurred_at),
    kecamatan: place(c.kecamatan_kode, c.kecamatan_nama),
    desa: c.desa_kode && c.desa_nama ? place(c.desa_kode, c.desa_nama) : null,
    similarity: Math.round(Number(c.similarity) * 1000) / 1000,
    distanceM: Math.round(Number(c.distance_m)),
    gapMinutes: Math.round(Number(c.gap_minutes)),
    incident: c.incident_id && c.incident_number ? { id: c.incident_id, number: c.incident_number } : null,
  };
}
