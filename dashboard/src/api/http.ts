import { ApiError, asErrorBody, codeForStatus } from "./api-error.ts";

export interface RequestOptions {
  signal?: AbortSignal;
  /** A 401 here is an expected answer (login, session probe), not a lost session. */
  expectUnauthorized?: boolean;
}

export interface HttpDeps {
  fetch: typeof fetch;
  /** Called on an unexpected 401: the session ended elsewhere (expiry, logout, admin reset). */
  onUnauthorized?: () => void;
}

export type Http = ReturnType<typeof createHttp>;

/**
 * JSON over same-origin fetch. The session cookie rides along (`same-origin`), and the browser adds the
 * Sec-Fetch-Site / Origin headers the server's CSRF check reads, so no tokens are needed.
 */
export function createHttp(deps: HttpDeps) {
  async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    let res: Response;
    try {
      res = await deps.fetch(path, {
        method,
        credentials: "same-origin",
        headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: opts.signal,
      });
    } catch (err) {
      if ((err as Error)?.name === "AbortError") throw err;
      throw new ApiError(0, "network", (err as Error)?.message || "network error");
    }
    if (res.ok) return (res.status === 204 ? undefined : await readJson(res)) as T;
    const error = asErrorBody(await readJson(res).catch(() => null));
    const retryAfter = Number(res.headers.get("Retry-After")) || undefined;
    const apiError = new ApiError(res.status, error?.code ?? codeForStatus(res.status), error?.message ?? res.statusText, error?.fields, retryAfter);
    if (res.status === 401 && !opts.expectUnauthorized) deps.onUnauthorized?.();
    throw apiError;
  }

  return {
    get: <T>(path: string, opts?: RequestOptions) => request<T>("GET", path, undefined, opts),
    post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>("POST", path, body ?? {}, opts),
    patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>("PATCH", path, body, opts),
  };
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/** Build `path?a=1&b=2`, leaving out empty values so the server's defaults apply. */
export function withQuery(path: string, query: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
