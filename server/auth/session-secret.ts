import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const FILE = "session-secret";

/**
 * The key that signs session cookies: SESSION_SECRET when set (required in production, see config.ts),
 * else one generated on the first start and kept in DATA_DIR. A key made anew at each start would sign out
 * every phone at every restart of a trial or training server, each officer then logging in again before
 * their outbox drains.
 */
export function sessionSecret(config: { SESSION_SECRET?: string; DATA_DIR: string }): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const file = path.resolve(config.DATA_DIR, FILE);
  const kept = readSecret(file);
  if (kept) return kept;
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: of two nodes starting at once on one DATA_DIR, the second reads what the first wrote.
    writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const made = readSecret(file);
  if (!made) throw new Error(`${file} holds no usable session secret: remove it or set SESSION_SECRET`);
  return made;
}

function readSecret(file: string): string | undefined {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value.length >= 32 ? value : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}
