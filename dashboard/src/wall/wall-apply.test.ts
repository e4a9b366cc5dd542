import { describe, expect, it } from "vitest";
import type { AlertView } from "@contract/alerts.ts";
import type { CountsBy, WallReport, WallReportChange, WallSnapshot } from "@contract/wall.ts";
import { applyAlert, applyReportChanges, INCOMING_MAX, knownOfSnapshot, stateOfSnapshot } from "./wall-apply.ts";

const TODAY = "2026-11-30";
const NOON = "2026-11-30T04:00:00.000Z"; // 12.00 WITA

const counts = (total = 0): CountsBy => ({
  kerawanan: { rendah: total, sedang: 0, tinggi: 0, sangat_tinggi: 0 },
  status: { submitted: total, verified: 0, rejected: 0, revision_requested: 0, published: 0 },
  total,
});

function report(id: string, over: Partial<WallReport> = {}): WallReport {
  return {
    id,
    number: `LI-${id}`,
    kind: "situation",
    status: "submitted",
    bidang: "ekonomi",
    kerawanan: "rendah",
    perihal: `Laporan ${id}`,
    kecamatanKode: "63.11.06",
    kecamatanNama: "Paringin",
    desaNama: null,
    point: [115.45, -2.32],
    receivedAt: NOON,
    ...over,
  };
}

function snapshot(over: Partial<WallSnapshot> = {}): WallSnapshot {
  return {
    seq: 10,
    generatedAt: NOON,
    today: TODAY,
    build: "b1",
    tiles: [
      { kecamatanKode: "63.11.06", kecamatanNama: "Paringin", level: "normal", reportsToday: 1, openAlerts: 0, owedToday: 2, receivedToday: 1 },
      { kecamatanKode: "63.11.01", kecamatanNama: "Juai", level: "normal", reportsToday: 0, openAlerts: 0, owedToday: 1, receivedToday: 0 },
    ],
    counters: { today: counts(1), week: counts(1) },
    trend: [
      { day: "2026-11-29", total: 3, kerawanan: { rendah: 3 } },
      { day: TODAY, total: 1, kerawanan: { rendah: 1 } },
    ],
    ticker: [],
    recent: [report("a")],
    alerts: [],
    settings: { rotateSeconds: 20, sound: false },
    ...over,
  } as WallSnapshot;
}

const change = (seq: number, r: WallReport | null, kind = "created"): WallReportChange => ({ seq, kind, at: NOON, report: r });

describe("the wall's counting of live report changes", () => {
  it("counts a new report once: in today's and this week's counters, its kecamatan's tile and today's trend point", () => {
    const s = snapshot();
    const known = knownOfSnapshot(s);
    const { state, arrived } = applyReportChanges(stateOfSnapshot(s), known, [change(11, report("b", { kerawanan: "tinggi" }))]);
    expect(arrived.map((r) => r.id)).toEqual(["b"]);
    expect(state.counters.today.total).toBe(2);
    expect(state.counters.today.kerawanan.tinggi).toBe(1);
    expect(state.counters.week.total).toBe(2);
    expect(state.tiles.find((t) => t.kecamatanKode === "63.11.06")!.reportsToday).toBe(2);
    expect(state.trend.at(-1)).toMatchObject({ total: 2, kerawanan: { rendah: 1, tinggi: 1 } });
    expect(state.incoming.map((r) => r.id)).toEqual(["b", "a"]);
  });

  it("does not count again what the snapshot holds: a change at or below its seq, or a creation it already lists", () => {
    const s = snapshot();
    const { state, arrived } = applyReportChanges(stateOfSnapshot(s), knownOfSnapshot(s), [change(9, report("old")), change(12, report("a"))]);
    expect(arrived).toEqual([]);
    expect(state.counters.today.total).toBe(1);
    expect(state.incoming.map((r) => r.id)).toEqual(["a"]);
  });

  it("moves a known report's count from its old status to the new, and puts a verified one in the ticker", () => {
    const s = snapshot();
    const { state } = applyReportChanges(stateOfSnapshot(s), knownOfSnapshot(s), [change(11, report("a", { status: "verified" }), "status_changed")]);
    expect(state.counters.today.total).toBe(1);
    expect(state.counters.today.status).toMatchObject({ submitted: 0, verified: 1 });
    expect(state.ticker.map((r) => r.id)).toEqual(["a"]);
    expect(state.tiles.find((t) => t.kecamatanKode === "63.11.06")!.reportsToday).toBe(1);
  });

  it("leaves the counters alone for a change of a report it never saw (the next snapshot counts it)", () => {
    const s = snapshot();
    const { state, arrived } = applyReportChanges(stateOfSnapshot(s), knownOfSnapshot(s), [change(11, report("z", { status: "verified" }), "status_changed")]);
    expect(arrived).toEqual([]);
    expect(state.counters).toEqual(s.counters);
  });

  it("counts a report received on another day in neither today's figures nor its tile", () => {
    const s = snapshot();
    const { state, arrived } = applyReportChanges(stateOfSnapshot(s), knownOfSnapshot(s), [change(11, report("y", { receivedAt: "2026-11-01T04:00:00.000Z" }))]);
    expect(arrived.map((r) => r.id)).toEqual(["y"]);
    expect(state.counters.today.total).toBe(1);
    expect(state.tiles[0]!.reportsToday).toBe(1);
  });

  it("keeps the incoming list short however many arrive", () => {
    const s = snapshot();
    const burst = Array.from({ length: 100 }, (_, i) => change(11 + i, report(`r${i}`)));
    const { state, arrived } = applyReportChanges(stateOfSnapshot(s), knownOfSnapshot(s), burst);
    expect(arrived).toHaveLength(100);
    expect(state.incoming).toHaveLength(INCOMING_MAX);
    expect(state.incoming[0]!.id).toBe("r99");
    expect(state.counters.today.total).toBe(101);
  });
});

describe("the wall's live alerts", () => {
  const alert = (id: string, severity: AlertView["severity"], status: AlertView["status"] = "open") =>
    ({ id, severity, status, kecamatanKode: "63.11.06", title: id, openedAt: NOON }) as AlertView;

  it("colours a kecamatan by its most severe live alert, and back to normal when they close", () => {
    let state = stateOfSnapshot(snapshot());
    state = applyAlert(state, alert("x", "waspada"));
    state = applyAlert(state, alert("y", "awas"));
    expect(state.tiles[0]).toMatchObject({ level: "awas", openAlerts: 2 });
    state = applyAlert(state, alert("y", "awas", "closed"));
    expect(state.tiles[0]).toMatchObject({ level: "waspada", openAlerts: 1 });
    state = applyAlert(state, alert("x", "waspada", "closed"));
    expect(state.tiles[0]).toMatchObject({ level: "normal", openAlerts: 0 });
    expect(state.alerts).toEqual([]);
  });

  it("puts a report at the ticker's head when it is verified or published, and leaves a listed one in place on other changes", () => {
    const old = report("old", { status: "verified", receivedAt: "2026-11-28T04:00:00.000Z" });
    const listed = [report("t1", { status: "verified" }), report("t2", { status: "published" })];
    const s = snapshot({ ticker: listed });
    const state = stateOfSnapshot(s);
    const known = knownOfSnapshot(s);

    // A photo added to the second: it stays second (the ticker is ordered by verification).
    const photo = applyReportChanges(state, known, [change(11, { ...listed[1]!, perihal: "Dengan foto" }, "photo_added")]);
    expect(photo.state.ticker.map((r) => [r.id, r.perihal])).toEqual([
      ["t1", "Laporan t1"],
      ["t2", "Dengan foto"],
    ]);
    // A report received days ago and verified now: at the head, though the wall never knew it.
    const verified = applyReportChanges(photo.state, known, [change(12, old, "status_changed")]);
    expect(verified.state.ticker.map((r) => r.id)).toEqual(["old", "t1", "t2"]);
    // An amendment of a verified report not listed does not bring it in.
    const other = applyReportChanges(verified.state, known, [change(13, report("x", { status: "verified" }), "amendment_reviewed")]);
    expect(other.state.ticker.map((r) => r.id)).toEqual(["old", "t1", "t2"]);
  });
});
