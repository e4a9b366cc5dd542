import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ChangeEnvelope } from "@contract/events.ts";
import { reportView } from "@kit/testing/report-view.ts";
import { MyReportsModel, type MyReport } from "./my-reports.model.ts";
import { provisionalReport } from "./provisional.ts";
import { makePayload as situationPayload } from "../outbox/outbox.testing.ts";

const ME = "11111111-1111-4111-8111-111111111111";

/** One of mine (by default): the receive times differ by id so the list has an order. */
const report = (id: string, over: Partial<MyReport> = {}): MyReport =>
  reportView(id, { number: `LI-2026-${id}`, receivedAt: `2026-03-02T0${id.length % 9}:00:00.000Z`, author: { id: ME, displayName: "Petugas Paringin" }, ...over });

const change = (data: MyReport): ChangeEnvelope => ({ seq: 1, entity: "report", entityId: data.id, kind: "updated", at: new Date().toISOString(), data });

/** A fetch whose answer the test releases when it wants. */
function heldFetch(list: MyReport[]) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  vi.stubGlobal("fetch", async () => {
    await gate;
    return new Response(JSON.stringify({ data: list }), { status: 200, headers: { "content-type": "application/json" } });
  });
  return release;
}

afterEach(() => vi.unstubAllGlobals());

describe("MyReportsModel", () => {
  it("loads my reports, newest first", async () => {
    const release = heldFetch([report("a", { receivedAt: "2026-03-01T00:00:00.000Z" }), report("b", { receivedAt: "2026-03-02T00:00:00.000Z" })]);
    const model = new MyReportsModel();
    const loading = model.load(ME);
    release();
    await loading;
    expect(model.reports.value.map((r) => r.id)).toEqual(["b", "a"]);
    expect(model.state.value).toBe("ready");
  });

  it("keeps a status change that arrived while an older snapshot was on its way", async () => {
    const release = heldFetch([report("a")]);
    const model = new MyReportsModel();
    const loading = model.load(ME);
    await new Promise((r) => setTimeout(r, 20)); // the request is out
    model.applyChange(change(report("a", { status: "verified", version: 2 })));
    model.applyChange(change(report("new")));
    release();
    await loading;
    expect(model.reports.value.find((r) => r.id === "a")?.status).toBe("verified");
    expect(model.reports.value.some((r) => r.id === "new")).toBe(true);
  });

  it("ignores other officers' reports and stale versions", async () => {
    const release = heldFetch([report("a", { status: "rejected", version: 3 })]);
    const model = new MyReportsModel();
    release();
    await model.load(ME);
    model.applyChange(change(report("x", { author: { id: "someone-else", displayName: "X" } })));
    model.applyChange(change(report("a", { status: "submitted", version: 2 })));
    expect(model.reports.value.map((r) => [r.id, r.status])).toEqual([["a", "rejected"]]);
  });

  it("marks the list failed offline and keeps what it had", async () => {
    const release = heldFetch([report("a")]);
    const model = new MyReportsModel();
    release();
    await model.load(ME);
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await model.load(ME);
    expect(model.state.value).toBe("failed");
    expect(model.reports.value).toHaveLength(1);
  });

  it("shows a report it just delivered at once, until the server's view replaces it", async () => {
    const release = heldFetch([report("old")]);
    const model = new MyReportsModel();
    release();
    await model.load(ME);
    const sent = provisionalReport(
      { ...situationPayload(), clientId: "22222222-2222-4222-8222-222222222222" },
      { clientId: "22222222-2222-4222-8222-222222222222", id: "new", number: "LI-2026-000042", revision: 1, status: "submitted",
        kecamatan: { kode: "63.11.06", nama: "Paringin" }, desa: null, outsideMeters: 0, duplicate: false },
      { id: ME, displayName: "Petugas Paringin" },
      Date.parse("2026-03-02T09:00:00Z"),
    );
    model.addDelivered(sent);
    expect(model.reports.value.map((r) => [r.id, r.number, r.version])).toEqual([["new", "LI-2026-000042", 0], ["old", "LI-2026-old", 1]]);
    model.addDelivered({ ...sent, author: { id: "someone-else", displayName: "X" }, id: "theirs" });
    expect(model.reports.value.some((r) => r.id === "theirs")).toBe(false);
    // The server's own view (version 1) wins, live or from the next fetch.
    model.applyChange(change(report("new", { perihal: "Dari server" })));
    expect(model.reports.value.find((r) => r.id === "new")).toMatchObject({ perihal: "Dari server", version: 1 });
  });

  it("shows a revision it just delivered in place of the report sent back, until the server's view arrives", async () => {
    const release = heldFetch([report("r", { status: "revision_requested", statusNote: "Lengkapi", version: 3, revision: 1 })]);
    const model = new MyReportsModel();
    release();
    await model.load(ME);
    const clientId = "33333333-3333-4333-8333-333333333333";
    const sent = provisionalReport(
      { ...situationPayload(), clientId, perihal: "Direvisi" },
      { clientId, id: "r", number: "LI-2026-r", revision: 2, status: "submitted", kecamatan: { kode: "63.11.06", nama: "Paringin" }, desa: null, outsideMeters: 0, duplicate: false },
      { id: ME, displayName: "Petugas Paringin" },
      Date.parse("2026-03-05T09:00:00Z"),
    );
    model.addDelivered(sent);
    expect(model.reports.value).toHaveLength(1);
    expect(model.reports.value[0]).toMatchObject({ id: "r", perihal: "Direvisi", status: "submitted", revision: 2, statusNote: null, version: 3 });
    // The same delivery again (or an older one) changes nothing; the server's view (version 4) wins.
    model.addDelivered({ ...sent, perihal: "Lama", revision: 1 });
    expect(model.reports.value[0]!.perihal).toBe("Direvisi");
    model.applyChange(change(report("r", { perihal: "Dari server", status: "submitted", revision: 2, version: 4 })));
    expect(model.reports.value[0]).toMatchObject({ perihal: "Dari server", version: 4 });
  });
});
