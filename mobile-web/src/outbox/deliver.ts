import type { Ack } from "@contract/events.ts";
import type { SubmitResult } from "@contract/reports.ts";
import type { OutboxEntry, OutboxError, OutboxState, OutboxStore } from "./outbox.store.ts";
import { backoffDelay, classify, thrownToError, type BackoffPolicy } from "./retry.ts";
import type { Transport } from "./transports.ts";

export interface DeliveryContext {
  store: OutboxStore;
  transport: Transport;
  now: () => number;
  random: () => number;
  backoff: BackoffPolicy;
  /** Upload progress of one photo, 0..1; null when it stopped (done or failed). */
  onProgress: (clientId: string, sha256: string, fraction: number | null) => void;
  /** Asked before each request: false once the entry's officer is no longer the one signed in. */
  mayContinue: (entry: OutboxEntry) => boolean;
}

/** What became of one entry in one attempt. */
export type Outcome =
  | { kind: "delivered"; entry: OutboxEntry; result: SubmitResult } // acked and every photo up: removed from the outbox
  | { kind: "gone" } // removed or changed by someone else meanwhile
  | { kind: "held" } // its officer is no longer signed in: left as it is, for their next login
  | { kind: "refused"; error: OutboxError }
  | { kind: "login"; error: OutboxError }
  | { kind: "retry"; error: OutboxError; at: number };

type Answer<T> = { data: T } | { error: OutboxError };

/**
 * Submit the entry (unless an earlier ack is stored), then upload its missing photos, persisting each
 * step, so that dying at any point resumes from the last step that surely happened.
 */
export async function deliver(entry: OutboxEntry, ctx: DeliveryContext): Promise<Outcome> {
  const { store, transport, clientId } = { ...ctx, clientId: entry.clientId };
  let result = entry.result;
  if (!ctx.mayContinue(entry)) return { kind: "held" };
  if (!result) {
    // Persisted so a reload knows the server may have it; resending is safe (deduped by clientId).
    await store.update(clientId, { state: "sending" });
    const answer = await attempt(() => transport.submit(entry.payload));
    if ("error" in answer) return failed(entry, answer.error, "pending", ctx);
    if (answer.data.clientId !== clientId)
      return failed(entry, { code: "bad_answer", message: "The server confirmed a different report" }, "pending", ctx);
    result = answer.data;
    const acked = await store.update(clientId, { state: "uploading_photos", result, attempts: 0, nextAttemptAt: 0, lastError: undefined });
    if (!acked) return { kind: "gone" };
  }
  const reportId = result.id;
  for (const photo of entry.photos.filter((p) => !p.uploaded)) {
    if (!ctx.mayContinue(entry)) return { kind: "held" };
    const progress = (fraction: number | null) => ctx.onProgress(clientId, photo.sha256, fraction);
    progress(0);
    const answer = await attempt(() => transport.uploadPhoto(reportId, photo.sha256, photo.blob, progress));
    progress(null);
    if ("error" in answer) return failed(entry, answer.error, "uploading_photos", ctx);
    const marked = await store.update(clientId, (e) => ({
      photos: e.photos.map((p) => (p.sha256 === photo.sha256 ? { ...p, uploaded: true } : p)),
    }));
    if (!marked) return { kind: "gone" };
  }
  await store.remove(clientId);
  return { kind: "delivered", entry, result };
}

/** Record a failed attempt on the entry and say what it means for the loop. */
async function failed(entry: OutboxEntry, error: OutboxError, resume: OutboxState, ctx: DeliveryContext): Promise<Outcome> {
  const verdict = classify(error);
  if (verdict === "refuse") {
    await ctx.store.update(entry.clientId, { state: "refused", lastError: error, attempts: 0, nextAttemptAt: 0 });
    return { kind: "refused", error };
  }
  if (verdict === "login") {
    // Not the report's fault: no attempt counted, nothing refused.
    await ctx.store.update(entry.clientId, { state: resume, lastError: error });
    return { kind: "login", error };
  }
  const now = ctx.now();
  const updated = await ctx.store.update(entry.clientId, (e) => ({
    state: resume,
    lastError: error,
    attempts: e.attempts + 1,
    nextAttemptAt: now + backoffDelay(e.attempts, ctx.random, ctx.backoff),
  }));
  return { kind: "retry", error, at: updated?.nextAttemptAt ?? now };
}

/** A transport call as an answer: a throw (no answer at all) becomes a retryable error. */
async function attempt<T>(call: () => Promise<Ack<T>>): Promise<Answer<T>> {
  try {
    return await call();
  } catch (err) {
    return { error: thrownToError(err) };
  }
}
