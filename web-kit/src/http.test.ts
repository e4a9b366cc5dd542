import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error.ts";
import { createHttp } from "./http.ts";

function reply(status: number, body?: unknown, headers: Record<string, string> = {}): typeof fetch {
  return vi.fn(async () => new Response(body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body), { status, headers }));
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe("http client", () => {
  it("sends JSON with the same-origin session cookie", async () => {
    const fetch = reply(200, { data: { id: "u1" } });
    const http = createHttp({ fetch });
    await expect(http.call("POST /api/auth/login", { body: { username: "a", password: "b" } })).resolves.toEqual({ data: { id: "u1" } });
    const [path, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(path).toBe("/api/auth/login");
    expect(init).toMatchObject({ method: "POST", credentials: "same-origin", body: '{"username":"a","password":"b"}' });
    expect((init!.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });

  it("maps an error body to a typed ApiError with field messages", async () => {
    const http = createHttp({
      fetch: reply(400, { error: { code: "invalid_input", message: "Input is not valid", fields: { username: "required" } } }),
    });
    const err = await failure(http.call("POST /api/users", { body: { username: "", displayName: "", role: "guest" } }));
    expect(err.status).toBe(400);
    expect(err.code).toBe("invalid_input");
    expect(err.message).toBe("Input is not valid");
    expect(err.fields).toEqual({ username: "required" });
  });

  it("reads Retry-After on 429", async () => {
    const http = createHttp({
      fetch: reply(429, { error: { code: "too_many_requests", message: "Too many" } }, { "Retry-After": "900" }),
    });
    const err = await failure(http.call("POST /api/auth/login", { body: { username: "a", password: "b" } }, { expectUnauthorized: true }));
    expect(err.code).toBe("too_many_requests");
    expect(err.retryAfter).toBe(900);
  });

  it("reports a lost session on an unexpected 401 only", async () => {
    const onUnauthorized = vi.fn();
    const fetch = reply(401, { error: { code: "unauthenticated", message: "Login required" } });
    const http = createHttp({ fetch, onUnauthorized });
    expect((await failure(http.call("GET /api/users", {}))).code).toBe("unauthenticated");
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await failure(http.call("GET /api/auth/me", {}, { expectUnauthorized: true }));
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it("gives a code from the status when the body is not ours", async () => {
    const err = await failure(createHttp({ fetch: reply(502, "<html>Bad gateway</html>") }).call("GET /api/config", {}));
    expect(err.status).toBe(502);
    expect(err.code).toBe("internal");
    expect(err.fields).toEqual({});
  });

  it("turns a failed fetch into a network error", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    const err = await failure(createHttp({ fetch }).call("GET /api/config", {}));
    expect(err.status).toBe(0);
    expect(err.code).toBe("network");
  });

  it("answers undefined for 204", async () => {
    await expect(createHttp({ fetch: reply(204) }).call("POST /api/auth/logout", {})).resolves.toBeUndefined();
  });

  it("builds the request from the route: path parameters filled in, query without empty values", async () => {
    const fetch = reply(200, { data: [], page: { total: 0, next: null } });
    const http = createHttp({ fetch });
    await http.call("GET /api/users", { query: { q: "budi", role: undefined, limit: 50 } });
    await http.call("PATCH /api/users/:id", { params: { id: "a/b" }, body: { active: false } });
    await http.call("GET /api/auth/me", {});
    const calls = vi.mocked(fetch).mock.calls.map(([path, init]) => [path, init?.method, init?.body]);
    expect(calls).toEqual([
      ["/api/users?q=budi&limit=50", "GET", undefined],
      ["/api/users/a%2Fb", "PATCH", '{"active":false}'],
      ["/api/auth/me", "GET", undefined],
    ]);
  });

  it("treats a 2xx page that is not JSON (a captive portal) as no answer", async () => {
    const err = await failure(createHttp({ fetch: reply(200, "<html>Login to Wi-Fi</html>") }).call("GET /api/config", {}));
    expect([err.status, err.code]).toEqual([0, "network"]);
  });

  it("gives up after the timeout with a network error, but lets the caller's own abort through", async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    const err = await failure(createHttp({ fetch: hang }).call("GET /api/config", {}, { timeoutMs: 10 }));
    expect([err.code, err.message]).toEqual(["network", "timeout"]);
    const caller = new AbortController();
    const pending = createHttp({ fetch: hang }).call("GET /api/config", {}, { signal: caller.signal });
    caller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("answers a result value from send, with the error's field codes", async () => {
    const body = { error: { code: "invalid_input", message: "Input is not valid", fields: { role: "Invalid option" }, fieldIssues: { role: { code: "choose_one" } } } };
    const r = await createHttp({ fetch: reply(400, body) }).send("POST /api/users", { body: { username: "", displayName: "", role: "guest" } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fieldIssues).toEqual({ role: { code: "choose_one" } });
  });
});
