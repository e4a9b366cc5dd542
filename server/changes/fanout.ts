import type { ChangeEnvelope, ReportServerEvents } from "@contract/events.ts";
import type { ReportView } from "@contract/reports.ts";
import { wallReportOfView } from "@contract/wall-report.ts";
import type { IoServer } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";

/**
 * The rooms a report change goes to: verifiers of its kecamatan, admins, leaders and its author — exactly
 * those `changes.read` lets see the row (see changeFilterFor), so a live client and a resuming one agree.
 */
export function reportAudienceRooms(kecamatanKode: string, authorId: string): string[] {
  return [rooms.kecamatanVerifiers(kecamatanKode), rooms.role("admin"), rooms.role("leader"), rooms.user(authorId)];
}

export type ReportEventName = keyof ReportServerEvents;

/**
 * One emit per change to the union of its rooms: Socket.IO sends each socket one copy. `exceptSocketId`
 * is the socket the change came through (it has its ack already). The envelope is built only when
 * somebody else is listening: Socket.IO would serialise it before finding no recipient.
 */
export function emitReportChange(
  io: IoServer,
  event: ReportEventName,
  change: () => ChangeEnvelope<ReportView>,
  target: { kecamatanKode: string; authorId: string },
  exceptSocketId?: string,
) {
  const envelope = once(change);
  emitToWall(io, envelope);
  const audience = reportAudienceRooms(target.kecamatanKode, target.authorId);
  if (!hasListeners(io, audience, exceptSocketId)) return;
  const to = io.to(audience);
  (exceptSocketId ? to.except(exceptSocketId) : to).emit(event, envelope());
}

/**
 * The wall's copy of every report change (`wall:report`, room `wall`): its own small shape, built only
 * when a wall listens and from the envelope the staff rooms get (built once for both).
 */
function emitToWall(io: IoServer, envelope: () => ChangeEnvelope<ReportView>): void {
  if (!io.of("/").adapter.rooms.get(rooms.wall)?.size) return;
  const c = envelope();
  io.to(rooms.wall).emit("wall:report", { seq: c.seq, kind: c.kind, at: c.at, report: wallReportOfView(c.data) });
}

function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/** Local rooms only: with a cluster adapter (REDIS_URL, not wired yet) this check must go. */
function hasListeners(io: IoServer, audience: string[], exceptSocketId: string | undefined): boolean {
  const joined = io.of("/").adapter.rooms;
  return audience.some((room) => {
    const members = joined.get(room);
    return members !== undefined && (members.size > 1 || (members.size === 1 && !members.has(exceptSocketId ?? "")));
  });
}
