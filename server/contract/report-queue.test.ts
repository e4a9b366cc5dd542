import { describe, expect, it } from "vitest";
import type { ReportView } from "./report-view.ts";
import { decodeQueueCursor, encodeQueueCursor, matchesReportFilter, ReportCountsQuery, ReportFilter, ReportListQuery, type ReportFilterInput } from "./report-queue.ts";

const view: ReportView = {
  id: "r1",
  number: "LI-2026-000001",
  revision: 1,
  kind: "situation",
  period: null,
  status: "submitted",
  classification: "biasa",
  bidang: "politik",
  subCategory: "unjuk rasa",
  kerawanan: "tinggi",
  perihal: "Unjuk rasa di kantor desa",
  body: {
    pendahuluan: { sumber: "Tokoh masyarakat", nilaiInformasi: "B2" },
    fakta: { siapa: "Sekitar 50 warga", apa: "Berorasi", diMana: "Kantor Desa Batu Piring", bagaimana: "Tertib", bilamana: "Senin" },
    pendapat: {},
  },
  occurredAt: "2026-03-01T01:00:00.000Z",
  sentAt: "2026-03-02T01:00:00.000Z",
  receivedAt: "2026-03-02T01:00:00.000Z",
  location: { lat: -2.3217, lng: 115.4584, accuracyM: 10, source: "gps" },
  kecamatan: { kode: "63.11.06", nama: "Paringin" },
  desa: { kode: "63.11.06.2001", nama: "Batu Piring" },
  outsideMeters: 0,
  author: { id: "5b0f6c1e-0000-4000-8000-000000000001", displayName: "Petugas" },
  photos: [],
  statusNote: null,
  version: 1,
  amendedAt: null,
};

const matches = (f: ReportFilterInput, v: ReportView = view) => matchesReportFilter(v, ReportFilter.parse(f));

describe("matchesReportFilter", () => {
  it("lets everything through an empty filter", () => {
    expect(matches({})).toBe(true);
  });

  it("checks each filter on its own, and all of them together", () => {
    const yes: ReportFilterInput[] = [
      { status: "submitted,verified" },
      { kind: ["situation"] },
      { bidang: "politik" },
      { subCategory: "unjuk rasa" },
      { kerawanan: "tinggi,sangat_tinggi" },
      { kecamatan: "63.11.06" },
      { desa: "63.11.06.2001" },
      { author: view.author.id },
      { q: "BATU piring" },
      { q: "unjuk" },
      { from: "2026-03-02T09:00:00+08:00" },
      { to: "2026-03-02T09:00:01+08:00" },
      { time: "occurred", from: "2026-03-01T00:00:00Z", to: "2026-03-01T02:00:00Z" },
      { flagged: "false" },
    ];
    const no: ReportFilterInput[] = [
      { status: "verified" },
      { kind: "daily,weekly" },
      { bidang: "ekonomi" },
      { subCategory: "ormas" },
      { kerawanan: "rendah" },
      { kecamatan: "63.11.01" },
      { desa: "63.11.06.2002" },
      { author: "5b0f6c1e-0000-4000-8000-000000000002" },
      { q: "lahan sawit" },
      { from: "2026-03-02T09:00:00.001+08:00" },
      { to: "2026-03-02T09:00:00+08:00" },
      { time: "occurred", from: "2026-03-01T01:00:00.001Z" },
      { flagged: "true" },
    ];
    for (const f of yes) expect(matches(f), JSON.stringify(f)).toBe(true);
    for (const f of no) expect(matches(f), JSON.stringify(f)).toBe(false);
    expect(matches(Object.assign({}, ...yes.filter((f) => !("time" in f))))).toBe(true);
    expect(matches({ ...yes[0], ...no[2] })).toBe(false);
  });

  it("leaves reports without a bidang or desa out when those are filtered on", () => {
    const daily = { ...view, kind: "daily" as const, bidang: null, subCategory: null, desa: null };
    expect(matches({ bidang: "politik" }, daily)).toBe(false);
    expect(matches({ desa: "63.11.06.2001" }, daily)).toBe(false);
    expect(matches({ kecamatan: "63.11.06" }, daily)).toBe(true);
  });

  it("flags amended reports", () => {
    const amended = { ...view, amendedAt: "2026-03-03T00:00:00.000Z" };
    expect(matches({ flagged: "true" }, amended)).toBe(true);
    expect(matches({ flagged: "false" }, amended)).toBe(false);
  });
});

describe("the queue's query", () => {
  it("takes lists comma-separated or repeated, and refuses a filter it does not know", () => {
    expect(ReportListQuery.parse({ status: ["submitted", "verified,rejected"] }).status).toEqual(["submitted", "verified", "rejected"]);
    expect(ReportListQuery.safeParse({ bidang: "politik", colour: "red" }).success).toBe(false);
    expect(ReportListQuery.safeParse({ status: "pending" }).success).toBe(false);
    expect(ReportListQuery.safeParse({ kecamatan: "63.11.06;DROP" }).success).toBe(false);
    expect(ReportCountsQuery.safeParse({ limit: "10" }).success).toBe(false);
  });

  it("pages with an opaque cursor, and still takes a bare instant from older clients", () => {
    const cursor = encodeQueueCursor({ receivedAt: "2026-03-02T01:00:00.123456Z", id: "5b0f6c1e-0000-4000-8000-000000000001" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeQueueCursor(cursor)).toEqual({ receivedAt: "2026-03-02T01:00:00.123456Z", id: "5b0f6c1e-0000-4000-8000-000000000001" });
    expect(ReportListQuery.parse({ before: cursor }).before).toEqual(decodeQueueCursor(cursor));
    expect(ReportListQuery.parse({ before: "2026-03-02T09:00:00+08:00" }).before).toEqual({ receivedAt: "2026-03-02T09:00:00+08:00", id: null });
    for (const bad of ["abc", "0000-01-01T00:00:00Z", encodeQueueCursor({ receivedAt: "x", id: "y" })])
      expect(ReportListQuery.safeParse({ before: bad }).success, bad).toBe(false);
  });
});
