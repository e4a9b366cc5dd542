import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { Config } from "../config.ts";
import type { Database } from "../core/db.ts";
import { createApp, type App, type AppDeps } from "../app.ts";

/** A whole server listening on a loopback port, as the tests and the benchmarks drive it. */
export interface LoopbackApp extends App {
  config: Config;
  db: Database;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** Close the socket hub (and with it the HTTP server), what createApp opened and the database, then `afterClose`. */
  close(): Promise<void>;
}

/**
 * createApp on a random loopback port, as main.ts builds it, against a database already opened (and
 * migrated) by the caller, which this app then owns. No vitest in here: the benchmarks start their server
 * with it too.
 */
export async function listenOnLoopback(deps: AppDeps, afterClose?: () => void): Promise<LoopbackApp> {
  const app = createApp(deps);
  // Burst tests and socket benches open a thousand connections at once; the default backlog (511) would reset some.
  app.http.listen({ port: 0, host: "127.0.0.1", backlog: 4096 });
  await once(app.http, "listening");
  const { port } = app.http.address() as AddressInfo;
  return {
    ...app,
    config: deps.config,
    db: deps.db,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      // Socket.IO closes the HTTP server too; idle keep-alive connections are dropped by Node ≥ 19.
      await new Promise<void>((resolve) => app.io.close(() => resolve()));
      await app.close();
      await deps.db.close();
      afterClose?.();
    },
  };
}
