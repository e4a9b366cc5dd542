import { randomUUID } from "node:crypto";
import type { TestApp } from "./test-app.ts";
import { api, createAccount, login } from "./accounts.ts";
import { POINTS } from "./reports.ts";

type Answer = { status: number; body: unknown };

/** A valid monthly report of `month` from a point in a kecamatan; `body` fields override the template's. */
export function monthlyReport(month: string, place: { lat: number; lng: number }, body: object = {}) {
  const at = `${month}-28T10:00:00+08:00`;
  return {
    kind: "monthly",
    clientId: randomUUID(),
    perihal: `Laporan bulanan ${month}`,
    kerawanan: "rendah",
    occurredAt: at,
    sentAt: at,
    location: { ...place, accuracyM: null, source: "pin" },
    period: month,
    body: { statistik: {}, athg: {}, ...body },
  };
}

/**
 * A kabupaten summary with something in it: a verified monthly report from Juai, for a month of its own
 * (another run's reports of that month, if any, only add to it).
 */
export const KABUPATEN_SUMMARY_SUCCESSES: Record<string, (t: TestApp) => Promise<Answer>> = {
  "GET /api/periodic/kabupaten-summary": async (t) => {
    const month = "2020-11";
    const officer = await login(t, await createAccount(t, "officer", { kecamatanKode: "63.11.01" }));
    const sent = await api(t, "POST", "/api/reports", { cookie: officer, body: monthlyReport(month, POINTS.juai, { statistik: { unjuk_rasa: 2 }, saran: "Mediasi" }) });
    const admin = await login(t, await createAccount(t, "admin"));
    const id = (sent.body as { data: { id: string } }).data.id;
    await api(t, "POST", `/api/reports/${id}/status`, { cookie: admin, body: { status: "verified", version: 1 } });
    const leader = await login(t, await createAccount(t, "leader"));
    return api(t, "GET", `/api/periodic/kabupaten-summary?month=${month}`, { cookie: leader });
  },
};
