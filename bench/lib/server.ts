import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Role } from "../../server/contract/auth.ts";

/** Accounts the child creates through the users service (as an admin would) before it reports ready. */
export interface AccountSpec {
  role: Role;
  count: number;
  /** Officers: their kecamatan (default 63.11.06). */
  kecamatanKode?: string;
  /** Verifiers: their kecamatan scope; empty = all. */
  verifierRegions?: string[];
}

export interface BenchAccount {
  id: string;
  username: string;
  password: string;
  role: Role;
}

export interface BenchServerOptions {
  /** The app's database pool size (DB_POOL_MAX). */
  poolMax?: number;
  /** Extra configuration for parseConfig, e.g. { REDIS_URL: "…" }. */
  env?: Record<string, string>;
  accounts?: AccountSpec[];
  /** The built front ends to serve (default: the repository's dist/), e.g. a build made by the benchmark. */
  distDir?: string;
}

/** What the child announces once it listens. */
export type ServerMessage =
  | { type: "ready"; databaseUrl: string; baseUrl: string; mode: "embedded" | "postgres"; accounts: BenchAccount[] }
  | { type: "failed"; message: string };

export interface BenchServer {
  /** The migrated database the app uses; baselines connect here too. */
  databaseUrl: string;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  mode: "embedded" | "postgres";
  /** The accounts asked for in `opts.accounts`, in order. */
  accounts: BenchAccount[];
  /** The child's process id (to read its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL("./server-child.ts", import.meta.url));
const STOP_GRACE_MS = 15_000;

/**
 * BENCH_SERVER_NODE_ARGS: extra node flags for the servers under test (the app, and bare Socket.IO in
 * fanout), never the load generators; e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
}

/**
 * The database (see database.ts) and the whole app in a child process, as a deployment runs them. The load
 * generator stays in this process, so its CPU is not charged to the server, as with real clients; in
 * embedded mode the app still shares its event loop with PGlite, as it does in production.
 */
export async function spawnBenchServer(opts: BenchServerOptions = {}): Promise<BenchServer> {
  const child = fork(CHILD, [JSON.stringify(opts)], { execArgv: ["--import", "tsx", ...serverNodeArgs()], stdio: "inherit" });
  const ready = await new Promise<Extract<ServerMessage, { type: "ready" }>>((resolve, reject) => {
    child.once("message", (m: ServerMessage) =>
      m.type === "ready" ? resolve(m) : reject(new Error(`bench server failed: ${m.message}`)),
    );
    child.once("exit", (code, signal) => reject(new Error(`bench server exited before ready (${signal ?? code})`)));
    child.once("error", reject);
  });
  return {
    databaseUrl: ready.databaseUrl,
    baseUrl: ready.baseUrl,
    mode: ready.mode,
    accounts: ready.accounts,
    pid: child.pid!,
    stop: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.send("stop");
  });
}
