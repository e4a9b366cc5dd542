import { describe, expect, it } from "vitest";
import { makePayload } from "./outbox.testing.ts";
import { NetworkError } from "./retry.ts";
import { fallbackTransport, httpAnswer, restTransport, socketTransport, type AppSocket } from "./transports.ts";

const result = (clientId: string) => ({ clientId, id: "r-1", number: "LI-2026-00001", revision: 1, status: "submitted", duplicate: false });

function fakeFetch(status: number, body: string | Error) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (body instanceof Error) throw body;
    return new Response(body, { status });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe("restTransport", () => {
  it("posts JSON to /api/reports and returns the data", async () => {
    const payload = makePayload();
    const { fetch, calls } = fakeFetch(201, JSON.stringify({ data: result(payload.clientId) }));
    const answer = await restTransport("https://sikanda.test", { fetch }).submit(payload);
    expect(answer).toEqual({ data: result(payload.clientId) });
    expect(calls[0]!.url).toBe("https://sikanda.test/api/reports");
    expect(calls[0]!.init.method).toBe("POST");
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual(payload);
  });

  it("passes error bodies through, fields included", async () => {
    const body = { error: { code: "outside_region", message: "Di luar Balangan", fields: { location: "too far" } } };
    const { fetch } = fakeFetch(422, JSON.stringify(body));
    expect(await restTransport("", { fetch }).submit(makePayload())).toEqual(body);
  });

  it("throws a retryable NetworkError when the network fails or a portal answers HTML", async () => {
    await expect(restTransport("", fakeFetch(0, new TypeError("Failed to fetch"))).submit(makePayload())).rejects.toMatchObject({ code: "network" });
    await expect(restTransport("", fakeFetch(200, "<html>Login wifi</html>")).submit(makePayload())).rejects.toBeInstanceOf(NetworkError);
  });
});

describe("httpAnswer", () => {
  it("maps statuses without our error body to codes", () => {
    expect(httpAnswer(502, "<html>Bad gateway</html>")).toMatchObject({ error: { code: "internal" } });
    expect(httpAnswer(503, "")).toMatchObject({ error: { code: "not_ready" } });
    expect(httpAnswer(401, "")).toMatchObject({ error: { code: "unauthenticated" } });
    expect(httpAnswer(413, "too big")).toMatchObject({ error: { code: "payload_too_large" } });
    expect(httpAnswer(200, JSON.stringify({ data: { sha256: "ab" } }))).toEqual({ data: { sha256: "ab" } });
    expect(() => httpAnswer(200, JSON.stringify({ sha256: "ab" }))).toThrow(NetworkError);
  });

  it("treats an error code this version does not know as a passing failure", () => {
    expect(httpAnswer(400, JSON.stringify({ error: { code: "new_thing", message: "?" } }))).toEqual({ error: { code: "internal", message: "?" } });
  });
});

describe("socketTransport", () => {
  function fakeSocket(connected: boolean, answer: () => Promise<unknown>) {
    const emitted: unknown[] = [];
    const socket = {
      connected,
      timeout: (ms: number) => ({ emitWithAck: (event: string, payload: unknown) => (emitted.push({ ms, event, payload }), answer()) }),
    };
    return { socket: socket as unknown as AppSocket, emitted };
  }

  it("emits report:submit with a timeout and returns the ack", async () => {
    const payload = makePayload();
    const { socket, emitted } = fakeSocket(true, async () => ({ data: result(payload.clientId) }));
    expect(await socketTransport(() => socket, 15_000).submit(payload)).toEqual({ data: result(payload.clientId) });
    expect(emitted).toEqual([{ ms: 15_000, event: "report:submit", payload }]);
  });

  it("maps an ack timeout and a disconnected socket to retryable errors", async () => {
    const timedOut = fakeSocket(true, () => Promise.reject(new Error("operation has timed out")));
    await expect(socketTransport(() => timedOut.socket).submit(makePayload())).rejects.toMatchObject({ code: "timeout" });
    const offline = fakeSocket(false, () => Promise.resolve({}));
    await expect(socketTransport(() => offline.socket).submit(makePayload())).rejects.toMatchObject({ code: "network" });
    expect(offline.emitted).toEqual([]); // never buffered for a replay long after we gave up
  });

  it("rejects an ack with an unexpected shape", async () => {
    const { socket } = fakeSocket(true, async () => ({ data: { ok: true } }));
    await expect(socketTransport(() => socket).submit(makePayload())).rejects.toMatchObject({ code: "bad_answer" });
  });
});

describe("fallbackTransport", () => {
  it("uses the socket while it is connected and REST otherwise", async () => {
    const used: string[] = [];
    const via = (name: string) => ({ submit: async () => (used.push(name), { data: result("x") as never }) });
    let connected = true;
    const t = fallbackTransport(via("socket"), via("rest"), () => connected);
    await t.submit(makePayload());
    connected = false;
    await t.submit(makePayload());
    expect(used).toEqual(["socket", "rest"]);
  });
});
