import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * House rules checked over the source of server/ (tests, test helpers and migrations aside): SQL runs from
 * repos, each table has one writer, and files stay small enough to read top to bottom.
 */

const SERVER = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return ["node_modules", "migrations", "test"].includes(e.name) ? [] : sourceFiles(full);
    return /\.(ts|mts|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

const files = sourceFiles(SERVER).map((file) => ({ rel: path.relative(SERVER, file).split(path.sep).join("/"), text: readFileSync(file, "utf8") }));

/** Runs SQL of its own below the repos, each for a reason. */
const SQL_OUTSIDE_REPOS: Record<string, string> = {
  "core/db.ts": "the driver: prepares and executes the statements repos hand it",
  "core/embedded-maintenance.ts": "VACUUM of the embedded database, upkeep rather than data",
  "auth/session.ts": "hands the session store's own SQL to the pool",
};

describe("the source of server/", () => {
  it("runs SQL only from *.repo.ts files", () => {
    const runsSql = /(\.query|\brawQuery)\s*(<[^()]*>)?\s*\(/;
    const offenders = files
      .filter((f) => !f.rel.endsWith(".repo.ts") && !(f.rel in SQL_OUTSIDE_REPOS) && runsSql.test(f.text))
      .map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it("gives every table one writer: the repos of one capability, the change log only changes.repo.ts", () => {
    const writers = new Map<string, Set<string>>();
    for (const f of files)
      for (const [, table] of f.text.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)\b/g))
        if (table !== "set") (writers.get(table!) ?? writers.set(table!, new Set()).get(table!)!).add(f.rel);
    const folders = [...writers].map(([table, by]) => [table, [...new Set([...by].map((f) => f.split("/")[0]))]] as const);
    expect(folders.filter(([, by]) => by.length !== 1)).toEqual([]);
    expect([...(writers.get("changes") ?? [])]).toEqual(["changes/changes.repo.ts"]);
  });

  it("has no file over 300 lines", () => {
    const long = files.map((f) => [f.rel, f.text.split("\n").length] as const).filter(([, lines]) => lines > 300);
    expect(long).toEqual([]);
  });
});
