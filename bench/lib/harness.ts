import type { Logger } from "pino";

export type Better = "higher" | "lower";

/** What a benchmark hands back: one figure for the project, one for the baseline, measured in the same run. */
export interface BenchOutcome {
  project: number;
  baseline: number;
  /**
   * What the run was measured against (e.g. the database: "embedded" or "postgres"). The default mode
   * ("embedded" or none) owns `results/<name>.json`; other modes get `results/<name>.<mode>.json` so both
   * can be kept side by side.
   */
  mode?: string;
  /**
   * Wrong answers (unexpected status, failed query). A fast benchmark that errs proves nothing, so any
   * error makes `meets` false whatever the ratio.
   */
  errors?: number;
  /**
   * Further conditions the run must meet besides the ratio (e.g. "ack p99 ≤ 50 ms at half the baseline
   * rate"). Each is written to the JSON with its own verdict; any failing check makes `meets` false.
   */
  checks?: BenchCheck[];
  /** Raw figures: latencies, counts, parameters. Written to the JSON as they are. */
  details: Record<string, unknown>;
}

/** An absolute condition: `value` must be ≤ `limit` (better "lower") or ≥ `limit` (better "higher"). */
export interface BenchCheck {
  name: string;
  value: number;
  limit: number;
  unit: string;
  better: Better;
}

export function checkMet(c: BenchCheck): boolean {
  return Number.isFinite(c.value) && (c.better === "lower" ? c.value <= c.limit : c.value >= c.limit);
}

export interface BenchContext {
  log: Logger;
  /** Register a cleanup; the runner calls them last-in-first-out after the run, also when it crashed. */
  onCleanup(fn: () => unknown): void;
}

export interface BenchDefinition {
  /** Matches the file name: `bench/<name>.bench.ts`. */
  name: string;
  /** What is measured, e.g. "locate rate". */
  metric: string;
  unit: string;
  better: Better;
  /** Minimum acceptable ratio (> 1 means the project must beat the baseline). */
  target: number;
  /** The runner gives up (and counts a crash) after this long; the benchmark's own loops stop earlier. */
  timeoutMs?: number;
  run(ctx: BenchContext): Promise<BenchOutcome>;
}

/** Declare a benchmark; the default export of a `*.bench.ts` file. */
export function defineBench(def: BenchDefinition): BenchDefinition {
  if (!/^[a-z0-9-]+$/.test(def.name)) throw new Error(`bench name "${def.name}" must be kebab-case`);
  if (!(def.target > 0)) throw new Error(`bench "${def.name}": target must be a positive ratio`);
  return def;
}

/** Ratio oriented so that > 1 always means the project is better; null when it cannot be computed. */
export function ratioOf(better: Better, project: number, baseline: number): number | null {
  const r = better === "higher" ? project / baseline : baseline / project;
  return Number.isFinite(r) && r >= 0 ? r : null;
}

export function isBenchDefinition(value: unknown): value is BenchDefinition {
  const d = value as Partial<BenchDefinition> | undefined;
  return typeof d?.name === "string" && typeof d.run === "function" && typeof d.target === "number";
}
