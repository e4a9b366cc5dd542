import type { ChangeEnvelope, ServerToClientEvents } from "@contract/events.ts";
import type { IoServer } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";

/**
 * The rooms a report change goes to: verifiers of its kecamatan, admins, leaders and its author — exactly
 * those `changes.read` lets see the row (see changeFilterFor), so a live client and a resuming one agree.
 */
export function reportAudienceRooms(kecamatanKode: string, authorId: string): string[] {
  return [rooms.kecamatanVerifiers(kecamatanKode), rooms.role("admin"), rooms.role("leader"), rooms.user(authorId)];
}

export type ReportEventName = keyof ServerToClientEvents;

/** One emit per change to the union of its rooms: Socket.IO sends each socket one copy. */
export function emitReportChange(io: IoServer, event: ReportEventName, change: ChangeEnvelope, target: { kecamatanKode: string; authorId: string }) {
  io.to(reportAudienceRooms(target.kecamatanKode, target.authorId)).emit(event, change);
}
