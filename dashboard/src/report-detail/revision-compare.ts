import { diffRevisions, type JsonLeaf } from "@contract/report-detail.ts";

/** One field of two revisions side by side; `changed` when they differ (added and removed count). */
export interface CompareRow {
  path: string;
  before?: JsonLeaf;
  after?: JsonLeaf;
  changed: boolean;
}

/** Fields about the submission, not the report: every revision has its own (as the server's diff). */
const SUBMISSION_FIELDS = new Set(["clientId", "sentAt", "revises"]);

function flatten(value: unknown, prefix: string, out: Map<string, JsonLeaf>): Map<string, JsonLeaf> {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [k, v] of entries) {
      if (!prefix && SUBMISSION_FIELDS.has(k)) continue;
      flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
  } else if (value !== undefined) out.set(prefix, value as JsonLeaf);
  return out;
}

/**
 * Two revisions' payloads as rows, every field of either, in the order the later revision has them (the
 * form's order) with fields only the earlier one had after; changed rows are the ones
 * `diffRevisions` (the server's rule for `GET /api/reports/:id/diff`) names.
 */
export function compareRevisions(before: unknown, after: unknown): CompareRow[] {
  const a = flatten(before, "", new Map());
  const b = flatten(after, "", new Map());
  const changed = new Set(diffRevisions(before, after).map((c) => c.path));
  const paths = [...b.keys(), ...[...a.keys()].filter((p) => !b.has(p))];
  return paths.map((path) => ({
    path,
    ...(a.has(path) ? { before: a.get(path)! } : {}),
    ...(b.has(path) ? { after: b.get(path)! } : {}),
    changed: changed.has(path),
  }));
}

/** Only the rows that differ, or every row: the verifier chooses. */
export const onlyChanged = (rows: readonly CompareRow[]) => rows.filter((r) => r.changed);

/** A leaf as text for the table: empty for none, numbers and booleans as written. */
export function leafText(value: JsonLeaf | undefined): string {
  if (value === undefined || value === null) return "";
  return String(value);
}
