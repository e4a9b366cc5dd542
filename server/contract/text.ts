import { z } from "zod";
import { issueCode } from "./errors.ts";

/**
 * The one rule for free text that people type, used by every input schema (server and phones alike).
 *
 * Why: PostgreSQL refuses some strings that JavaScript and JSON carry happily (NUL in text and jsonb, lone
 * UTF-16 surrogates in jsonb). Such a value must be refused at the door with a message naming the field,
 * never reach a statement shared with other officers' reports. Beyond what the database refuses, a text
 * that looks blank or reorders itself on screen (bidi overrides in a title) misleads the people reading it.
 *
 * - well-formed Unicode only: a lone surrogate is refused;
 * - no C0/C1 control characters except tab and newline (CR LF and lone CR become LF);
 * - NFC-normalised, so the same words typed on two phones compare equal;
 * - single-line fields (titles, names): bidi embeddings, overrides and isolates are removed, and tabs and
 *   newlines become spaces;
 * - a text made only of whitespace and invisible characters (zero-width spaces, joiners, soft hyphens, BOM,
 *   bidi marks) counts as empty.
 */

/** C0 controls except tab (09) and newline (0A), DEL, and C1 controls. CR is normalised away before this. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Bidi embeddings, overrides (LRE … RLO) and isolates (LRI … PDI): they reorder what follows them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Characters that draw nothing. Kept inside a text (a ZWJ joins emoji), but a text of only these is empty. */
const INVISIBLE = /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

/** Printable ASCII, tab and newline: the common case, which none of the rules below can change but trimming. */
const PLAIN_ASCII = /^[\t\n\x20-\x7e]*$/;

/** True when the string holds no lone surrogate (what `String.prototype.isWellFormed` answers). */
export function isWellFormedText(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  if (native) return native.call(s);
  // Phones older than isWellFormed (Chrome 111, Safari 16.4): pair the surrogates by hand.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff || i + 1 >= s.length) return false;
    const next = s.charCodeAt(++i);
    if (next < 0xdc00 || next > 0xdfff) return false;
  }
  return true;
}

/** The refusal reason for a raw string, or null when it may be cleaned and kept. */
export function textProblem(s: string): string | null {
  if (PLAIN_ASCII.test(s)) return null;
  if (!isWellFormedText(s)) return "contains an invalid character (broken Unicode)";
  if (CONTROL.test(s.replace(/\r/g, ""))) return "contains a control character";
  return null;
}

/** The cleaned form of an acceptable string (see the rule above). */
export function cleanText(s: string, singleLine: boolean): string {
  if (PLAIN_ASCII.test(s)) return (singleLine ? s.replace(/[\t\n]+/g, " ") : s).trim();
  let out = s.replace(/\r\n?/g, "\n").normalize("NFC");
  if (singleLine) out = out.replace(BIDI_CONTROLS, "").replace(/[\t\n\u2028\u2029]+/g, " ");
  out = out.trim();
  return out.replace(INVISIBLE, "") === "" ? "" : out;
}

export interface TextOptions {
  max: number;
  /** Titles, names, short labels: no line breaks, no bidi overrides. */
  singleLine?: boolean;
}

/** A text field, possibly empty. Length is checked after cleaning. */
export function safeText({ max, singleLine = false }: TextOptions) {
  return z
    .string()
    .superRefine((s, ctx) => {
      const problem = textProblem(s);
      if (problem) ctx.addIssue({ code: "custom", message: problem, params: issueCode("bad_text"), abort: true });
    })
    .transform((s) => cleanText(s, singleLine))
    .pipe(z.string().max(max, `at most ${max} characters`));
}

/** A text field that must hold something visible. */
export function requiredSafeText(opts: TextOptions) {
  return safeText(opts).pipe(z.string().min(1, "required"));
}

/**
 * A record key (a tally's label): the same refusals, checked without changing the key, since a record
 * key cannot be rewritten in place. Blank and bidi-laden keys are refused instead of cleaned.
 */
export function safeKey(max: number) {
  return z
    .string()
    .max(max, `at most ${max} characters`)
    .superRefine((s, ctx) => {
      const problem = textProblem(s) ?? (cleanText(s, true) !== s ? "must be plain text (no leading or trailing spaces, line breaks or direction marks)" : null);
      if (problem) ctx.addIssue({ code: "custom", message: problem, params: issueCode("bad_text") });
      else if (s === "") ctx.addIssue({ code: "custom", message: "must not be empty", params: issueCode("required") });
    });
}
