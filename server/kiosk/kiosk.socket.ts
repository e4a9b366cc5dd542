import type { Logger } from "pino";
import type { IoServer, SocketIdentity } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";
import type { Kiosk, KioskService } from "./kiosk.service.ts";

/**
 * A kiosk socket: the wall's room and its own (what a revoke closes), nothing else. The socket layer wants
 * a user and an actor for every socket (its per-user limits key on `user.id`): a kiosk's describe the
 * screen with the least of roles, `guest`, and `kioskId` makes every event it might send refused
 * (auth/socket-access.ts) — it only listens.
 */
export function kioskSocketIdentity(kiosk: Kiosk): SocketIdentity {
  return {
    user: {
      id: kiosk.id,
      username: `kiosk:${kiosk.id}`,
      displayName: kiosk.label,
      role: "guest",
      kecamatanKode: null,
      position: null,
      nip: null,
      phone: null,
      verifierRegions: [],
      mustChangePassword: false,
    },
    actor: { id: kiosk.id, role: "guest", kecamatanKode: null, verifierRegions: [] },
    sessionId: `kiosk:${kiosk.id}`,
    rooms: [rooms.wall, rooms.kiosk(kiosk.id)],
    kioskId: kiosk.id,
  };
}

/** The socket handshake's kiosk door (auth/socket-auth.ts `kiosk`): the token's identity, or null. */
export async function kioskSocketLogin(kiosks: Pick<KioskService, "authenticate">, token: string): Promise<SocketIdentity | null> {
  const kiosk = await kiosks.authenticate(token);
  return kiosk ? kioskSocketIdentity(kiosk) : null;
}

/** Close a kiosk's sockets, on every node (the adapter carries it). */
export function kioskDisconnector(io: IoServer): (kioskId: string) => void {
  return (kioskId) => io.in(rooms.kiosk(kioskId)).disconnectSockets(true);
}

/**
 * The second way a revoked screen goes dark: once a second, this node asks which of its own kiosk
 * sockets' tokens are revoked and closes them. The revoke's own disconnect reaches every node through a
 * cluster adapter; this loop covers what it cannot — a node whose adapter dropped the message, a revoke
 * written by another node without a shared adapter, or by hand in the database. One indexed query a
 * second, and none while the node holds no kiosk socket. Stops when the server closes.
 */
export function startKioskRecheck(io: IoServer, kiosks: Pick<KioskService, "revokedAmong">, log: Logger, everyMs = 1_000): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    const ids = localKioskIds(io);
    if (!ids.length) return;
    running = true;
    kiosks
      .revokedAmong(ids)
      .then((revoked) => {
        for (const id of revoked) io.local.in(rooms.kiosk(id)).disconnectSockets(true);
      })
      .catch((err: unknown) => log.error({ err }, "kiosk re-check failed"))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  io.httpServer?.once("close", () => clearInterval(timer));
  return { stop: () => clearInterval(timer) };
}

function localKioskIds(io: IoServer): string[] {
  const nsp = io.of("/");
  const ids = new Set<string>();
  for (const socketId of nsp.adapter.rooms.get(rooms.wall) ?? []) {
    const kioskId = nsp.sockets.get(socketId)?.data.kioskId;
    if (kioskId) ids.add(kioskId);
  }
  return [...ids];
}
