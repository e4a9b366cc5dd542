import type { TestApp } from "./test-app.ts";
import { api, createAccount, login } from "./accounts.ts";
import { situationReport } from "./reports.ts";
import { agencyAs, submitAs, verifyAs } from "./incidents.ts";

type Answer = { status: number; body: unknown };

/** Two fresh situation reports of a new officer, and an admin to act on them. */
async function twoReports(t: TestApp) {
  const officer = await login(t, await createAccount(t, "officer"));
  const admin = await login(t, await createAccount(t, "admin"));
  return { admin, ids: [await submitAs(t, officer, situationReport()), await submitAs(t, officer, situationReport())] };
}

async function incidentOf(t: TestApp) {
  const { admin, ids } = await twoReports(t);
  const res = await api(t, "POST", "/api/incidents", { cookie: admin, body: { reportIds: ids } });
  return { admin, ids, res, id: (res.body as { data: { id: string } }).data.id };
}

async function assignmentOf(t: TestApp) {
  const { admin, ids } = await twoReports(t);
  await verifyAs(t, admin, ids[0]!);
  const agency = await agencyAs(t, admin);
  const res = await api(t, "POST", "/api/follow-ups", { cookie: admin, body: { reportId: ids[0], agencyIds: [agency], instruction: "Tindak lanjuti" } });
  return { admin, res, id: (res.body as { data: { id: string }[] }).data[0]!.id };
}

/**
 * One success each for the incident and follow-up routes the access matrix only sees refused (server/test
 * contract-successes.ts spreads these in). Each makes accounts and data of its own.
 */
export const INCIDENT_SUCCESSES: Record<string, (t: TestApp) => Promise<Answer>> = {
  "POST /api/incidents": async (t) => (await incidentOf(t)).res,
  "GET /api/incidents/:id": async (t) => {
    const { admin, id } = await incidentOf(t);
    return api(t, "GET", `/api/incidents/${id}`, { cookie: admin });
  },
  "POST /api/incidents/:id/reports": async (t) => {
    const { admin, id } = await incidentOf(t);
    const more = (await twoReports(t)).ids[0];
    return api(t, "POST", `/api/incidents/${id}/reports`, { cookie: admin, body: { reportIds: [more] } });
  },
  "DELETE /api/incidents/:id/reports/:reportId": async (t) => {
    const { admin, id, ids } = await incidentOf(t);
    return api(t, "DELETE", `/api/incidents/${id}/reports/${ids[0]}`, { cookie: admin });
  },
  "PATCH /api/agencies/:id": async (t) => {
    const admin = await login(t, await createAccount(t, "admin"));
    return api(t, "PATCH", `/api/agencies/${await agencyAs(t, admin)}`, { cookie: admin, body: { phone: "0526-1234" } });
  },
  "POST /api/follow-ups": async (t) => (await assignmentOf(t)).res,
  "POST /api/follow-ups/:id/response": async (t) => {
    const { admin, id } = await assignmentOf(t);
    return api(t, "POST", `/api/follow-ups/${id}/response`, { cookie: admin, body: { response: "Sudah ditangani" } });
  },
  "POST /api/follow-ups/:id/close": async (t) => {
    const { admin, id } = await assignmentOf(t);
    return api(t, "POST", `/api/follow-ups/${id}/close`, { cookie: admin });
  },
};
