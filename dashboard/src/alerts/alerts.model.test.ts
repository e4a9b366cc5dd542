import { describe, expect, it, vi } from "vitest";
import type { AlertSeverity, AlertView } from "@contract/alerts.ts";
import { createHttp } from "@kit/http.ts";
import type { AlertSocketHandlers } from "./alert-socket.ts";
import { AlertsModel, CUE_MS } from "./alerts.model.ts";
import { testAlert } from "./test-alert.ts";

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/** The alerts API behind plain fetch: `state.alerts` is what the server holds now. */
function fakeServer(state: { alerts: AlertView[] }) {
  const requests: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input), "http://x");
    const method = init?.method ?? "GET";
    requests.push(`${method} ${url.pathname}${url.search}`);
    if (url.pathname === "/api/alerts") {
      const status = url.searchParams.get("status") ?? "live";
      const list = state.alerts.filter((a) => (status === "live" ? a.status !== "closed" : status === "all" || a.status === status));
      // The server's cursor names the last alert listed; this one is its index, enough for the model.
      const from = Number(url.searchParams.get("cursor") ?? "-1") + 1;
      const limit = Number(url.searchParams.get("limit") ?? 100);
      const page = list.slice(from, from + limit);
      return Response.json({ data: page, page: { total: null, next: from + limit < list.length ? String(from + limit - 1) : null } });
    }
    if (url.pathname === "/api/alerts/levels") return Response.json({ data: [{ kecamatanKode: "63.11.06", kecamatanNama: "Paringin", level: "awas", liveAlerts: 1 }] });
    const ack = /^\/api\/alerts\/([^/]+)\/acknowledge$/.exec(url.pathname);
    if (ack && method === "POST") {
      const note = JSON.parse(String(init?.body)).note as string;
      state.alerts = state.alerts.map((a) => (a.id === ack[1] ? { ...a, status: "acknowledged", acknowledgeNote: note, updatedAt: "2026-03-02T05:00:00.000Z" } : a));
      return Response.json({ data: state.alerts.find((a) => a.id === ack[1]) });
    }
    const report = /^\/api\/reports\/([^/]+)$/.exec(url.pathname);
    if (report) return Response.json({ error: { code: "not_found", message: "Report not found" } }, { status: 404 });
    return Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 });
  };
  return { http: createHttp({ fetch }), requests };
}

function fakeSocket() {
  let handlers: AlertSocketHandlers | null = null;
  return {
    connect: (h: AlertSocketHandlers) => {
      handlers = h;
      return () => (handlers = null);
    },
    get handlers() {
      if (!handlers) throw new Error("not connected");
      return handlers;
    },
  };
}

function manualLater() {
  const due: { ms: number; fn: () => void }[] = [];
  return { later: (ms: number, fn: () => void) => void due.push({ ms, fn }), runAll: () => due.splice(0).forEach((d) => d.fn()), due };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the alerts model", () => {
  it("shows an opened alert at once, marks it for a while, and beeps only when sound is on", async () => {
    const server = fakeServer({ alerts: [testAlert({ id: id(1), severity: "siaga" })] });
    const socket = fakeSocket();
    const timers = manualLater();
    const beeps: AlertSeverity[] = [];
    const model = new AlertsModel(server.http, socket.connect, { later: timers.later, sound: (s) => beeps.push(s) });
    await model.start();
    expect(model.alerts.value.map((a) => a.id)).toEqual([id(1)]);

    socket.handlers.change({ kind: "opened", alert: testAlert({ id: id(2), severity: "awas" }) });
    expect(model.alerts.value.map((a) => a.id)).toEqual([id(2), id(1)]);
    expect(model.fresh.value.has(id(2))).toBe(true);
    expect(model.lastAlarm.value?.alert.id).toBe(id(2));
    expect(beeps).toEqual([]);
    expect(timers.due[0]?.ms).toBe(CUE_MS);
    timers.runAll();
    expect(model.fresh.value.has(id(2))).toBe(false);

    model.sound.value = true;
    socket.handlers.change({ kind: "escalated", alert: testAlert({ id: id(1), severity: "awas", updatedAt: "2026-03-02T04:00:00.000Z" }) });
    expect(beeps).toEqual(["awas"]);
    socket.handlers.change({ kind: "updated", alert: testAlert({ id: id(1), severity: "awas", updatedAt: "2026-03-02T04:30:00.000Z" }) });
    expect(beeps).toEqual(["awas"]);
    model.stop();
  });

  it("reads the list again after every reconnect, keeping what the socket brought if newer", async () => {
    const state = { alerts: [testAlert({ id: id(1) })] };
    const server = fakeServer(state);
    const socket = fakeSocket();
    const model = new AlertsModel(server.http, socket.connect, { later: () => undefined });
    await model.start();
    socket.handlers.connected();
    expect(model.connection.value).toBe("live");
    socket.handlers.disconnected();
    expect(model.connection.value).toBe("offline");

    // While away, one alert closed and another opened: the reconnect brings both.
    state.alerts = [{ ...state.alerts[0]!, status: "closed", updatedAt: "2026-03-02T06:00:00.000Z" }, testAlert({ id: id(3) })];
    const before = server.requests.filter((r) => r.startsWith("GET /api/alerts?")).length;
    socket.handlers.connected();
    await settle();
    await settle();
    expect(server.requests.filter((r) => r.startsWith("GET /api/alerts?")).length).toBe(before + 1);
    expect(model.alerts.value.map((a) => a.id)).toEqual([id(3)]);
    model.stop();
  });

  it("acknowledges with a note and shows the new status without waiting for the socket", async () => {
    const server = fakeServer({ alerts: [testAlert({ id: id(1) })] });
    const socket = fakeSocket();
    const model = new AlertsModel(server.http, socket.connect, { later: () => undefined });
    await model.start();
    await model.select(id(1));
    await model.acknowledge(id(1), "Tim sudah ke lokasi");
    expect(server.requests).toContain(`POST /api/alerts/${id(1)}/acknowledge`);
    expect(model.alerts.value[0]).toMatchObject({ status: "acknowledged", acknowledgeNote: "Tim sudah ke lokasi" });
    expect(model.selected.value?.status).toBe("acknowledged");
    model.stop();
  });

  it("reads the selected alert's evidence, keeping a report it may not read as a failure", async () => {
    const server = fakeServer({ alerts: [testAlert({ id: id(1), reportIds: ["10000000-0000-4000-8000-000000000009"] })] });
    const model = new AlertsModel(server.http, fakeSocket().connect, { later: () => undefined });
    await model.start();
    await model.select(id(1));
    await settle();
    expect(server.requests).toContain("GET /api/reports/10000000-0000-4000-8000-000000000009");
    expect(model.evidence.value.get("10000000-0000-4000-8000-000000000009")?.ok).toBe(false);
    model.stop();
  });

  it("pages the history with the server's cursor, and a reconnect keeps the older pages read", async () => {
    // Newest first, a minute apart, as the server lists them.
    const closed = Array.from({ length: 120 }, (_, i) =>
      testAlert({ id: `00000000-0000-4000-8000-000000000${String(i).padStart(3, "0")}`, status: "closed", openedAt: new Date(Date.UTC(2026, 2, 2, 1) - i * 60_000).toISOString() }),
    );
    const server = fakeServer({ alerts: closed });
    const socket = fakeSocket();
    const model = new AlertsModel(server.http, socket.connect, { later: () => undefined });
    await model.setScope("closed");
    await model.start();
    expect(model.alerts.value).toHaveLength(50);
    expect(model.hasMore.value).toBe(true);
    await model.more();
    expect(model.alerts.value).toHaveLength(100);
    expect(server.requests).toContain("GET /api/alerts?status=closed&limit=50&cursor=49");

    // A reconnect reads the first page again; the second page stays listed and "more" goes on after it.
    socket.handlers.connected();
    await vi.waitFor(() => expect(server.requests.filter((r) => r === "GET /api/alerts?status=closed&limit=50")).toHaveLength(2));
    await vi.waitFor(() => expect(model.alerts.value).toHaveLength(100));
    await model.more();
    expect(model.alerts.value).toHaveLength(120);
    expect(new Set(model.alerts.value.map((a) => a.id)).size).toBe(120);
    expect(model.hasMore.value).toBe(false);
    expect(server.requests).toContain("GET /api/alerts?status=closed&limit=50&cursor=99");
    model.stop();
  });
});
