import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface E2eServer {
  baseUrl: string;
  /**
   * Stop the process as a deploy or a crash-restart does (SIGTERM, then SIGKILL) and start it again on the
   * same port with the same data, resolving when it is ready: clients must find their way back by themselves.
   */
  restart(): Promise<void>;
  /** Stop the process (SIGTERM, then SIGKILL) and remove its temporary data. */
  stop(): Promise<void>;
}

/**
 * The real server as a child process, started like the README's first line (`--demo`), on a free port.
 * Database: TEST_DATABASE_URL when set (CI), else embedded PGlite in a temporary DATA_DIR.
 * The front ends must be built (`npm run build`); the suite refuses to run on stale or missing bundles.
 */
export async function startServer(env: Record<string, string> = {}): Promise<E2eServer> {
  if (!existsSync(path.join(root, "dist/dashboard/index.html")) || !existsSync(path.join(root, "dist/mobile/index.html"))) {
    throw new Error("front ends not built: run `npm run build` before the browser tests");
  }
  // A free port can be taken by someone else between our probe and the child's listen; then the child
  // exits (EADDRINUSE) and we try another port rather than talk to a stranger's server.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env);
    } catch (err) {
      if (attempt >= 3 || !(err instanceof ChildExited)) throw err;
    }
  }
}

class ChildExited extends Error {}

async function startOnce(env: Record<string, string>): Promise<E2eServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "sikanda-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  let child = spawnServer(port, dataDir, env);
  try {
    await waitReady(baseUrl, child);
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    baseUrl,
    async restart() {
      await stopChild(child);
      child = spawnServer(port, dataDir, env);
      await waitReady(baseUrl, child);
    },
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function spawnServer(port: number, dataDir: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "server/main.ts", "--demo"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? "",
      // Unreachable on purpose: tiles must fail soft, boundaries stay.
      TILE_URL: "http://127.0.0.1:9/{z}/{x}/{y}.png",
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

async function waitReady(baseUrl: string, child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new ChildExited(`server exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      // Ready, and still ours: a server that answered while our child died would be someone else's.
      await new Promise((r) => setTimeout(r, 50));
      if (res.ok && child.exitCode === null) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error("server not ready within 120 s");
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
