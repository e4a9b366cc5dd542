/**
 * `npm run bench` runs every bench/*.bench.ts one after another; `npm run bench -- NAME…` only those.
 * Writes bench/results/<name>.json and regenerates bench/results/README.md. Exits non-zero only when a
 * benchmark crashes: a missed target is a result ("meets: no"), not a failure.
 */
import { readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import { createLogger } from "../server/core/logger.ts";
import { isBenchDefinition, type BenchContext, type BenchDefinition } from "./lib/harness.ts";
import { machineInfo } from "./lib/machine.ts";
import { buildResult, fmt, meetsCell, writeReadme, writeResult, type BenchResult } from "./lib/results.ts";

const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));
const SUFFIX = ".bench.ts";
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

const out = (line = "") => process.stdout.write(`${line}\n`);

function discover(only: string[]): string[] {
  const all = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
  const unknown = only.filter((n) => !all.includes(n));
  if (unknown.length) throw new Error(`no such benchmark: ${unknown.join(", ")} (have: ${all.join(", ") || "none"})`);
  return only.length ? all.filter((n) => only.includes(n)) : all;
}

async function load(name: string): Promise<BenchDefinition> {
  const mod = (await import(pathToFileURL(path.join(BENCH_DIR, name + SUFFIX)).href)) as { default?: unknown };
  if (!isBenchDefinition(mod.default)) throw new Error(`${name}${SUFFIX} must default-export defineBench({...})`);
  if (mod.default.name !== name) throw new Error(`${name}${SUFFIX} declares name "${mod.default.name}"`);
  return mod.default;
}

async function runOne(name: string, ctxLog: ReturnType<typeof createLogger>): Promise<BenchResult> {
  const def = await load(name);
  const cleanups: (() => unknown)[] = [];
  const ctx: BenchContext = { log: ctxLog.child({ bench: name }), onCleanup: (fn) => void cleanups.push(fn) };
  const machine = machineInfo();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeoutMs = def.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    const outcome = await Promise.race([def.run(ctx), timeout]);
    return buildResult(def, outcome, machine, performance.now() - started);
  } finally {
    clearTimeout(timer);
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        ctx.log.warn({ err }, "cleanup failed");
      }
    }
  }
}

function printTable(results: BenchResult[]) {
  const rows = [
    ["benchmark", "mode", "project", "baseline", "unit", "ratio", "target", "meets"],
    ...results.map((r) => [r.name, r.mode ?? "-", fmt(r.project), fmt(r.baseline), r.unit, String(r.ratio ?? "-"), String(r.target), meetsCell(r)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) out(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
}

async function main() {
  const log = createLogger(process.env.BENCH_LOG_LEVEL ?? "warn");
  const names = discover(process.argv.slice(2).filter((a) => !a.startsWith("-")));
  const results: BenchResult[] = [];
  const crashed: string[] = [];
  for (const name of names) {
    out(`▶ ${name}`);
    try {
      const result = await runOne(name, log);
      const file = writeResult(result);
      results.push(result);
      out(`  ${fmt(result.project)} vs ${fmt(result.baseline)} ${result.unit} → ratio ${result.ratio} (target ${result.target}) meets: ${meetsCell(result)}${result.errors ? `, ${result.errors} errors` : ""}`);
      out(`  wrote ${path.relative(process.cwd(), file)}`);
    } catch (err) {
      crashed.push(name);
      out(`  CRASHED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  writeReadme();
  out();
  printTable(results);
  if (crashed.length) out(`\ncrashed: ${crashed.join(", ")}`);
  return crashed.length ? 1 : 0;
}

// Exit explicitly: a benchmark that leaks a handle (a pool, a timer) must not hang the run.
main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bench runner failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
