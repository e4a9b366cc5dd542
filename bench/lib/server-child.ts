/** Child side of spawnBenchServer (server.ts): database + app, then wait for "stop". Not run directly. */
import { createLogger } from "../../server/core/logger.ts";
import { startBenchDatabase, type BenchDatabase } from "./database.ts";
import { startBenchApp, type BenchApp } from "./app.ts";
import type { BenchServerOptions, ServerMessage } from "./server.ts";

// Resolves once the message is handed to the channel, so exiting right after cannot drop it.
const send = (m: ServerMessage) => new Promise<void>((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));
const opts = JSON.parse(process.argv[2] ?? "{}") as BenchServerOptions;
const log = createLogger(process.env.BENCH_LOG_LEVEL ?? "warn");
let database: BenchDatabase | undefined;
let app: BenchApp | undefined;

async function stop(code: number) {
  await app?.close().catch(() => undefined);
  await database?.close().catch(() => undefined);
  process.exit(code);
}

// An orphan would keep a port and a temp directory: leave with the parent.
process.on("disconnect", () => void stop(0));
process.on("message", (m) => {
  if (m === "stop") void stop(0);
});

try {
  database = await startBenchDatabase(log);
  app = await startBenchApp({ databaseUrl: database.url, log, poolMax: opts.poolMax, env: opts.env });
  await send({ type: "ready", databaseUrl: database.url, baseUrl: app.baseUrl, mode: database.mode });
} catch (err) {
  await send({ type: "failed", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  await stop(1);
}
