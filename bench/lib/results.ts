import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkMet, ratioOf, type BenchCheck, type BenchDefinition, type BenchOutcome, type Better } from "./harness.ts";
import type { MachineInfo } from "./machine.ts";

export const RESULTS_DIR = fileURLToPath(new URL("../results/", import.meta.url));

/** The default mode: its results own `<name>.json`. */
const DEFAULT_MODE = "embedded";

/** One result file, `bench/results/<name>[.<mode>].json`. */
export interface BenchResult {
  name: string;
  metric: string;
  unit: string;
  better: Better;
  mode: string | null;
  project: number;
  baseline: number;
  /** > 1 means the project is better, whichever way the metric points. */
  ratio: number | null;
  target: number;
  /** ratio ≥ target, no errors, and every check met. */
  meets: boolean;
  errors: number;
  /** Absolute conditions besides the ratio, each with its verdict (absent when the bench has none). */
  checks?: (BenchCheck & { meets: boolean })[];
  durationMs: number;
  machine: MachineInfo;
  details: Record<string, unknown>;
}

export function buildResult(def: BenchDefinition, outcome: BenchOutcome, machine: MachineInfo, durationMs: number): BenchResult {
  const ratio = ratioOf(def.better, outcome.project, outcome.baseline);
  const errors = outcome.errors ?? 0;
  const checks = outcome.checks?.map((c) => ({ ...c, meets: checkMet(c) }));
  return {
    name: def.name,
    metric: def.metric,
    unit: def.unit,
    better: def.better,
    mode: outcome.mode ?? null,
    project: outcome.project,
    baseline: outcome.baseline,
    ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
    target: def.target,
    meets: ratio !== null && ratio >= def.target && errors === 0 && (checks ?? []).every((c) => c.meets),
    errors,
    ...(checks ? { checks } : {}),
    durationMs: Math.round(durationMs),
    machine,
    details: outcome.details,
  };
}

export function resultFileName(result: Pick<BenchResult, "name" | "mode">): string {
  return result.mode && result.mode !== DEFAULT_MODE ? `${result.name}.${result.mode}.json` : `${result.name}.json`;
}

export function writeResult(result: BenchResult, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, resultFileName(result));
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** Every result file present, sorted by name then mode. Files that do not parse are skipped, not fatal. */
export function readResults(dir = RESULTS_DIR): BenchResult[] {
  const results: BenchResult[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    try {
      const r = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as BenchResult;
      if (typeof r.name === "string" && typeof r.project === "number") results.push(r);
    } catch {
      // A half-written or hand-broken file should not take the table down with it.
    }
  }
  return results;
}

/**
 * Rewrite README.md from the JSON files, one line per result, so the table can never disagree with
 * the data beside it.
 */
export function writeReadme(dir = RESULTS_DIR): string {
  const rows = readResults(dir).map((r) => {
    const m = r.machine;
    return `| ${r.name} | ${r.mode ?? "-"} | ${r.metric} | ${fmt(r.project)} | ${fmt(r.baseline)} | ${r.unit} | ${r.ratio ?? "-"} | ${r.target} | ${meetsCell(r)} | ${m.date.slice(0, 10)} | ${m.cpu}, ${m.cores} cores, Node ${m.node} |`;
  });
  const text = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (see `bench/run.ts`) from the JSON files in this folder — do not edit by hand.",
    "Each benchmark measures the project and its baseline in the same run on the same machine. `ratio` > 1",
    "means the project is better; `meets` is `ratio ≥ target` with no errors and every extra check met (a failed",
    "check is named in the cell; the JSON has its figures).",
    "",
    "| benchmark | mode | metric | project | baseline | unit | ratio | target | meets | date | machine |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
  const file = path.join(dir, "README.md");
  writeFileSync(file, text);
  return file;
}

/** "yes", or "no" with the failed checks named, so the table does not hide why. */
export function meetsCell(r: BenchResult): string {
  if (r.meets) return "yes";
  const failed = (r.checks ?? []).filter((c) => !c.meets).map((c) => `${c.name}: ${fmt(c.value)} ${c.unit} vs ${c.better === "lower" ? "≤" : "≥"} ${c.limit}`);
  return failed.length ? `no (${failed.join("; ")})` : "no";
}

export function fmt(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString("en-US") : String(Math.round(v * 100) / 100);
}
