import { z } from "zod";

/** Stable machine-readable error codes shared by server and clients. */
export const ErrorCode = z.enum([
  "invalid_input",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "client_id_conflict",
  "outside_region",
  "payload_too_large",
  "unsupported_media_type",
  "too_many_requests",
  "not_ready",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * What is wrong with one field, as a stable code (plus the limit it broke, for `too_short` … `too_big`),
 * so clients say it in the user's language instead of showing the schema's English message.
 */
export const FieldIssueCode = z.enum([
  "required",
  "too_short",
  "too_long",
  "too_small",
  "too_big",
  "choose_one",
  "not_number",
  "not_integer",
  "bad_date",
  "future",
  "bad_period",
  "bad_text",
  "invalid",
]);
export type FieldIssueCode = z.infer<typeof FieldIssueCode>;

export const FieldIssue = z.object({ code: FieldIssueCode, limit: z.number().optional() });
export type FieldIssue = z.infer<typeof FieldIssue>;

/** Every error leaving the server, REST or socket ack, has this shape. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** Per-field messages, keyed by dotted path (e.g. `lat`, `facts.siapa`). English, for logs and old clients. */
    fields: z.record(z.string(), z.string()).optional(),
    /** The same fields as stable codes (validation failures only): what clients show, translated. */
    fieldIssues: z.record(z.string(), FieldIssue).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * The code for one zod issue: by issue kind, and for the contract's own rules (text.ts, time.ts add
 * `custom` issues) by their fixed messages. A refinement we do not know becomes `invalid`: clients then
 * fall back to the message when they know it, else to a generic text.
 */
export function fieldIssueOf(issue: z.core.$ZodIssue): FieldIssue {
  switch (issue.code) {
    case "invalid_type": {
      // `input` is there only when parsed with `reportInput`; zod's message says the same otherwise.
      const missing = "input" in issue ? issue.input === undefined || issue.input === null || issue.input === "" : /received (undefined|null)$/.test(issue.message);
      if (missing) return { code: "required" };
      return { code: issue.expected === "int" ? "not_integer" : issue.expected === "number" ? "not_number" : "invalid" };
    }
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { code: "required" } : { code: "too_short", limit: Number(issue.minimum) };
      return { code: "too_small", limit: Number(issue.minimum) };
    case "too_big":
      return { code: issue.origin === "string" ? "too_long" : "too_big", limit: Number(issue.maximum) };
    case "invalid_value":
    case "invalid_union":
      return { code: "choose_one" };
    case "invalid_format":
      return { code: issue.format === "datetime" || issue.format === "date" ? "bad_date" : "invalid" };
    case "invalid_key":
      return { code: "bad_text" };
    case "custom": {
      // The contract's own rules say which code they stand for (issueCode); other refinements are `invalid`.
      const code = FieldIssueCode.safeParse((issue.params as { fieldIssue?: unknown } | undefined)?.fieldIssue);
      return { code: code.success ? code.data : "invalid" };
    }
    default:
      return { code: "invalid" };
  }
}

/** `params` for a custom issue of the contract's rules: the stable code clients show it by. */
export const issueCode = (fieldIssue: FieldIssueCode) => ({ fieldIssue });
