import { describe, expect, it } from "vitest";
import { DEFAULT_SUB_CATEGORIES, STATUS_CHANGES, SubmitReportInput, type ReportStatus } from "@contract/reports.ts";
import { DAY, witaDay } from "./calendar.ts";
import type { Extra } from "./extras.ts";
import { fixtureAgencies, fixtureCast, NORTH, SOUTH } from "./fixtures.ts";
import { createGeneration, type GenerateOptions } from "./generate.ts";
import { balanganPlaces } from "./places.ts";
import type { GeneratedReport } from "./rows.ts";

/** A fixed end (a Sunday evening, WITA), so every run of the suite sees the same year. */
const END = Date.parse("2026-11-15T19:30:00+08:00");
const REPORTS = 2_000;

function generate(overrides: Partial<GenerateOptions> = {}) {
  const g = createGeneration({ seed: "uji", reports: REPORTS, end: END, cast: fixtureCast(), extras: { agencies: fixtureAgencies(), firstIncidentNumber: 1 }, ...overrides });
  const reports = [...g.reports()];
  return { g, reports, extras: [...g.extras] as Extra[] };
}

const run = generate();
const { reports } = run;

describe("the demo data generator", () => {
  it("gives the same reports, incidents and follow-ups for the same seed, and others for another seed", () => {
    const again = generate();
    expect(JSON.stringify(again.reports)).toBe(JSON.stringify(reports));
    expect(JSON.stringify(again.extras)).toBe(JSON.stringify(run.extras));
    const other = generate({ seed: "lain" });
    expect(other.reports.map((r) => r.report.perihal)).not.toEqual(reports.map((r) => r.report.perihal));
  });

  it("makes exactly the number of reports asked for, in arrival order, over the year ending at the end", () => {
    expect(reports).toHaveLength(REPORTS);
    expect(run.g.situationCount + run.g.periodicCount).toBe(REPORTS);
    const received = reports.map((r) => Date.parse(r.report.receivedAt));
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(Math.max(...received)).toBeLessThanOrEqual(END);
    expect(Math.min(...received)).toBeGreaterThan(END - 366 * DAY);
    // Each submission happened, was sent, then arrived (a revision's row keeps the first arrival).
    for (const rev of reports.flatMap((r) => r.revisions)) {
      expect(Date.parse(rev.payload.occurredAt)).toBeLessThanOrEqual(Date.parse(rev.payload.sentAt));
      expect(Date.parse(rev.payload.sentAt)).toBeLessThanOrEqual(Date.parse(rev.receivedAt));
    }
  });

  it("writes every submission as a phone would send it: valid, and unchanged by validation", () => {
    for (const g of reports)
      for (const rev of g.revisions) {
        const parsed = SubmitReportInput.safeParse(rev.payload);
        expect(parsed.success ? null : parsed.error.issues).toBeNull();
        expect(parsed.data).toEqual(rev.payload);
      }
  });

  it("places every report inside the desa it names, by the rule intake places reports with", () => {
    const places = balanganPlaces();
    const desa = new Map(places.desa.map((d) => [d.kode, d]));
    for (const { report: r } of reports) {
      const d = desa.get(r.desaKode)!;
      expect(d.kecamatanKode).toBe(r.kecamatanKode);
      expect(places.placesIn({ lat: r.lat, lng: r.lng }, d)).toBe(true);
    }
    // Spread over Balangan: most desa have reports.
    expect(new Set(reports.map((r) => r.report.desaKode)).size).toBeGreaterThan(120);
  });

  it("covers the five bidang and their sub-categories, with many rendah and sedang reports and few sangat tinggi", () => {
    const situation = reports.filter((r) => r.report.kind === "situation").map((r) => r.report);
    for (const r of situation) expect(DEFAULT_SUB_CATEGORIES[r.bidang as keyof typeof DEFAULT_SUB_CATEGORIES]).toContain(r.subCategory);
    expect(new Set(situation.map((r) => r.bidang)).size).toBe(5);
    expect(new Set(situation.map((r) => r.subCategory)).size).toBeGreaterThanOrEqual(16);
    const share = (k: string) => situation.filter((r) => r.kerawanan === k).length / situation.length;
    expect(share("rendah") + share("sedang")).toBeGreaterThan(0.6);
    expect(share("sangat_tinggi")).toBeGreaterThan(0);
    expect(share("sangat_tinggi")).toBeLessThan(0.1);
    expect(situation.some((r) => r.classification === "rahasia")).toBe(true);
  });

  it("files periodic reports once per officer and period, never for the day, week or month still running", () => {
    const periodic = reports.filter((r) => r.report.kind !== "situation").map((r) => r.report);
    expect(new Set(periodic.map((r) => r.kind))).toEqual(new Set(["daily", "weekly", "monthly"]));
    const keys = periodic.map((r) => `${r.authorId}/${r.kind}/${r.period}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(periodic.filter((r) => r.kind === "daily" && r.period === "2026-11-15")).toEqual([]);
    expect(periodic.filter((r) => r.kind === "weekly" && r.period === "2026-W46")).toEqual([]);
    expect(periodic.filter((r) => r.kind === "monthly" && r.period === "2026-11")).toEqual([]);
  });

  it("decides as the server allows: STATUS_CHANGES, a claim before each decision, by a verifier of the kecamatan", () => {
    const regions = new Map([["verifikator.utara", NORTH], ["verifikator.selatan", SOUTH]]);
    const verifierRegions = new Map(fixtureCast().verifiers.map((v) => [v.id, regions.get(v.username)!]));
    for (const g of reports) checkTrail(g, verifierRegions);
    const statuses = new Set(reports.map((r) => r.report.status));
    expect(statuses).toEqual(new Set(["submitted", "verified", "rejected", "revision_requested"]));
    // Recent reports are still waiting; old ones were all looked at.
    const waiting = reports.filter((r) => r.report.status === "submitted");
    expect(Math.min(...waiting.map((r) => Date.parse(r.report.receivedAt)))).toBeGreaterThan(END - 30 * DAY);
    expect(reports.some((r) => r.revisions.length === 2 && r.report.kind === "situation")).toBe(true);
  });

  it("merges hotspots into incidents and sends grave reports to agencies, naming only reports it made", () => {
    const ids = new Set(reports.map((r) => r.report.id));
    const incidents = run.extras.filter((x) => x.incident);
    expect(incidents.length).toBeGreaterThan(0);
    expect(run.extras.flatMap((x) => x.assignments).length).toBeGreaterThan(0);
    for (const x of run.extras) {
      for (const id of x.reportIds) expect(ids.has(id)).toBe(true);
      for (const e of x.events) expect(ids.has(e.reportId)).toBe(true);
      expect(x.after).toBeLessThanOrEqual(END);
    }
    const verified = new Set(reports.filter((r) => r.report.status === "verified").map((r) => r.report.id));
    for (const x of incidents) {
      expect(x.members.length).toBeGreaterThanOrEqual(2);
      for (const m of x.members) expect(verified.has(m.reportId)).toBe(true);
      expect(x.incident!.number).toMatch(/^INS-\d{4}-\d{5}$/);
    }
    const numbers = incidents.map((x) => x.incident!.number.slice(-5));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

/** One report's trail, step by step, against what the status service, claims and intake allow. */
function checkTrail(g: GeneratedReport, verifierRegions: Map<string, string[]>) {
  const [first, ...rest] = g.events;
  expect(first).toMatchObject({ action: "submitted", toStatus: "submitted", actorId: g.report.authorId, at: g.report.receivedAt });
  let status: ReportStatus = "submitted";
  let version = 1;
  let claim: { by: string; until: number } | null = null;
  for (const e of rest) {
    const at = Date.parse(e.at);
    if (e.action === "claimed") {
      claim = { by: e.actorId, until: Date.parse(String(e.details!.expiresAt)) };
      continue;
    }
    version++;
    if (e.action === "status_changed") {
      expect(e.fromStatus).toBe(status);
      expect(STATUS_CHANGES[status]).toContain(e.toStatus);
      expect(claim?.by).toBe(e.actorId);
      expect(at).toBeLessThanOrEqual(claim!.until);
      expect(verifierRegions.get(e.actorId)).toContain(g.report.kecamatanKode);
      if (e.toStatus === "rejected" || e.toStatus === "revision_requested") expect(e.note).toBeTruthy();
      status = e.toStatus as ReportStatus;
      claim = null;
    } else if (e.action === "revised") {
      expect([status, e.toStatus]).toEqual(["revision_requested", "submitted"]);
      expect(e.actorId).toBe(g.report.authorId);
      status = "submitted";
    } else expect(["amended", "amendment_reviewed"]).toContain(e.action);
  }
  expect(g.report.status).toBe(status);
  expect(g.report.version).toBe(version);
  expect(g.report.revision).toBe(g.revisions.length);
  expect(witaDay(Date.parse(g.events.at(-1)!.at))).toBeLessThanOrEqual(witaDay(END));
}
