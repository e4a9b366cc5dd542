import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo, Socket as TcpSocket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { coalesceFlushedWrites } from "./coalesce-writes.ts";

const FRAMES = 200;

interface Rig {
  http: HttpServer;
  io: Server;
  client: ClientSocket;
  /** Calls into the server side's TCP socket that reach the kernel (`_write` or `_writev`). */
  tcpWrites: () => number;
}

const rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) {
    rig.client.close();
    await new Promise((resolve) => rig.io.close(resolve));
  }
});

/** A Socket.IO server on a real port and one real client over WebSocket; counts the server's TCP writes. */
async function rig(coalesce: boolean): Promise<Rig> {
  const http = createServer();
  const io = new Server(http);
  if (coalesce) coalesceFlushedWrites(io.engine);
  let writes = 0;
  const connected = new Promise<void>((resolve) => {
    io.engine.on("connection", (socket: { transport: { socket: { _socket: TcpSocket } } }) => {
      const tcp = socket.transport.socket._socket as TcpSocket & Record<"_write" | "_writev", (...a: unknown[]) => unknown>;
      for (const method of ["_write", "_writev"] as const) {
        const original = tcp[method].bind(tcp);
        tcp[method] = (...args: unknown[]) => {
          writes++;
          return original(...args);
        };
      }
    });
    io.on("connection", () => resolve());
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  const client = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], forceNew: true, reconnection: false });
  await connected;
  const made = { http, io, client, tcpWrites: () => writes };
  rigs.push(made);
  return made;
}

/** Emit FRAMES events in one go, as a burst of report changes does, and collect what the client gets. */
async function burst(r: Rig): Promise<{ received: number[]; writes: number }> {
  const received: number[] = [];
  const all = new Promise<void>((resolve) =>
    r.client.on("tick", (n: number) => {
      received.push(n);
      if (received.length === FRAMES) resolve();
    }),
  );
  const before = r.tcpWrites();
  for (let n = 0; n < FRAMES; n++) r.io.emit("tick", n);
  await all;
  return { received, writes: r.tcpWrites() - before };
}

describe("coalesceFlushedWrites", () => {
  it("sends a burst to a socket in a few writes, every frame arriving in order", async () => {
    const { received, writes } = await burst(await rig(true));
    expect(received).toEqual(Array.from({ length: FRAMES }, (_, n) => n));
    // The first frame goes out alone; what piles up behind it leaves as one batch.
    expect(writes).toBeLessThanOrEqual(4);
  });

  it("without it, each frame of the same burst is a write of its own", async () => {
    const { received, writes } = await burst(await rig(false));
    expect(received).toHaveLength(FRAMES);
    expect(writes).toBeGreaterThanOrEqual(FRAMES / 2);
  });

  it("leaves single frames alone and the socket uncorked", async () => {
    const r = await rig(true);
    const got = new Promise<string>((resolve) => r.client.once("one", resolve));
    r.io.emit("one", "x");
    expect(await got).toBe("x");
    const [socket] = r.io.of("/").sockets.values();
    const tcp = (socket!.conn.transport as unknown as { socket: { _socket: TcpSocket } }).socket._socket;
    expect(tcp.writableCorked).toBe(0);
  });
});
