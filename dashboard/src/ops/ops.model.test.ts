import { describe, expect, it } from "vitest";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { ReportView } from "@contract/reports.ts";
import { createHttp } from "@kit/http.ts";
import { reportView } from "@kit/testing/report-view.ts";
import { OpsModel, upsertReport } from "./ops.model.ts";
import type { ReportSocketHandlers } from "./report-socket.ts";

const report = (id: string, version: number, receivedAt: string) => reportView(id, { version, receivedAt, perihal: `Perihal ${id} v${version}` });

const envelope = (seq: number, data: ReportView): ChangeEnvelope<ReportView> => ({
  seq,
  entity: "report",
  entityId: data.id,
  kind: data.version === 1 ? "created" : "updated",
  at: data.receivedAt,
  data,
});

/** The server as the ops view sees it: a report list and a change log behind plain fetch. */
function fakeServer(list: ReportView[], log: ChangeEnvelope<ReportView>[]) {
  const requests: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = new URL(String(input), "http://x");
    requests.push(url.pathname + url.search);
    if (url.pathname === "/api/reports") return Response.json({ data: list, page: { total: null, next: null } });
    if (url.pathname === "/api/changes") {
      const after = Number(url.searchParams.get("after"));
      const limit = Number(url.searchParams.get("limit"));
      const changes = log.filter((c) => c.seq > after).slice(0, limit);
      const seq = changes.at(-1)?.seq ?? after;
      return Response.json({ data: changes, page: { total: null, next: changes.length === limit ? String(seq) : null, seq } });
    }
    return Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 });
  };
  return { http: createHttp({ fetch }), requests };
}

function fakeSocket() {
  let handlers: ReportSocketHandlers | null = null;
  let closed = 0;
  return {
    connect: (h: ReportSocketHandlers) => {
      handlers = h;
      return () => void closed++;
    },
    get handlers() {
      if (!handlers) throw new Error("not connected");
      return handlers;
    },
    get closed() {
      return closed;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("ops model", () => {
  it("loads the list, catches up on connect, follows the socket, and resumes after a reconnect", async () => {
    const r1v1 = report("r1", 1, "2026-05-01T01:00:00Z");
    const r1v2 = report("r1", 2, "2026-05-01T01:00:00Z");
    const r2 = report("r2", 1, "2026-05-01T02:00:00Z");
    const log = [envelope(1, r1v1), envelope(2, r2), envelope(3, r1v2)];
    const { http, requests } = fakeServer([r2, r1v2], log);
    const socket = fakeSocket();
    const ops = new OpsModel(http, socket.connect);

    await ops.start();
    expect(ops.reports.value.map((r) => r.id)).toEqual(["r2", "r1"]);
    socket.handlers.connected();
    await settle();
    expect(ops.connection.value).toBe("live");
    // Replaying the log from the start never turns a report back to an older version.
    expect(ops.reports.value.find((r) => r.id === "r1")?.version).toBe(2);

    const r3 = report("r3", 1, "2026-05-01T03:00:00Z");
    log.push(envelope(4, r3));
    socket.handlers.change(envelope(4, r3));
    expect(ops.reports.value.map((r) => r.id)).toEqual(["r3", "r2", "r1"]);

    socket.handlers.disconnected();
    expect(ops.connection.value).toBe("offline");
    const r3v2 = report("r3", 2, "2026-05-01T03:00:00Z");
    const r4 = report("r4", 1, "2026-05-01T04:00:00Z");
    log.push(envelope(5, r3v2), envelope(6, r4));
    requests.length = 0;
    socket.handlers.connected();
    socket.handlers.change(envelope(4, r3)); // a late duplicate from before the gap
    await settle();
    expect(requests[0]).toBe("/api/changes?after=4&limit=500");
    expect(ops.reports.value.map((r) => `${r.id}v${r.version}`)).toEqual(["r4v1", "r3v2", "r2v1", "r1v2"]);
    expect(ops.connection.value).toBe("live");

    ops.stop();
    expect(socket.closed).toBe(1);
    expect(ops.connection.value).toBe("idle");
  });

  it("keeps the newest reports first and within the cap", () => {
    let list: ReportView[] = [];
    for (let i = 0; i < 5; i++) list = upsertReport(list, report(`r${i}`, 1, `2026-05-01T0${i}:00:00Z`), 3);
    expect(list.map((r) => r.id)).toEqual(["r4", "r3", "r2"]);
    // An older arrival delivered late still sorts by when it arrived.
    list = upsertReport(list, report("late", 1, "2026-05-01T03:30:00Z"), 3);
    expect(list.map((r) => r.id)).toEqual(["r4", "late", "r3"]);
  });

  it("sends a decision with the version on screen and shows the answer; a refusal leaves the list as it was", async () => {
    const r1 = report("r1", 1, "2026-05-01T01:00:00Z");
    const sent: { path: string; body: unknown }[] = [];
    let refuse = false;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(String(input), "http://x");
      if (url.pathname === "/api/reports") return Response.json({ data: [r1] });
      sent.push({ path: url.pathname, body: JSON.parse(String(init?.body)) });
      if (refuse) return Response.json({ error: { code: "conflict", message: "The report changed since it was loaded; look at it again before deciding" } }, { status: 409 });
      return Response.json({ data: { ...r1, status: "rejected", statusNote: "Foto kabur", version: 2 } });
    };
    const ops = new OpsModel(createHttp({ fetch }), fakeSocket().connect);
    await ops.start();

    await ops.decide("r1", { status: "rejected", note: "Foto kabur", version: 1 });
    expect(sent).toEqual([{ path: "/api/reports/r1/status", body: { status: "rejected", note: "Foto kabur", version: 1 } }]);
    expect(ops.reports.value[0]).toMatchObject({ id: "r1", status: "rejected", statusNote: "Foto kabur", version: 2 });

    refuse = true;
    await expect(ops.decide("r1", { status: "verified", version: 1 })).rejects.toMatchObject({ code: "conflict" });
    expect(ops.reports.value[0]).toMatchObject({ status: "rejected", version: 2 });
  });

  it("keeps a release heard live over a read of the report that was sent before it and answers after", async () => {
    const r1 = report("r1", 1, "2026-05-01T01:00:00Z");
    const holder = { holderId: "u-a", holderName: "Verifikator A", expiresAt: new Date(Date.now() + 600_000).toISOString() };
    let answerRead: (() => void) | null = null;
    const fetch: typeof globalThis.fetch = async (input) => {
      const url = new URL(String(input), "http://x");
      if (url.pathname === "/api/reports") return Response.json({ data: [r1], page: { total: null, next: null, seq: 0 } });
      if (url.pathname === "/api/changes") return Response.json({ data: [], page: { total: null, next: null, seq: 0 } });
      if (url.pathname === "/api/reports/r1") {
        // The server read the claim while it was still held; the answer is slow to arrive.
        await new Promise<void>((resolve) => (answerRead = resolve));
        return Response.json({ data: { ...r1, claim: { ...holder, claimedAt: "2026-05-01T01:00:00Z" } } });
      }
      return Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 });
    };
    const socket = fakeSocket();
    const ops = new OpsModel(createHttp({ fetch }), socket.connect);
    await ops.start();
    socket.handlers.claim!({ reportId: "r1", claim: holder });
    expect(ops.claims.value.get("r1")?.holderId).toBe("u-a");

    // Back after a gap: the screen asks again who holds r1, and the release arrives before the answer.
    socket.handlers.connected();
    for (let i = 0; i < 5 && !answerRead; i++) await settle();
    expect(answerRead).not.toBeNull();
    socket.handlers.claim!({ reportId: "r1", claim: null });
    answerRead!();
    for (let i = 0; i < 5; i++) await settle();
    expect(ops.claims.value.has("r1")).toBe(false);
  });
});
