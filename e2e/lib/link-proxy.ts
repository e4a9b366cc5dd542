import { once } from "node:events";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

/** One exchange the phone had with the server through the link. */
export interface LinkExchange {
  method: string;
  /** Path and query, as asked. */
  path: string;
  status: number;
  /** Body bytes as they crossed the link (compressed when the server compressed them). */
  bytes: number;
  /** Whether the phone's request carried a validator (a revalidation rather than a plain download). */
  conditional: boolean;
  /** When the request reached the link (epoch ms), held or not. */
  askedAt: number;
  /**
   * Whether it reached the link while stalled (and so waited). Exact where `askedAt` is not: a request
   * handled just before `stall()` can share its millisecond.
   */
  held: boolean;
}

/**
 * The phone's mobile link, between a real browser and the real server: an HTTP proxy in front of
 * `target` that records every exchange and can *stall* — accept connections and requests, pass no byte
 * either way — the way a 3G cell that is up but congested behaves. Chromium thinks it is online
 * (`navigator.onLine`), unlike `context.setOffline`. It can also rewrite a file on its way (a new
 * service worker, say) without touching the build.
 *
 * The browser must use `baseUrl` from the start: the origin (and with it the service worker and
 * IndexedDB) is the proxy's.
 */
export interface LinkProxy {
  baseUrl: string;
  exchanges: LinkExchange[];
  /** From now on nothing passes: new requests wait unanswered, open WebSockets go quiet. */
  stall(): void;
  /** Requests (and WebSocket upgrades) waiting unanswered on the stalled link. */
  readonly waiting: number;
  /** Traffic flows again; requests held meanwhile are sent on. */
  resume(): void;
  /** Answer `path` with `edit(body)` from now on (asked of the server uncompressed). */
  rewrite(path: string, edit: (body: Buffer) => Buffer): void;
  close(): Promise<void>;
}

export async function startLinkProxy(target: string): Promise<LinkProxy> {
  const upstream = new URL(target);
  const exchanges: LinkExchange[] = [];
  const rewrites = new Map<string, (body: Buffer) => Buffer>();
  const held: (() => void)[] = [];
  const tunnels = new Set<{ client: Socket; server: Socket }>();
  const sockets = new Set<Socket>();
  let stalled = false;

  function forward(req: IncomingMessage, res: ServerResponse, askedAt: number, wasHeld: boolean) {
    const path = req.url ?? "/";
    const edit = rewrites.get(path.split("?")[0]!);
    const headers = { ...req.headers };
    if (edit) headers["accept-encoding"] = "identity";
    const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers }, (answer) => {
      const status = answer.statusCode ?? 0;
      const record = (bytes: number) =>
        exchanges.push({ method: req.method ?? "GET", path, status, bytes, conditional: Boolean(req.headers["if-none-match"] || req.headers["if-modified-since"]), askedAt, held: wasHeld });
      if (edit && status === 200) {
        const chunks: Buffer[] = [];
        answer.on("data", (c: Buffer) => chunks.push(c));
        answer.on("end", () => {
          const body = edit(Buffer.concat(chunks));
          const { etag: _etag, "last-modified": _lm, ...rest } = answer.headers;
          res.writeHead(status, { ...rest, "content-length": body.length });
          res.end(body);
          record(body.length);
        });
        return;
      }
      res.writeHead(status, answer.rawHeaders);
      let bytes = 0;
      answer.on("data", (c: Buffer) => (bytes += c.length));
      answer.on("end", () => record(bytes));
      answer.pipe(res);
    });
    out.on("error", () => res.destroy());
    req.pipe(out);
  }

  const server = createServer((req, res) => {
    const askedAt = Date.now();
    if (stalled) held.push(() => forward(req, res, askedAt, true));
    else forward(req, res, askedAt, false);
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  // WebSockets (Socket.IO): a raw tunnel once the upgrade request is passed on.
  server.on("upgrade", (req: IncomingMessage, client: Socket, head: Buffer) => {
    const open = () => {
      const up = connect(Number(upstream.port), upstream.hostname, () => {
        const lines = [`${req.method} ${req.url} HTTP/1.1`];
        for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        up.write(lines.join("\r\n") + "\r\n\r\n");
        if (head.length) up.write(head);
        const tunnel = { client, server: up };
        tunnels.add(tunnel);
        if (stalled) quiet(tunnel);
        else flow(tunnel);
      });
      const end = () => (client.destroy(), up.destroy());
      up.on("error", end);
      client.on("error", end);
      up.on("close", end);
      client.on("close", end);
    };
    if (stalled) held.push(open);
    else open();
  });

  const flow = (t: { client: Socket; server: Socket }) => {
    t.client.pipe(t.server);
    t.server.pipe(t.client);
  };
  const quiet = (t: { client: Socket; server: Socket }) => {
    t.client.unpipe(t.server);
    t.server.unpipe(t.client);
    t.client.pause();
    t.server.pause();
  };

  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    exchanges,
    get waiting() {
      return held.length;
    },
    stall() {
      stalled = true;
      for (const t of tunnels) quiet(t);
    },
    resume() {
      stalled = false;
      for (const t of tunnels) flow(t);
      for (const go of held.splice(0)) go();
    },
    rewrite(path, edit) {
      rewrites.set(path, edit);
    },
    async close() {
      held.length = 0;
      for (const s of sockets) s.destroy();
      for (const t of tunnels) (t.client.destroy(), t.server.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
