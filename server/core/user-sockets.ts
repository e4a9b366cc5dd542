import type { IoSocket } from "./io.ts";
import { TokenBucket } from "./token-bucket.ts";

export interface UserSocketLimitsOptions {
  /** Sockets one user may hold; one more displaces the oldest. */
  maxPerUser: number;
  /** The user's event budget a second, shared by all their sockets (burst: twice that). */
  eventsPerSecond: number;
}

interface UserEntry {
  /** Oldest first. */
  sockets: IoSocket[];
  bucket: TokenBucket;
  dropTimer?: ReturnType<typeof setTimeout>;
}

/**
 * Limits per user rather than per socket: a socket's own limit bounds nothing when a user may open sockets
 * at will (one account opened 200, multiplying its event budget and every broadcast sent to it). A user
 * holds at most `maxPerUser` sockets, a new one displacing the oldest (the newest is the tab in use), and
 * all of them draw on one token bucket.
 *
 * Counted per node: with several server nodes a user could hold `maxPerUser` sockets and spend the rate on
 * each. Accepted: the limits protect a node's memory and event loop, and the node count is the operator's.
 */
export function createUserSocketLimits(opts: UserSocketLimitsOptions) {
  const users = new Map<string, UserEntry>();

  function release(userId: string, socket: IoSocket): void {
    const entry = users.get(userId);
    if (!entry) return;
    entry.sockets = entry.sockets.filter((s) => s !== socket);
    if (entry.sockets.length > 0) return;
    // Dropped only once refilled: until then a fresh bucket would hand a full burst to anyone who
    // disconnects and reconnects, which is a per-socket limit again.
    const ms = entry.bucket.msUntilFull();
    if (ms <= 0) {
      users.delete(userId);
      return;
    }
    entry.dropTimer = setTimeout(() => {
      if (entry.sockets.length === 0 && users.get(userId) === entry) users.delete(userId);
    }, Math.ceil(ms));
    entry.dropTimer.unref();
  }

  return {
    /** Count a connected socket against its user: it draws on the user's bucket and may displace the oldest. */
    admit(socket: IoSocket): void {
      const userId = socket.data.user.id;
      let entry = users.get(userId);
      if (!entry) {
        entry = { sockets: [], bucket: new TokenBucket(opts.eventsPerSecond, opts.eventsPerSecond * 2) };
        users.set(userId, entry);
      }
      clearTimeout(entry.dropTimer);
      entry.sockets.push(socket);
      socket.data.bucket = entry.bucket;
      socket.once("disconnect", () => release(userId, socket));
      while (entry.sockets.length > opts.maxPerUser) displace(entry.sockets.shift()!, opts.maxPerUser);
    },
  };
}

export type UserSocketLimits = ReturnType<typeof createUserSocketLimits>;

function displace(socket: IoSocket, limit: number): void {
  socket.emit("session:displaced", { reason: "too_many_sockets", limit });
  // Not disconnect(true): a client told "io server disconnect" does not reconnect by itself, so two tabs
  // over the limit do not take turns displacing each other. The notice goes first on the same connection.
  socket.disconnect();
}
