import { request, type APIRequestContext } from "playwright-core";
import { expect } from "vitest";
import type { SubmitReportRaw } from "@contract/reports.ts";
import { DEMO_PASSWORD } from "./artifacts.ts";

/** A REST session of a demo account (standing in for the phone, or the admin's console). */
export async function apiSession(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl });
  const res = await api.post("/api/auth/login", { data: { username, password } });
  expect(res.status(), `login of ${username}`).toBe(200);
  return api;
}

/**
 * A second verifier of the northern kecamatan (the demo has one per region), made by the admin with a
 * known password so no password change stands between the test and the queue. Unique per run: in CI the
 * suites share a database.
 */
export async function createNorthVerifier(baseUrl: string, username: string, displayName: string): Promise<void> {
  const admin = await apiSession(baseUrl, "admin");
  const res = await admin.post("/api/users", {
    data: { username, displayName, role: "verifier", verifierRegions: ["63.11.01", "63.11.02", "63.11.04", "63.11.08"], password: DEMO_PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(201);
  await admin.dispose();
}

/** Reports sent by an officer over REST (the phone's other door); their ids, in order. */
export async function submitReports(api: APIRequestContext, reports: SubmitReportRaw[]): Promise<string[]> {
  const ids: string[] = [];
  for (const report of reports) {
    const res = await api.post("/api/reports", { data: report });
    expect(res.status(), await res.text()).toBe(201);
    ids.push(((await res.json()) as { data: { id: string } }).data.id);
  }
  return ids;
}
