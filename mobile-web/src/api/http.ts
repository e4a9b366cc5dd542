import type { CallableRoute, RouteInput, RouteOutput } from "@contract/routes.ts";
import { routeRequest } from "@contract/route-request.ts";

/**
 * JSON over fetch with one answer shape, so views never see a thrown fetch or a proxy's HTML page.
 * Same-origin only: the session cookie rides along and the CSRF guard sees our Origin.
 */
export interface ApiError {
  /** A server ErrorCode, or `network` when no answer came (offline, timeout, not our server). */
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; error: ApiError; retryAfterSeconds?: number };

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  timeoutMs?: number;
}

/**
 * Call a route of the contract table (server/contract/routes.ts): `data` is the answer its entry declares,
 * `{ data }` or `{ data, page }`.
 */
export async function apiCall<K extends CallableRoute>(route: K, input: RouteInput<K>, opts: { timeoutMs?: number } = {}): Promise<ApiResult<RouteOutput<K>>> {
  const { method, url, body } = routeRequest(route, input);
  return apiRequest<RouteOutput<K>>(url, { method: method as RequestOptions["method"], body, timeoutMs: opts.timeoutMs });
}

/** A request by path; `T` is taken on trust, so features use `apiCall`, which takes it from the contract. */
async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? "GET",
      headers: { accept: "application/json", ...(opts.body === undefined ? {} : { "content-type": "application/json" }) },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: "same-origin",
      signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
    });
  } catch (err) {
    const timedOut = err instanceof Error && err.name === "TimeoutError";
    return { ok: false, status: 0, error: { code: "network", message: timedOut ? "timeout" : "offline" } };
  }
  let body: unknown = null;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    // A captive portal or proxy page: not an answer from SIKANDA.
    return { ok: false, status: res.status, error: { code: "network", message: "not a SIKANDA answer" } };
  }
  if (res.ok) return { ok: true, status: res.status, data: body as T };
  const retryAfter = Number(res.headers.get("retry-after"));
  return {
    ok: false,
    status: res.status,
    error: readError(body) ?? { code: res.status === 401 ? "unauthenticated" : "internal", message: `HTTP ${res.status}` },
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}

function readError(body: unknown): ApiError | null {
  const error = (body as { error?: unknown } | null)?.error as Partial<ApiError> | undefined;
  if (!error || typeof error.code !== "string" || typeof error.message !== "string") return null;
  return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
}
