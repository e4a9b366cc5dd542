import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import webpush from "web-push";
import type { PushPayload } from "@contract/notifications.ts";
import type { VapidKeys } from "./push.repo.ts";

/** How one delivery attempt ended, as the queue acts on it. */
export type PushOutcome =
  | { outcome: "sent" }
  /** 404/410: the browser unsubscribed or the subscription expired. */
  | { outcome: "gone"; status: number }
  /** 429, 5xx, a network error or timeout: worth another try; `retryAfterMs` when the service said. */
  | { outcome: "retry"; error: string; retryAfterMs: number | null }
  /** Any other answer (400, 401, 403, 413…): trying again would get the same. */
  | { outcome: "refused"; error: string };

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export type PushSend = (target: PushTarget, payload: PushPayload) => Promise<PushOutcome>;

const TIMEOUT_MS = 10_000;
/** How long a push service may keep a message for an offline browser. */
const TTL_SECONDS = 24 * 3600;

/**
 * A sender with the server's VAPID keys. web-push encrypts (RFC 8291, aes128gcm) and signs (RFC 8292);
 * the request goes out here with node:http(s), so a local http stand-in works as well as a real service.
 */
export function createPushSender(keys: VapidKeys, subject: string): PushSend {
  return async (target, payload) => {
    const details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(payload), {
      vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
      TTL: TTL_SECONDS,
      // Same report → the service may replace a message still queued for an offline browser (≤ 32 characters).
      topic: payload.tag.replace(/[^A-Za-z0-9]/g, "").slice(-32) || undefined,
    });
    try {
      const { status, retryAfter } = await post(details.endpoint, details.method, details.headers as Record<string, string | number>, details.body);
      if (status >= 200 && status < 300) return { outcome: "sent" };
      if (status === 404 || status === 410) return { outcome: "gone", status };
      if (status === 429 || status >= 500) return { outcome: "retry", error: `push service answered ${status}`, retryAfterMs: retryAfter };
      return { outcome: "refused", error: `push service answered ${status}` };
    } catch (err) {
      return { outcome: "retry", error: err instanceof Error ? err.message : String(err), retryAfterMs: null };
    }
  };
}

function post(
  endpoint: string,
  method: string,
  headers: Record<string, string | number>,
  body: Buffer | null,
): Promise<{ status: number; retryAfter: number | null }> {
  const url = new URL(endpoint);
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, timeout: TIMEOUT_MS }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: retryAfterMs(res.headers["retry-after"]) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on("error", reject);
    req.end(body ?? undefined);
  });
}

/** Retry-After in seconds (the date form is rare from push services and is ignored). */
function retryAfterMs(value: string | undefined): number | null {
  const s = value ? Number(value) : NaN;
  return Number.isFinite(s) && s >= 0 ? s * 1000 : null;
}
