import { createHash } from "node:crypto";

/**
 * A stable fingerprint of a submission: the validated input (defaults applied) plus its author, with object
 * keys sorted so that field order on the wire does not matter. Same client_id + same hash = a retry;
 * same client_id + another hash = a conflict. The author is included so another account reusing a
 * client_id is a conflict, never a silent "duplicate" of someone else's report.
 */
export function payloadHash(authorId: string, input: unknown): string {
  return createHash("sha256").update(canonicalJson({ authorId, input })).digest("hex");
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
