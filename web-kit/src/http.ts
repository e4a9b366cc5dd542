import type { CallableRoute, RouteInput, RouteOutput } from "@contract/routes.ts";
import { routeRequest } from "@contract/route-request.ts";
import { ApiError, apiErrorOf } from "./api-error.ts";

export interface CallOptions {
  signal?: AbortSignal;
  /** Give up after this long (the answer's body included); the failure is a `network` error. */
  timeoutMs?: number;
  /** A 401 here is an expected answer (login, session probe), not a lost session. */
  expectUnauthorized?: boolean;
}

export interface HttpDeps {
  /** Looked up on every call when absent, so tests may stub the global. */
  fetch?: typeof fetch;
  /** Called on an unexpected 401: the session ended elsewhere (expiry, logout, admin reset). */
  onUnauthorized?: () => void;
  timeoutMs?: number;
}

/** An answer as a value, for callers that branch on the outcome rather than catch. */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError; retryAfterSeconds?: number };

export type Http = ReturnType<typeof createHttp>;

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * JSON over same-origin fetch, typed by the contract's route table (server/contract/routes.ts). The
 * session cookie rides along and the browser adds the Origin / Sec-Fetch-Site headers the server's CSRF
 * check reads, so no tokens are needed. Whatever goes wrong comes back as an ApiError: an error body, a
 * proxy's HTML page (code from the status), a captive portal's 200 page or no answer at all (`network`).
 * Only the caller's own abort is thrown as is.
 */
export function createHttp(deps: HttpDeps = {}) {
  async function send<K extends CallableRoute>(route: K, input: RouteInput<K>, opts: CallOptions = {}): Promise<ApiResult<RouteOutput<K>>> {
    const { method, url, body } = routeRequest(route, input);
    // Non-GETs always carry a JSON body, so the CSRF guard sees a JSON request even for bodiless commands.
    const json = body ?? (method === "GET" ? undefined : {});
    const answer = await exchange(url, method, json, opts);
    if ("error" in answer) return { ok: false, status: 0, error: answer.error };
    const { status, text, retryAfter } = answer;
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // A 2xx that is not JSON is a captive portal or a proxy page: no answer from SIKANDA at all.
      if (status < 300) return { ok: false, status: 0, error: new ApiError(0, "network", "not a SIKANDA answer") };
    }
    // The server answers this route's declared shape (checked on every route by the contract test).
    if (status < 300) return { ok: true, status, data: parsed as RouteOutput<K> };
    const error = apiErrorOf(status, parsed, retryAfter);
    if (status === 401 && !opts.expectUnauthorized) deps.onUnauthorized?.();
    return { ok: false, status, error, ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}) };
  }

  /** One fetch with its body read, under a timeout; a failure to get an answer is an ApiError. */
  async function exchange(url: string, method: string, body: unknown, opts: CallOptions): Promise<{ status: number; text: string; retryAfter?: number } | { error: ApiError }> {
    // By hand rather than AbortSignal.any / .timeout: phones from 2019 lack them.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), controller.abort()), opts.timeoutMs ?? deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const forward = () => controller.abort();
    if (opts.signal?.aborted) controller.abort();
    opts.signal?.addEventListener("abort", forward);
    try {
      const res = await (deps.fetch ?? globalThis.fetch)(url, {
        method,
        credentials: "same-origin",
        headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await res.text();
      const retryAfter = Number(res.headers.get("Retry-After"));
      return { status: res.status, text, ...(retryAfter > 0 ? { retryAfter } : {}) };
    } catch (err) {
      if (!timedOut && opts.signal?.aborted) throw err;
      return { error: new ApiError(0, "network", timedOut ? "timeout" : (err as Error)?.message || "offline") };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", forward);
    }
  }

  return {
    send,
    /** Like `send`, but the data is returned and a failure thrown as ApiError. */
    async call<K extends CallableRoute>(route: K, input: RouteInput<K>, opts: CallOptions = {}): Promise<RouteOutput<K>> {
      const result = await send(route, input, opts);
      if (result.ok) return result.data;
      throw result.error;
    },
  };
}
