import type { IncomingMessage } from "node:http";
import type { Sequelize } from "sequelize";
import type { SessionUser } from "@contract/auth.ts";
import type { IoServer, SocketIdentity } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";
import { getUserById } from "./accounts.repo.ts";
import type { LiveSessions } from "./live-sessions.ts";
import { presentSessionUser, toActor } from "./session-user.ts";
import { can } from "./permissions.ts";

/** The handshake request once the session middleware ran on it. */
type SessionRequest = IncomingMessage & {
  session?: { userId?: string; loginAt?: number };
  sessionID?: string;
};

export interface SocketAuthOptions {
  db: Sequelize;
  absoluteSessionMs: number;
  /** Every kecamatan code: verifiers without a scope act on all of them. */
  kecamatanCodes: () => Promise<string[]>;
  /** A wall screen's kiosk token (`auth: { kioskToken }`) → its identity, or null when unknown or revoked (server/kiosk/). */
  kiosk?: (token: string) => Promise<SocketIdentity | null>;
}

/**
 * Socket authentication, by the same session cookie as REST: a socket needs a live session of an active
 * user no older than the absolute limit (the account row is read again, as for every request), and joins
 * the rooms of its user's role and region.
 */
export function socketAuthenticator(opts: SocketAuthOptions): (req: IncomingMessage, auth?: Record<string, unknown>) => Promise<SocketIdentity | null> {
  return async (req, auth = {}) => {
    // A kiosk presents its token in the handshake payload, never a cookie: the token alone decides.
    if (auth.kioskToken !== undefined) return typeof auth.kioskToken === "string" && opts.kiosk ? opts.kiosk(auth.kioskToken) : null;
    const { session, sessionID } = req as SessionRequest;
    const userId = session?.userId;
    if (!userId || !sessionID || Date.now() - (session?.loginAt ?? 0) > opts.absoluteSessionMs) return null;
    const row = await getUserById(opts.db, userId);
    if (!row || !row.active) return null;
    const user = presentSessionUser(row);
    const actor = toActor(row);
    if (auth.view === "wall" && can(actor, "wall.read")) return { user, actor, sessionId: sessionID, rooms: wallRoomsFor(user, sessionID) };
    return { user, actor, sessionId: sessionID, rooms: roomsFor(user, sessionID, await opts.kecamatanCodes()) };
  };
}

/**
 * A leader's or admin's socket that asked for the wall (`auth: { view: "wall" }`): the wall's room and the
 * rooms that end it (logout, a disabled account), not the staff rooms — a wall would otherwise get every
 * report's full view beside its own small `wall:report`, and the ordinary dashboard never gets the wall's.
 */
export function wallRoomsFor(user: SessionUser, sessionId: string): string[] {
  return [rooms.user(user.id), rooms.session(sessionId), rooms.wall];
}

/** The rooms a user's socket belongs to. */
export function roomsFor(user: SessionUser, sessionId: string, allKecamatan: string[]): string[] {
  const list: string[] = [rooms.user(user.id), rooms.session(sessionId), rooms.role(user.role)];
  if (user.role === "verifier") {
    const scope = user.verifierRegions.length ? user.verifierRegions : allKecamatan;
    list.push(...scope.map(rooms.kecamatanVerifiers));
  }
  if (user.role === "guest") list.push(rooms.public);
  return list;
}

/** Ending access live: the sockets of a session or of a user are closed (across nodes through the adapter). */
export function liveSessionsOf(io: IoServer): LiveSessions {
  return {
    endSession: (sid) => io.in(rooms.session(sid)).disconnectSockets(true),
    endUser: (id) => io.in(rooms.user(id)).disconnectSockets(true),
  };
}
