import type { z } from "zod";
import { SubmitReportInput } from "@contract/reports.ts";
import { t } from "../i18n/i18n.ts";
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

/** Messages by issue kind (not by the schema's English text), so they read naturally in Indonesian. */
export function issueMessage(issue: z.core.$ZodIssue, field: string): string {
  if (field === "location") return t("err.location");
  if (field === "pendahuluan.nilaiInformasi") return t("err.nilai");
  if (field === "period") return t("err.period");
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null || issue.input === "") return t("err.required");
      return issue.expected === "int" || issue.expected === "number" ? t("err.integer") : t("err.invalid");
    case "too_small":
      if (issue.origin === "string") return t("err.required");
      return t("err.tooSmall", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("err.tooLong", { max: Number(issue.maximum) });
      if (issue.origin === "array" && field === "photos") return t("err.photos", { max: Number(issue.maximum) });
      return t("err.tooBig", { max: Number(issue.maximum) });
    case "invalid_value":
    case "invalid_union":
      return t("err.choose");
    case "invalid_format":
      return issue.format === "datetime" ? t("err.datetime") : t("err.invalid");
    case "custom":
      return /future/.test(issue.message) ? t("err.future") : t("err.invalid");
    default:
      return t("err.invalid");
  }
}

/** Server-side field errors (`fields` of an `invalid_input` answer), keyed by contract path, to field names. */
export function serverFieldErrors(fields: Record<string, string> | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fields ?? {})) errors[fieldOfPath(path.split("."))] ??= t("err.server", { message });
  return errors;
}
