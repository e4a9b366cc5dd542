import type { ErrorBody, ErrorCode } from "@contract/errors.ts";

/** Server codes plus `network` for requests that never got an answer. */
export type ApiErrorCode = ErrorCode | "network";

/** A failed API call, carrying the server's stable code and per-field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
    /** Seconds, from Retry-After on 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;

/** Narrow an unknown JSON value to the contract's error body without shipping zod to the browser. */
export function asErrorBody(value: unknown): ErrorBody["error"] | null {
  const error = (value as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  if (!error || typeof error.code !== "string" || typeof error.message !== "string") return null;
  const fields = error.fields && typeof error.fields === "object" ? (error.fields as Record<string, string>) : undefined;
  return { code: error.code as ErrorCode, message: error.message, fields };
}

/** A code for answers without our error body (a proxy's HTML 502, say). */
export function codeForStatus(status: number): ErrorCode {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 429) return "too_many_requests";
  if (status === 503) return "not_ready";
  if (status >= 500) return "internal";
  return "invalid_input";
}
