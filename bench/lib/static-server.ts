import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { frontEndsRouter } from "../../server/core/static.ts";

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Built front ends served on loopback by the server's own static router (server/core/static.ts:
 * precompressed variants by Accept-Encoding, the SPA fallback), without the database or the API: for
 * benchmarks that only weigh what the files cost on the wire.
 */
export async function serveFrontEnds(distDir: string): Promise<StaticServer> {
  const app = express();
  app.use(frontEndsRouter((_req, _res, next) => next(), distDir));
  const server = createServer(app);
  server.listen({ port: 0, host: "127.0.0.1" });
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
