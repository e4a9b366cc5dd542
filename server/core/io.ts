import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { Server, type Socket } from "socket.io";
import type { Logger } from "pino";
import type { ClientToServerEvents, ServerToClientEvents } from "@contract/events.ts";
import type { SessionUser } from "@contract/auth.ts";
import { PUBLIC_NAMESPACE, rooms } from "./rooms.ts";
import type { TokenBucket } from "./token-bucket.ts";
import { createUserSocketLimits } from "./user-sockets.ts";
import { coalesceFlushedWrites } from "./coalesce-writes.ts";

/** Who a socket acts for, as permission checks read it (auth's `Actor` has this shape). */
export type SocketActor = Pick<SessionUser, "id" | "role" | "kecamatanKode" | "verifierRegions">;

/** What the handshake establishes about a socket (auth/socket-auth.ts decides it). */
export interface SocketIdentity {
  user: SessionUser;
  actor: SocketActor;
  sessionId: string;
  /** The rooms the socket joins on connection: from role and region only — a client never names a room. */
  rooms: string[];
  /**
   * Set for a wall screen's kiosk token (server/kiosk/): then `user` and `actor` describe the screen, not a
   * person, and the socket may send no event at all (auth/socket-access.ts).
   */
  kioskId?: string;
}

export interface SocketData extends SocketIdentity {
  /** The user's event budget, shared by all their sockets on this node (see user-sockets.ts). */
  bucket: TokenBucket;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface IoOptions {
  log: Logger;
  /** Whether to take a connection's HTTP request at all (the origin check). */
  allowRequest: (req: IncomingMessage) => boolean;
  /** Express middleware run on the handshake request only (the session, so the handshake sees it). */
  handshakeMiddleware: RequestHandler;
  /**
   * Who the handshake is, once the middleware ran; null refuses the socket as unauthenticated. `auth` is the
   * client's handshake payload (`io(url, { auth })`): a kiosk token, or the view a socket is for.
   */
  authenticate: (req: IncomingMessage, auth: Record<string, unknown>) => Promise<SocketIdentity | null>;
  /** Per user, across their sockets. */
  eventsPerSecond: number;
  maxSocketsPerUser: number;
}

type HandshakeRequest = IncomingMessage & { _query?: Record<string, string> };

/**
 * The socket hub. Every socket of the main namespace is authenticated at the handshake (by
 * `opts.authenticate`) and joins the rooms decided there; the public namespace needs no session.
 */
export function createIo(http: HttpServer, opts: IoOptions): IoServer {
  const io: IoServer = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 1024 * 1024,
    allowRequest: (req, callback) => callback(null, opts.allowRequest(req)),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });

  coalesceFlushedWrites(io.engine);

  // Only the handshake request needs the middleware (later polling requests carry the engine's sid).
  io.engine.use((req: HandshakeRequest, res: Parameters<RequestHandler>[1], next: () => void) => {
    if (req._query?.sid === undefined) opts.handshakeMiddleware(req as never, res, next);
    else next();
  });

  io.use(async (socket, next) => {
    try {
      const identity = await opts.authenticate(socket.request, socket.handshake.auth ?? {});
      if (!identity) return next(new Error("unauthenticated"));
      const { user, actor, sessionId, rooms: joins } = identity;
      if (identity.kioskId) socket.data.kioskId = identity.kioskId;
      socket.data.user = user;
      socket.data.actor = actor;
      socket.data.sessionId = sessionId;
      socket.data.rooms = joins;
      next();
    } catch (err) {
      opts.log.error({ err }, "socket handshake failed");
      next(new Error("internal"));
    }
  });

  const limits = createUserSocketLimits({ maxPerUser: opts.maxSocketsPerUser, eventsPerSecond: opts.eventsPerSecond });
  io.on("connection", (socket) => {
    limits.admit(socket);
    void socket.join(socket.data.rooms);
  });

  io.of(PUBLIC_NAMESPACE).on("connection", (socket) => {
    void socket.join(rooms.public);
  });

  return io;
}
