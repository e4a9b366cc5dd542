/** Child side of spawnBenchServer (server.ts): database + app, then wait for "stop". Not run directly. */
import { createLogger } from "../../server/core/logger.ts";
import { startBenchDatabase, type BenchDatabase } from "./database.ts";
import { startBenchApp, type BenchApp } from "./app.ts";
import type { AccountSpec, BenchAccount, BenchServerOptions, ServerMessage } from "./server.ts";

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
  app = await startBenchApp({
    databaseUrl: database.url,
    urlIsEmbedded: database.mode === "embedded",
    log,
    poolMax: opts.poolMax,
    env: opts.env,
    distDir: opts.distDir,
  });
  const accounts = await createAccounts(app, opts.accounts ?? []);
  await send({ type: "ready", databaseUrl: database.url, baseUrl: app.baseUrl, mode: database.mode, accounts });
} catch (err) {
  await send({ type: "failed", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  await stop(1);
}

/**
 * Accounts through the users service, as an admin creates them (argon2 hash included), a few at a time.
 * Names are unique per run, so a reused PostgreSQL database (BENCH_DATABASE_URL) takes them too.
 */
async function createAccounts(app: BenchApp, specs: AccountSpec[]): Promise<BenchAccount[]> {
  const run = Date.now().toString(36);
  const password = `Bench-${run}-password`;
  const todo = specs.flatMap((spec) => Array.from({ length: spec.count }, () => spec));
  const out: BenchAccount[] = new Array(todo.length);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const i = next++;
      const spec = todo[i]!;
      const username = `bench${run}.${spec.role}${i}`;
      const { user } = await app!.services.users.create(null, {
        username,
        displayName: `Bench ${spec.role} ${i}`,
        role: spec.role,
        kecamatanKode: spec.role === "officer" ? (spec.kecamatanKode ?? "63.11.06") : null,
        position: null,
        nip: null,
        phone: null,
        verifierRegions: spec.role === "verifier" ? (spec.verifierRegions ?? []) : [],
        password,
      });
      out[i] = { id: user.id, username, password, role: spec.role };
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return out;
}
