import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { Server, type Socket } from "socket.io";
import type { Sequelize } from "sequelize";
import type { Logger } from "pino";
import type { ClientToServerEvents, ServerToClientEvents } from "@contract/events.ts";
import type { SessionUser } from "@contract/auth.ts";
import type { Actor } from "../auth/permissions.ts";
import { originAllowed } from "../auth/request-guards.ts";
import type { LiveSessions } from "../auth/live-sessions.ts";
import { getUserById } from "../users/users.repo.ts";
import { presentSessionUser, toActor } from "../users/users.present.ts";
import { PUBLIC_NAMESPACE, rooms } from "./rooms.ts";
import type { TokenBucket } from "./token-bucket.ts";
import type { TrustProxy } from "./trust-proxy.ts";
import { createUserSocketLimits } from "./user-sockets.ts";
import { coalesceFlushedWrites } from "./coalesce-writes.ts";

export interface SocketData {
  user: SessionUser;
  actor: Actor;
  sessionId: string;
  /** The user's event budget, shared by all their sockets on this node (see user-sockets.ts). */
  bucket: TokenBucket;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface IoOptions {
  db: Sequelize;
  log: Logger;
  session: RequestHandler;
  allowedOrigins: string[];
  /** The app's proxy trust: the handshake's origin check believes X-Forwarded-Host only from these. */
  trustProxy: TrustProxy;
  absoluteSessionMs: number;
  /** Per user, across their sockets. */
  eventsPerSecond: number;
  maxSocketsPerUser: number;
  /** Every kecamatan code: verifiers without a scope act on all of them. */
  kecamatanCodes: () => string[];
}

type SessionRequest = IncomingMessage & {
  session?: { userId?: string; loginAt?: number };
  sessionID?: string;
  _query?: Record<string, string>;
};

/**
 * The socket hub. The handshake goes through the same session middleware as REST; sockets without a
 * valid session are refused except on the public namespace; rooms are joined here, from role and region
 * only — a client never names a room.
 */
export function createIo(http: HttpServer, opts: IoOptions): { io: IoServer; live: LiveSessions } {
  const io: IoServer = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 1024 * 1024,
    allowRequest: (req, callback) => callback(null, originAllowed(req, opts.allowedOrigins, opts.trustProxy)),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });

  coalesceFlushedWrites(io.engine);

  // Only the handshake request needs the session (later polling requests carry the engine's sid).
  io.engine.use((req: SessionRequest, res: Parameters<RequestHandler>[1], next: () => void) => {
    if (req._query?.sid === undefined) opts.session(req as never, res, next);
    else next();
  });

  io.use(async (socket, next) => {
    try {
      const req = socket.request as SessionRequest;
      const userId = req.session?.userId;
      const loginAt = req.session?.loginAt ?? 0;
      if (!userId || Date.now() - loginAt > opts.absoluteSessionMs) return next(new Error("unauthenticated"));
      const row = await getUserById(opts.db, userId);
      if (!row || !row.active) return next(new Error("unauthenticated"));
      socket.data.user = presentSessionUser(row);
      socket.data.actor = toActor(row);
      socket.data.sessionId = req.sessionID!;
      next();
    } catch (err) {
      opts.log.error({ err }, "socket handshake failed");
      next(new Error("internal"));
    }
  });

  const limits = createUserSocketLimits({ maxPerUser: opts.maxSocketsPerUser, eventsPerSecond: opts.eventsPerSecond });
  io.on("connection", (socket) => {
    limits.admit(socket);
    void socket.join(roomsFor(socket.data, opts.kecamatanCodes()));
  });

  io.of(PUBLIC_NAMESPACE).on("connection", (socket) => {
    void socket.join(rooms.public);
  });

  const live: LiveSessions = {
    endSession: (sid) => io.in(rooms.session(sid)).disconnectSockets(true),
    endUser: (id) => io.in(rooms.user(id)).disconnectSockets(true),
  };
  return { io, live };
}

/** The rooms a user's socket belongs to. */
export function roomsFor(data: Pick<SocketData, "user" | "sessionId">, allKecamatan: string[]): string[] {
  const { user } = data;
  const list: string[] = [rooms.user(user.id), rooms.session(data.sessionId), rooms.role(user.role)];
  if (user.role === "verifier") {
    const scope = user.verifierRegions.length ? user.verifierRegions : allKecamatan;
    list.push(...scope.map(rooms.kecamatanVerifiers));
  }
  if (user.role === "guest") list.push(rooms.public);
  return list;
}
