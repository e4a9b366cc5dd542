import type { ErrorLike } from "@kit/error-text.ts";
import { errorText, fieldErrors } from "../i18n/i18n.ts";

/**
 * Why the server refused a report, in the UI language: each field's problem by its path (they say which
 * part to fix), else the failure by its code. Never the server's own message, which is English and,
 * for old entries, may be zod's.
 */
export function refusalText(err: ErrorLike | undefined): string {
  if (!err) return "";
  const fields = Object.entries(fieldErrors(err)).map(([path, text]) => `${path}: ${text}`);
  return fields.length ? fields.join(" · ") : errorText(err);
}
