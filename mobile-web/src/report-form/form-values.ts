/**
 * Form fields ↔ the contract's payload. A field's `name` is its path in `SubmitReportInput` with the
 * `body.` prefix dropped (`perihal`, `fakta.siapa`, `perBidang.politik`), so names read like the paper
 * form and error messages land on the field whose name matches the issue path.
 */
export type FieldValue = string | number | string[] | null | undefined;
type Path = (string | number)[];

/** Payload keys outside `body`; every other field name lives under `body`. */
const TOP_LEVEL = new Set(["kind", "clientId", "sentAt", "perihal", "classification", "kerawanan", "occurredAt", "bidang", "subCategory", "period", "location", "photos"]);
/** Fields that are one input although the contract nests or lists them. */
const WHOLE = new Set(["location", "photos", "kejadianMenonjol"]);

export function pathOfField(name: string): string[] {
  const parts = name.split(".");
  return TOP_LEVEL.has(parts[0]!) ? parts : ["body", ...parts];
}

/** The field name an issue at `path` belongs to (`["body","fakta","siapa"]` → `fakta.siapa`). */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  const parts = (path[0] === "body" ? path.slice(1) : path).map(String);
  const whole = parts.findIndex((p) => WHOLE.has(p));
  return (whole >= 0 ? parts.slice(0, whole + 1) : parts).join(".");
}

export function getPath(obj: unknown, path: Path): unknown {
  let cur = obj;
  for (const key of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

export function setPath(obj: Record<string, unknown>, path: Path, value: unknown): void {
  let cur = obj;
  path.forEach((key, i) => {
    if (i === path.length - 1) cur[key] = value;
    else cur = (cur[key] ??= {}) as Record<string, unknown>;
  });
}

/** Field values (name, value) as a nested payload; `undefined` values are left out (the contract's defaults apply). */
export function assemble(fields: Iterable<[string, FieldValue]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of fields) if (value !== undefined) setPath(out, pathOfField(name), value);
  return out;
}

/** Initial value of a field, from a payload being edited. */
export function initialOf(payload: unknown, name: string): unknown {
  return getPath(payload, pathOfField(name));
}
