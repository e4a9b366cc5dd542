import type { ClaimNotice } from "@contract/claims.ts";
import type { IoServer } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";

/**
 * Who is told of a report's claims: those who may decide on it or watch the deciding — verifiers of its
 * kecamatan, admins, leaders — and never its author (an officer) or guests. `alsoUserIds` adds people
 * by name (the holder of a broken claim, wherever their sockets are).
 */
export function claimAudienceRooms(kecamatanKode: string, alsoUserIds: string[] = []): string[] {
  return [rooms.kecamatanVerifiers(kecamatanKode), rooms.role("admin"), rooms.role("leader"), ...alsoUserIds.map(rooms.user)];
}

/**
 * Send a claim fact after its commit. Not in the change log: a lease is minutes long and lapses without
 * an event, so a client that was away reads the claim with the report rather than replaying old ones.
 */
export function announceClaim(
  io: IoServer,
  event: "report:claimed" | "report:released",
  target: { kecamatanKode: string },
  notice: ClaimNotice,
  alsoUserIds: string[] = [],
): void {
  io.to(claimAudienceRooms(target.kecamatanKode, alsoUserIds)).emit(event, notice);
}
