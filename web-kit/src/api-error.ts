import type { ErrorBody, ErrorCode, FieldIssue } from "@contract/errors.ts";

/** Server codes plus `network` for requests that got no answer from SIKANDA (offline, timeout, a portal page). */
export type ApiErrorCode = ErrorCode | "network";

/** A failed API call: the server's stable code, its message (English, for logs) and per-field problems. */
export class ApiError extends Error {
  // Assigned in the constructor rather than as parameter properties: class fields would bring a
  // down-levelling helper into the phone's first load (it targets es2020).
  /** The HTTP status; 0 when no answer came. */
  declare readonly status: number;
  declare readonly code: ApiErrorCode;
  declare readonly fields: Record<string, string>;
  /** Seconds, from Retry-After (429, 503). */
  declare readonly retryAfter?: number;
  /** Stable codes per field (see the contract's `fieldIssues`); shown translated. */
  declare readonly fieldIssues: Record<string, FieldIssue>;

  constructor(status: number, code: ApiErrorCode, message: string, fields: Record<string, string> = {}, retryAfter?: number, fieldIssues: Record<string, FieldIssue> = {}) {
    super(message);
    Object.assign(this, { name: "ApiError", status, code, fields, retryAfter, fieldIssues });
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;

/** The codes this build knows (typed against the contract, so a new server code fails `tsc` here). */
const KNOWN_CODES: Record<ErrorCode, true> = {
  invalid_input: true,
  unauthenticated: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  client_id_conflict: true,
  outside_region: true,
  payload_too_large: true,
  unsupported_media_type: true,
  too_many_requests: true,
  not_ready: true,
  internal: true,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * Narrow a JSON value to the contract's error body without shipping zod to the browser. A code this
 * build does not know becomes `internal` (a passing failure), never success.
 */
export function readErrorBody(value: unknown): ErrorBody["error"] | null {
  const error = isObject(value) ? value.error : undefined;
  if (!isObject(error) || typeof error.code !== "string" || typeof error.message !== "string") return null;
  const code = error.code in KNOWN_CODES ? (error.code as ErrorCode) : "internal";
  return {
    code,
    message: error.message,
    ...(isObject(error.fields) ? { fields: error.fields as Record<string, string> } : {}),
    ...(isObject(error.fieldIssues) ? { fieldIssues: error.fieldIssues as Record<string, FieldIssue> } : {}),
  };
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: "invalid_input",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "invalid_input",
  429: "too_many_requests",
  503: "not_ready",
};

/**
 * A code for answers without our error body (a proxy's HTML 502, say). Any other status is `internal`,
 * a passing failure: the phone retries it rather than refusing a report for a proxy's 408.
 */
export function codeForStatus(status: number): ErrorCode {
  return STATUS_CODES[status] ?? "internal";
}

/** An ApiError from a status and an (already parsed) body, ours or not. */
export function apiErrorOf(status: number, body: unknown, retryAfter?: number): ApiError {
  const error = readErrorBody(body);
  return new ApiError(status, error?.code ?? codeForStatus(status), error?.message ?? `HTTP ${status}`, error?.fields, retryAfter, error?.fieldIssues);
}
