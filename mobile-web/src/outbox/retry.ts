import type { OutboxError } from "./outbox.store.ts";

/** A request that got no usable answer (offline, timed out, garbled): always worth retrying later. */
export class NetworkError extends Error {
  constructor(
    readonly code: "network" | "timeout" | "bad_answer",
    message: string,
  ) {
    super(message);
    this.name = "NetworkError";
  }
}

/**
 * What to do about a failed attempt:
 * - `refuse`: the server judged the content or the officer's rights; sending it again unchanged gives the
 *   same answer, so wait for the officer (edit or resend);
 * - `login`: the session is gone; pause everything until the officer logs in again;
 * - `retry`: a passing problem (network, overload, server fault, anything unknown); back off and retry.
 */
export function classify(error: OutboxError): "refuse" | "login" | "retry" {
  switch (error.code) {
    case "unauthenticated":
      return "login";
    case "invalid_input":
    case "client_id_conflict":
    case "outside_region":
    case "forbidden":
    case "not_found":
    case "conflict":
    case "payload_too_large":
    case "unsupported_media_type":
      return "refuse";
    default:
      return "retry";
  }
}

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * Exponential backoff with full jitter: uniform in [0, min(cap, base·2^n)] after the (n+1)-th failure.
 * The jitter keeps phones that lost signal together (one tower) from all retrying at the same instant.
 */
export function backoffDelay(failuresBefore: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failuresBefore, 30));
  return Math.floor(random() * ceiling);
}

/** Turn whatever a transport threw into an error we can store and show. */
export function thrownToError(err: unknown): OutboxError {
  if (err instanceof NetworkError) return { code: err.code, message: err.message };
  return { code: "network", message: err instanceof Error ? err.message : String(err) };
}
