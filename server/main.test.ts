import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "sikanda-main-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A port the OS just handed out (a random pick could hit a port another test's socket holds). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Poll until `url` answers 200; give up early (with the child's output) if the child has exited. */
async function waitFor(url: string, ms: number, child: { exitCode: number | null; output: () => string }): Promise<Response> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before ${url} was ready:\n${child.output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${ms} ms:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("server/main.ts on the embedded database", () => {
  it("starts, answers /healthz and /readyz, and exits 0 on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...process.env, DATABASE_URL: "", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await waitFor(`http://127.0.0.1:${port}/readyz`, 90_000, { get exitCode() { return child.exitCode; }, output: () => output });
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: "ok" });
      const located = await (await fetch(`http://127.0.0.1:${port}/api/regions/locate?lat=-2.3217&lng=115.4584`)).json();
      expect(located.data.kecamatan.nama).toBe("Paringin");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, output).toBe(0);
  }, 120_000);

  it("exits 2 listing every configuration problem", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...process.env, PORT: "nope", LOG_LEVEL: "loud" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("PORT");
    expect(stderr).toContain("LOG_LEVEL");
  }, 30_000);
});
