import type { CallableRoute, RouteInput, RouteOutput } from "@contract/routes.ts";
import { routeRequest } from "@contract/route-request.ts";
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
  async function request(method: string, path: string, body: unknown, opts: RequestOptions): Promise<unknown> {
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
    if (res.ok) return res.status === 204 ? undefined : await readJson(res);
    const error = asErrorBody(await readJson(res).catch(() => null));
    const retryAfter = Number(res.headers.get("Retry-After")) || undefined;
    const apiError = new ApiError(res.status, error?.code ?? codeForStatus(res.status), error?.message ?? res.statusText, error?.fields, retryAfter);
    if (res.status === 401 && !opts.expectUnauthorized) deps.onUnauthorized?.();
    throw apiError;
  }

  return {
    /**
     * Call a route of the contract table (server/contract/routes.ts): the answer is typed by the route's
     * entry, `{ data }` or `{ data, page }`. Failures throw ApiError.
     */
    async call<K extends CallableRoute>(route: K, input: RouteInput<K>, opts: RequestOptions = {}): Promise<RouteOutput<K>> {
      const { method, url, body } = routeRequest(route, input);
      // POSTs always carry a JSON body, so the CSRF guard sees a JSON request even for bodiless commands.
      const answer = await request(method, url, body ?? (method === "GET" ? undefined : {}), opts);
      // The server answers this route's declared shape (checked on every route by the contract test).
      return answer as RouteOutput<K>;
    },
  };
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}
