import type { z } from "zod";
import { fieldIssueOf } from "@contract/errors.ts";
import { SubmitReportInput } from "@contract/reports.ts";
import type { ErrorLike } from "@kit/error-text.ts";
import { fieldErrors, fieldText, t } from "../i18n/i18n.ts";
import { fieldOfPath } from "./form-values.ts";

export type FieldErrors = Record<string, string>;
export type Validated = { ok: true; data: SubmitReportInput } | { ok: false; errors: FieldErrors };

/**
 * Check a payload with the contract's own schema before it is queued, so what the phone accepts is what
 * intake accepts: a report refused for its content after it left would need the officer again, maybe
 * days later. Errors come back per field name, first issue per field, in the UI language.
 */
export function validateReport(raw: unknown): Validated {
  // reportInput: tells an absent value ("wajib diisi") from a wrong one.
  const result = SubmitReportInput.safeParse(raw, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues) };
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    errors[field] ??= issueMessage(issue, field);
  }
  return errors;
}

/**
 * Messages by issue kind (the contract's field-issue code, not the schema's English text), so they read
 * naturally in Indonesian and say the same as the server would; a few fields have their own hint.
 */
export function issueMessage(issue: z.core.$ZodIssue, field: string): string {
  if (field === "location") return t("err.location");
  if (field === "pendahuluan.nilaiInformasi") return t("err.nilai");
  if (field === "period") return t("field.bad_period");
  if (field === "photos" && issue.code === "too_big") return t("err.photos", { max: Number(issue.maximum) });
  return fieldText(issue.message, fieldIssueOf(issue));
}

/** Server-side field errors (an `invalid_input` answer or a refused report's `lastError`), to field names. */
export function serverFieldErrors(error: ErrorLike | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, text] of Object.entries(fieldErrors(error))) errors[fieldOfPath(path.split("."))] ??= text;
  return errors;
}
