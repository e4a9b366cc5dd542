import type { ReportDetail, ReportEventAction, ReportHistoryEntry, RevisionSummary, RevisionView } from "@contract/report-detail.ts";
import type { ReportStatus } from "@contract/reports.ts";
import type { Actor } from "../auth/permissions.ts";
import type { ReportEventAction as TrailAction } from "./report-events.repo.ts";
import type { ReportDetailRow } from "./report-detail.repo.ts";
import type { ReportEventRow, RevisionRowSummary } from "./history.repo.ts";
import { presentReport } from "./reports.present.ts";

// The trail's writer and the history's readers name the same actions: tsc fails here when one list grows alone.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameActions: Same<TrailAction, ReportEventAction> = true;
void sameActions;

const iso = (t: Date | string) => new Date(t).toISOString();

/**
 * The whole report. Its author (an officer) gets the same report without the verification desk's
 * business: no claim, no incident.
 */
export function presentReportDetail(r: ReportDetailRow, reader: Actor): ReportDetail {
  const view = presentReport(r);
  const files = new Map(r.attachments.map((a) => [a.sha256, a]));
  const desk = reader.role !== "officer";
  return {
    ...view,
    author: {
      id: r.author_id,
      displayName: r.author_name,
      nip: r.author_nip,
      position: r.author_position,
      kecamatan: r.author_kecamatan_kode ? { kode: r.author_kecamatan_kode, nama: r.author_kecamatan_nama ?? r.author_kecamatan_kode } : null,
    },
    photos: view.photos.map(({ sha256 }) => {
      const file = files.get(sha256);
      return {
        sha256,
        uploaded: file !== undefined,
        mime: file?.mime ?? null,
        sizeBytes: file ? Number(file.size_bytes) : null,
        width: file ? Number(file.width) : null,
        height: file ? Number(file.height) : null,
      };
    }),
    outsideOwnKecamatan: r.author_kecamatan_kode !== null && r.author_kecamatan_kode !== r.kecamatan_kode,
    outsideBalangan: r.outside_meters > 0,
    revisionCount: Number(r.revision_count),
    amendedAt: r.amended_at ? iso(r.amended_at) : null,
    claim:
      desk && r.claim_holder_id && r.claimed_at && r.claim_expires_at
        ? { holderId: r.claim_holder_id, holderName: r.claim_holder_name ?? "", claimedAt: iso(r.claimed_at), expiresAt: iso(r.claim_expires_at) }
        : null,
    incident: desk && r.incident_id ? { id: r.incident_id, number: r.incident_number ?? "", title: r.incident_title ?? "" } : null,
  };
}

export function presentHistoryEntry(e: ReportEventRow): ReportHistoryEntry {
  return {
    id: String(e.id),
    at: iso(e.at),
    action: e.action as ReportEventAction,
    actor: e.actor_id ? { id: e.actor_id, displayName: e.actor_name ?? "", role: e.actor_role ?? "" } : null,
    fromStatus: (e.from_status as ReportStatus | null) ?? null,
    toStatus: (e.to_status as ReportStatus | null) ?? null,
    note: e.note,
    details: (e.details as ReportHistoryEntry["details"]) ?? null,
  };
}

export function presentRevisionSummary(r: RevisionRowSummary): RevisionSummary {
  return { revision: r.revision, receivedAt: iso(r.received_at), clientId: r.client_id };
}

export function presentRevision(r: RevisionRowSummary & { payload: Record<string, unknown> }): RevisionView {
  return { ...presentRevisionSummary(r), payload: r.payload as RevisionView["payload"] };
}
