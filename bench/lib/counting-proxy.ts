import { connect, createServer, type Socket } from "node:net";
import { once } from "node:events";
import type { AddressInfo } from "node:net";

export interface ByteCount {
  /** Server → browser: what a phone downloads. */
  down: number;
  /** Browser → server. */
  up: number;
}

export interface CountingProxy {
  /** http://127.0.0.1:<port>, to open in the browser instead of the server's own address. */
  baseUrl: string;
  /** Bytes through so far, every connection together (HTTP headers, bodies, WebSocket frames). */
  count(): ByteCount;
  close(): Promise<void>;
}

/**
 * A TCP pass-through on loopback that counts every byte between a browser and the server: the one
 * place that sees the page's requests, the service worker's (precache, the worker script itself) and
 * WebSocket frames alike, after content coding, headers included — bytes on the wire. It adds no delay;
 * the link is slowed in the browser (slow-3g.ts). Since that slowing happens after these bytes pass, a
 * reading counts an answer in full as soon as the server has sent it, before the browser has it.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  const total: ByteCount = { down: 0, up: 0 };
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.once("close", () => sockets.delete(s));
  };
  const server = createServer((client) => {
    const upstream = connect({ host: hostname, port: Number(port) });
    track(client);
    track(upstream);
    client.on("data", (chunk: Buffer) => void (total.up += chunk.length));
    upstream.on("data", (chunk: Buffer) => void (total.down += chunk.length));
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once("error", drop).once("close", drop);
    upstream.once("error", drop).once("close", drop);
  });
  server.listen({ port: 0, host: "127.0.0.1" });
  await once(server, "listening");
  const address = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    count: () => ({ ...total }),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
