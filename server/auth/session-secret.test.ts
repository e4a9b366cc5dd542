import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestApp } from "../test/test-app.ts";
import { createAccount, login } from "../test/accounts.ts";
import { sessionSecret } from "./session-secret.ts";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sikanda-secret-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the session secret", () => {
  it("is SESSION_SECRET when set, and touches no file", () => {
    const dir = freshDir();
    expect(sessionSecret({ SESSION_SECRET: "x".repeat(40), DATA_DIR: dir })).toBe("x".repeat(40));
    expect(() => statSync(path.join(dir, "session-secret"))).toThrow();
  });

  it("is generated once and kept in DATA_DIR, readable by its owner only", () => {
    const dir = path.join(freshDir(), "not-yet-made");
    const first = sessionSecret({ DATA_DIR: dir });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionSecret({ DATA_DIR: dir })).toBe(first);
    expect(statSync(path.join(dir, "session-secret")).mode & 0o777).toBe(0o600);
  });

  it("refuses a kept secret that is too short rather than signing with it", () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, "session-secret"), "short");
    expect(() => sessionSecret({ DATA_DIR: dir })).toThrow(/no usable session secret/);
  });

  it("keeps an officer signed in across a restart of a server without SESSION_SECRET", async () => {
    const dataDir = freshDir();
    const before = await startTestApp({ DATA_DIR: dataDir });
    const officer = await createAccount(before, "officer");
    const cookie = await login(before, officer);
    await before.close();

    const after = await startTestApp({ DATA_DIR: dataDir });
    try {
      const me = await fetch(`${after.baseUrl}/api/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
    } finally {
      await after.close();
    }
  });
});
