import type { SubmitReportRaw } from "@contract/reports.ts";
import type { TestApp } from "./test-app.ts";
import { api } from "./accounts.ts";
import { POINTS, situationReport } from "./reports.ts";

/** Meters per degree of latitude near Balangan (on the generous side of the spheroid's 110.57 km). */
const METERS_PER_DEGREE = 110_600;

/** A point `northM` meters north and `eastM` meters east of the Paringin test point. */
export function nearParingin(northM: number, eastM = 0): { lat: number; lng: number } {
  return { lat: POINTS.paringin.lat + northM / METERS_PER_DEGREE, lng: POINTS.paringin.lng + eastM / METERS_PER_DEGREE };
}

/**
 * A base time of this run's own for reports whose neighbours in time matter: a random hour in 2005–2014,
 * a decade no other suite writes reports to. Not "some months ago": the demo seed (seeds/generate, run
 * by its own test into the shared database) fills the last year near Paringin with reports of the same
 * bidang and like words, and once crowded a report's duplicate candidates past their limit.
 */
export function privateHour(): number {
  const start = Date.UTC(2005, 0, 1);
  const hours = Math.floor(Math.random() * 10 * 365 * 24);
  return start + hours * 3_600_000;
}

/** A day for a periodic report, whose neighbours do not matter: periods are taken from 2020 on only. */
export function recentPeriodDay(): string {
  const daysBack = 30 + Math.floor(Math.random() * 300);
  return new Date(Date.now() - daysBack * 86_400_000).toISOString().slice(0, 10);
}

/** A situation report occurring `at`, placed at `where`, with a perihal and an `apa` fact of its own. */
export function situationAt(at: number, where: { lat: number; lng: number }, text: { perihal: string; apa: string }, overrides: Partial<Record<string, unknown>> = {}): SubmitReportRaw {
  const base = situationReport();
  const body = (base as { body: { fakta: object } }).body;
  return situationReport({
    perihal: text.perihal,
    occurredAt: new Date(at).toISOString(),
    location: { ...where, accuracyM: 10, source: "gps" },
    body: { ...body, fakta: { ...body.fakta, apa: text.apa } },
    ...overrides,
  });
}

/** Submit as the officer (REST), answering the stored report's id. */
export async function submitAs(t: TestApp, officerCookie: string, report: SubmitReportRaw): Promise<string> {
  const res = await api(t, "POST", "/api/reports", { cookie: officerCookie, body: report });
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.id as string;
}

/** Verify a report as a verifier or admin, at the version it has now. */
export async function verifyAs(t: TestApp, deciderCookie: string, reportId: string): Promise<void> {
  const { body } = await api(t, "GET", `/api/reports/${reportId}`, { cookie: deciderCookie });
  const res = await api(t, "POST", `/api/reports/${reportId}/status`, { cookie: deciderCookie, body: { status: "verified", version: body.data.version } });
  if (res.status !== 200) throw new Error(`verify failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Make an agency as an admin, with a name unique to this run. */
export async function agencyAs(t: TestApp, adminCookie: string, kind = "polres", name = "Polres Balangan"): Promise<string> {
  const res = await api(t, "POST", "/api/agencies", {
    cookie: adminCookie,
    body: { name: `${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, kind },
  });
  if (res.status !== 201) throw new Error(`agency failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.id as string;
}
