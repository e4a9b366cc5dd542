import type { Logger } from "pino";
import type { Ack, AckData, ClientEventName } from "@contract/events.ts";
import { AppError, forbidden, toAppError } from "./errors.ts";
import type { IoSocket } from "./io.ts";

/** May this socket's user send this event? Supplied by auth/ (core depends on no capability). */
export type EventGate = (socket: IoSocket, event: ClientEventName) => boolean;

export interface EventDeps {
  log: Logger;
  mayHandle: EventGate;
}

/**
 * Register a client→server event: rate-limited per user (one bucket for all the user's sockets, see
 * user-sockets.ts), permission re-checked on every event through `mayHandle`, errors turned into
 * `{ error }` acks so internals never reach the client. The handler gets the payload as `unknown`: the
 * contract types what a client should send, the handler's parse decides what it did send.
 */
export function handleEvent<E extends ClientEventName>(
  socket: IoSocket,
  event: E,
  deps: EventDeps,
  handler: (input: unknown) => Promise<AckData<E>>,
): void {
  (socket.on as (e: string, l: (...args: unknown[]) => void) => void)(event, async (...args: unknown[]) => {
    const ack = typeof args.at(-1) === "function" ? (args.pop() as (r: Ack<AckData<E>>) => void) : undefined;
    const reply = (r: Ack<AckData<E>>) => ack?.(r);
    if (!socket.data.bucket.take())
      return reply(new AppError(429, "too_many_requests", "Too many events; slow down").toBody());
    if (!deps.mayHandle(socket, event)) return reply(forbidden().toBody());
    try {
      reply({ data: await handler(args[0]) });
    } catch (err) {
      const appError = toAppError(err);
      if (appError.status >= 500) deps.log.error({ err, event }, "socket event failed");
      reply(appError.toBody());
    }
  });
}
