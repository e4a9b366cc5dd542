import { QueryTypes } from "sequelize";
import type { TestApp } from "./test-app.ts";
import { api, createAccount, login } from "./accounts.ts";

type Answer = { status: number; body: unknown };

/** An alert of its own for each success: a row as the engine writes it, keyed so no rule run ever matches it. */
async function matrixAlert(t: TestApp): Promise<string> {
  const [row] = await t.db.sequelize.query<{ id: string }>(
    `INSERT INTO alerts (number, rule, key, severity, title, opened_at, updated_at, seen_at)
     VALUES ('PDK-UJI-' || gen_random_uuid(), 'critical', 'matrix:' || gen_random_uuid(), 'waspada', 'Uji matriks', now(), now(), now())
     RETURNING id`,
    { type: QueryTypes.SELECT },
  );
  return row!.id;
}

const cookieOf = async (t: TestApp, role: "admin" | "leader") => login(t, await createAccount(t, role));

/** One success each for the alert routes whose access-matrix case only ever sees an error (issue 16). */
export const ALERT_SUCCESSES: Record<string, (t: TestApp) => Promise<Answer>> = {
  "GET /api/alerts/:id": async (t) => api(t, "GET", `/api/alerts/${await matrixAlert(t)}`, { cookie: await cookieOf(t, "leader") }),
  "POST /api/alerts/:id/acknowledge": async (t) =>
    api(t, "POST", `/api/alerts/${await matrixAlert(t)}/acknowledge`, { cookie: await cookieOf(t, "leader"), body: { note: "Sudah ditangani" } }),
  "POST /api/alerts/:id/close": async (t) => api(t, "POST", `/api/alerts/${await matrixAlert(t)}/close`, { cookie: await cookieOf(t, "admin"), body: {} }),
  "PUT /api/alerts/rules": async (t) => {
    const cookie = await cookieOf(t, "admin");
    const current = await api(t, "GET", "/api/alerts/rules", { cookie });
    return api(t, "PUT", "/api/alerts/rules", { cookie, body: (current.body as { data: unknown }).data });
  },
};
