import type { TestApp } from "./test-app.ts";
import { api, createAccount, login } from "./accounts.ts";

type Answer = { status: number; body: unknown };

const adminCookie = async (t: TestApp) => login(t, await createAccount(t, "admin"));

/**
 * One success each for the jobs and duties routes whose access-matrix case only ever sees an error.
 * Holidays and leave use days far in the past, so they change no duty a parallel test judges.
 */
export const DUTY_SUCCESSES: Record<string, (t: TestApp) => Promise<Answer>> = {
  "POST /api/jobs/:name/run": async (t) =>
    api(t, "POST", "/api/jobs/rollup-daily/run", { cookie: await adminCookie(t), body: { period: "2020-01-15" } }),
  "PUT /api/duties/settings": async (t) => {
    const cookie = await adminCookie(t);
    const current = await api(t, "GET", "/api/duties/settings", { cookie });
    return api(t, "PUT", "/api/duties/settings", { cookie, body: (current.body as { data: unknown }).data });
  },
  "PUT /api/duties/officers/:officerId": async (t) => {
    const officer = await createAccount(t, "officer");
    return api(t, "PUT", `/api/duties/officers/${officer.id}`, { cookie: await adminCookie(t), body: { owesFrom: null } });
  },
  "GET /api/duties/scorecard/:officerId/reports": async (t) => {
    const officer = await createAccount(t, "officer");
    return api(t, "GET", `/api/duties/scorecard/${officer.id}/reports`, { cookie: await adminCookie(t) });
  },
  "POST /api/holidays": async (t) =>
    api(t, "POST", "/api/holidays", { cookie: await adminCookie(t), body: { day: "2020-03-25", name: "Nyepi (uji)" } }),
  "POST /api/leave": async (t) => {
    const officer = await createAccount(t, "officer");
    return api(t, "POST", "/api/leave", { cookie: await adminCookie(t), body: { officerId: officer.id, firstDay: "2020-02-03", lastDay: "2020-02-05" } });
  },
  "DELETE /api/holidays/:day": async (t) => {
    const cookie = await adminCookie(t);
    await api(t, "POST", "/api/holidays", { cookie, body: { day: "2020-05-07", name: "Waisak (uji)" } });
    return api(t, "DELETE", "/api/holidays/2020-05-07", { cookie });
  },
  "DELETE /api/leave/:id": async (t) => {
    const cookie = await adminCookie(t);
    const officer = await createAccount(t, "officer");
    const made = await api(t, "POST", "/api/leave", { cookie, body: { officerId: officer.id, firstDay: "2020-06-01", lastDay: "2020-06-02" } });
    return api(t, "DELETE", `/api/leave/${(made.body as { data: { id: string } }).data.id}`, { cookie });
  },
};
