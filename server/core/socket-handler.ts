import type { Logger } from "pino";
import type { Ack, ClientEventName } from "@contract/events.ts";
import { SOCKET_EVENT_ACCESS } from "../auth/socket-access.ts";
import { can } from "../auth/permissions.ts";
import { AppError, forbidden, toAppError } from "./errors.ts";
import type { IoSocket } from "./io.ts";

/**
 * Register a client→server event: rate-limited per user (one bucket for all the user's sockets, see
 * user-sockets.ts), permission re-checked on every event from the
 * access table, errors turned into `{ error }` acks so internals never reach the client.
 */
export function handleEvent<T>(
  socket: IoSocket,
  event: ClientEventName,
  log: Logger,
  handler: (input: unknown) => Promise<T>,
): void {
  const access = SOCKET_EVENT_ACCESS[event];
  (socket.on as (e: string, l: (...args: unknown[]) => void) => void)(event, async (...args: unknown[]) => {
    const ack = typeof args.at(-1) === "function" ? (args.pop() as (r: Ack<T>) => void) : undefined;
    const reply = (r: Ack<T>) => ack?.(r);
    if (!socket.data.bucket.take())
      return reply(new AppError(429, "too_many_requests", "Too many events; slow down").toBody());
    if (access !== "public" && !can(socket.data.actor, access)) return reply(forbidden().toBody());
    try {
      reply({ data: await handler(args[0]) });
    } catch (err) {
      const appError = toAppError(err);
      if (appError.status >= 500) log.error({ err, event }, "socket event failed");
      reply(appError.toBody());
    }
  });
}
