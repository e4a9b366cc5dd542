import type { Socket as TcpSocket } from "node:net";
import type { Server } from "socket.io";

/** What this needs of an engine.io socket: its current transport (see tcpSocketOf). */
interface EngineSocket {
  transport?: unknown;
}

/**
 * One write per socket per flush, not one per frame.
 *
 * While a socket's previous write is in flight, engine.io gathers what is emitted to it and then hands its
 * transport the whole batch at once (the engine's `flush`). The WebSocket transport sends each packet as
 * its own frame, and `ws` writes every frame with its own syscall. Corking the TCP socket for the span of
 * that flush turns a batch of N frames into one `writev`.
 *
 * This matters when the live feed is busy: a dashboard that falls behind gets its backlog in a few large
 * writes instead of hundreds of small ones, so the server spends its time delivering rather than on
 * per-write overhead, and the backlog shrinks instead of feeding on itself. An idle feed is untouched: a
 * batch of one is written as before, with no delay added.
 *
 * The engine's `flush` and `drain` events bracket `transport.send` synchronously (engine.io's
 * `Socket.flush`), so at most one socket is corked at a time. The TCP socket is `ws`'s `_socket`: engine.io
 * itself reaches into `ws` the same way (`_sender`) to send pre-encoded frames. Where it is missing (long
 * polling, another transport) nothing is corked.
 */
export function coalesceFlushedWrites(engine: Server["engine"]): void {
  let corked: TcpSocket | undefined;
  engine.on("flush", (socket: EngineSocket, writeBuffer: unknown[]) => {
    corked?.uncork(); // only if a send threw before its drain: never leave a socket corked
    corked = undefined;
    if (writeBuffer.length < 2) return;
    const tcp = tcpSocketOf(socket);
    if (!tcp) return;
    tcp.cork();
    corked = tcp;
  });
  engine.on("drain", () => {
    const tcp = corked;
    corked = undefined;
    tcp?.uncork();
  });
}

function tcpSocketOf(socket: EngineSocket): TcpSocket | undefined {
  const transport = socket.transport as { name?: string; socket?: { _socket?: TcpSocket } } | undefined;
  if (transport?.name !== "websocket") return undefined;
  const tcp = transport.socket?._socket;
  return tcp && typeof tcp.cork === "function" && !tcp.destroyed ? tcp : undefined;
}
