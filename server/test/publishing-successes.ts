import type { TestApp } from "./test-app.ts";
import { api, createAccount, login } from "./accounts.ts";
import { situationReport } from "./reports.ts";
import { submitAs, verifyAs } from "./incidents.ts";

type Answer = { status: number; body: unknown };

/** A verified situation report of a new officer, and an admin to publish it; `publish` publishes it. */
async function verifiedReport(t: TestApp) {
  const officer = await login(t, await createAccount(t, "officer"));
  const admin = await login(t, await createAccount(t, "admin"));
  const id = await submitAs(t, officer, situationReport());
  await verifyAs(t, admin, id);
  const version = async () => ((await api(t, "GET", `/api/reports/${id}`, { cookie: admin })).body as { data: { version: number } }).data.version;
  const publish = async () => api(t, "POST", `/api/reports/${id}/publish`, { cookie: admin, body: { version: await version() } });
  return { admin, id, version, publish };
}

/** One success each for the publishing routes the access matrix only sees refused (or not found). */
export const PUBLISHING_SUCCESSES: Record<string, (t: TestApp) => Promise<Answer>> = {
  "POST /api/reports/:id/publish": async (t) => (await verifiedReport(t)).publish(),
  "POST /api/reports/:id/unpublish": async (t) => {
    const { admin, id, version, publish } = await verifiedReport(t);
    await publish();
    return api(t, "POST", `/api/reports/${id}/unpublish`, { cookie: admin, body: { version: await version(), note: "Ditarik untuk diperbaiki" } });
  },
  "GET /api/public/reports/:id": async (t) => {
    const { id, publish } = await verifiedReport(t);
    await publish();
    return api(t, "GET", `/api/public/reports/${id}`);
  },
};
