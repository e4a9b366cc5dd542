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

/** Every error leaving the server, REST or socket ack, has this shape. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** Per-field messages, keyed by dotted path (e.g. `lat`, `facts.siapa`). */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
