import { ZodError } from "zod";
import { fieldIssueOf, type ErrorBody, type ErrorCode, type FieldIssue } from "@contract/errors.ts";
import { isDataError } from "./data-errors.ts";

/** An error a client may see: status, stable code, human message, optional per-field messages. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Stable codes for the same fields, so clients can say them in the user's language. */
    readonly fieldIssues?: Record<string, FieldIssue>,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    const { fields, fieldIssues } = this;
    return { error: { code: this.code, message: this.message, ...(fields ? { fields } : {}), ...(fieldIssues ? { fieldIssues } : {}) } };
  }
}

export const invalid = (message: string, fields?: Record<string, string>, fieldIssues?: Record<string, FieldIssue>) =>
  new AppError(400, "invalid_input", message, fields, fieldIssues);
export const unauthenticated = (message = "Login required") => new AppError(401, "unauthenticated", message);
export const forbidden = (message = "Not allowed") => new AppError(403, "forbidden", message);
export const notFound = (message = "Not found") => new AppError(404, "not_found", message);
export const conflict = (message: string, code: ErrorCode = "conflict") => new AppError(409, code, message);
export const outsideRegion = (message = "Location is outside Kabupaten Balangan") =>
  new AppError(422, "outside_region", message);
export const notReady = (message = "Not ready") => new AppError(503, "not_ready", message);

/** A 400 naming each field of a ZodError: a message (English) and a stable code; the first issue per field wins. */
export function invalidInput(err: ZodError): AppError {
  const fields: Record<string, string> = {};
  const issues: Record<string, FieldIssue> = {};
  for (const issue of err.issues) {
    // A bad record key (a tally's label) is reported on the record: the key itself may be unprintable.
    const badKey = issue.code === "invalid_key";
    const key = (badKey ? issue.path.slice(0, -1) : issue.path).map(String).join(".") || "_";
    if (key in fields) continue;
    fields[key] = badKey ? `a label ${issue.issues[0]?.message ?? "is not valid"}` : issue.message;
    issues[key] = fieldIssueOf(issue);
  }
  return invalid("Input is not valid", fields, issues);
}

/** Map anything thrown to an AppError; unknown errors become a bland 500 so internals never leak. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return invalidInput(err);
  const e = err as { type?: string; status?: number; statusCode?: number; name?: string };
  // body-parser / express.json failures carry a status and a type.
  if (e?.type === "entity.too.large") return new AppError(413, "payload_too_large", "Request body is too large");
  if (e?.type === "entity.parse.failed") return invalid("Request body is not valid JSON");
  if (e?.name === "SequelizeUniqueConstraintError") return conflict("Already exists");
  // What the input rules (contract/text.ts, time.ts) should have caught; still the request's fault.
  if (isDataError(err)) return invalid("A value in this request cannot be stored");
  const status = e?.status ?? e?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) return new AppError(status, "invalid_input", "Bad request");
  return new AppError(500, "internal", "Internal error");
}
