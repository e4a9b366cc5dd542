import { ReportFilter, type ReportFilterInput } from "@contract/report-queue.ts";
import type { ReportKind } from "@contract/reports.ts";

/**
 * The queue's filter in the page URL, so a filtered view can be shared, bookmarked and reloaded. Lists
 * are comma-joined (`status=submitted,revision_requested`), as the server reads them. The view tab is the
 * `kind` part: situation reports (the default, drawn on the map) or the periodic ones (daily, weekly,
 * monthly: a list only, never on the incident map).
 */

/** Parameters the URL may carry, in the order they are written back. */
const LIST_KEYS = ["status", "kind", "bidang", "kerawanan", "kecamatan", "desa", "author"] as const;
const TEXT_KEYS = ["subCategory", "q", "from", "to", "time", "flagged"] as const;
type Key = (typeof LIST_KEYS)[number] | (typeof TEXT_KEYS)[number];

export const SITUATION_KINDS: readonly ReportKind[] = ["situation"];
export const PERIODIC_KINDS: readonly ReportKind[] = ["daily", "weekly", "monthly"];
export type QueueTab = "situation" | "periodic";

/** The filter a URL asks for; a parameter that is not valid is dropped (an old link still opens). */
export function filterFromSearch(search: string): ReportFilterInput {
  const params = new URLSearchParams(search);
  const raw: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const values = params.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    if (values.length) raw[key] = values;
  }
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) raw[key] = value;
  }
  // Drop each parameter the contract refuses, then keep the rest as written.
  for (let i = 0; i < 20; i++) {
    const parsed = ReportFilter.safeParse(raw);
    if (parsed.success) break;
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  }
  if (!raw.kind) raw.kind = [...SITUATION_KINDS];
  return raw as ReportFilterInput;
}

/** The URL query of a filter (without `?`), parameters in a fixed order; the default tab is left out. */
export function searchFromFilter(filter: ReportFilterInput): string {
  const params = new URLSearchParams();
  const f = filter as Partial<Record<Key, unknown>>;
  for (const key of [...LIST_KEYS, ...TEXT_KEYS]) {
    const value = f[key];
    if (value === undefined || value === null || value === "") continue;
    if (key === "time" && value === "received") continue;
    if (key === "kind" && isDefaultKind(value)) continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(","));
    } else params.set(key, String(value));
  }
  return params.toString();
}

const isDefaultKind = (value: unknown) => Array.isArray(value) && value.length === 1 && value[0] === "situation";

/** Which tab a filter shows: periodic when it names only periodic kinds. */
export function tabOf(filter: ReportFilterInput): QueueTab {
  const kinds = [filter.kind ?? []].flat() as ReportKind[];
  return kinds.length > 0 && kinds.every((k) => PERIODIC_KINDS.includes(k)) ? "periodic" : "situation";
}

/** The filter with one part changed (undefined or an empty list removes it). */
export function withFilter<K extends keyof ReportFilterInput>(filter: ReportFilterInput, key: K, value: ReportFilterInput[K] | undefined): ReportFilterInput {
  const next = { ...filter };
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  if (key === "kind" && next.kind === undefined) next.kind = [...SITUATION_KINDS];
  return next;
}

/** The filter as the server and `matchesReportFilter` take it (defaults filled in). */
export function parsedFilter(filter: ReportFilterInput): ReportFilter {
  return ReportFilter.parse(filter);
}
