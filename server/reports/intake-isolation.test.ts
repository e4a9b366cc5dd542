import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeIsolating } from "../core/data-errors.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { createAccount, type TestAccount } from "../test/accounts.ts";
import { POINTS } from "../test/reports.ts";
import { commitSituationReports, type NewReport } from "./reports.repo.ts";

/**
 * The safety net under the input rules: rows that reach the database and are refused there (a value the
 * contract does not know to refuse) fail alone. The rows here skip the contract on purpose.
 */

let t: TestApp;
let officer: TestAccount;

beforeAll(async () => {
  t = await startTestApp();
  officer = await createAccount(t, "officer", { kecamatanKode: "63.11.06" });
});
afterAll(() => t.close());

function row(overrides: Partial<NewReport> = {}): NewReport {
  const now = new Date().toISOString();
  const r: NewReport = {
    clientId: randomUUID(),
    authorId: officer.id,
    kind: "situation",
    period: null,
    classification: "biasa",
    bidang: "ekonomi",
    subCategory: "sengketa lahan/SDA",
    perihal: "Unjuk rasa warga",
    kerawanan: "sedang",
    body: { fakta: { siapa: "warga" } },
    photos: [],
    occurredAt: now,
    sentAt: now,
    ...POINTS.paringin,
    accuracyM: 10,
    locationSource: "gps",
    kecamatanKode: "63.11.06",
    desaKode: null,
    outsideMeters: 0,
    payload: null,
    ...overrides,
  };
  return { ...r, payload: overrides.payload ?? { perihal: r.perihal, body: r.body } };
}

const storedCount = async (rows: NewReport[]) =>
  Number(
    (
      await t.db.sequelize.query<{ n: number }>(`SELECT count(*) AS n FROM reports WHERE client_id = ANY (CAST(:ids AS uuid[]))`, {
        replacements: { ids: `{${rows.map((r) => r.clientId).join(",")}}` },
        type: QueryTypes.SELECT,
      })
    )[0]!.n,
  );

describe("writeIsolating over intake's one-statement commit", () => {
  it.each([
    ["a NUL in the title", { perihal: "Unjuk rasa\u0000" }],
    ["a lone surrogate in the payload", { payload: { perihal: "\ud800" } }],
    ["a date in year 0000", { occurredAt: "0000-01-01T00:00:00Z" }],
  ])("stores every row but the one with %s, and names that one", async (_name, poison) => {
    const good = Array.from({ length: 20 }, () => row());
    const bad = row(poison as Partial<NewReport>);
    const rows = [...good.slice(0, 13), bad, ...good.slice(13)];
    let statements = 0;
    const { written, refused } = await writeIsolating(rows, (part) => {
      statements++;
      return commitSituationReports(t.db.sequelize, part);
    });
    expect(refused.map((r) => r.row.clientId)).toEqual([bad.clientId]);
    expect(written.map((w) => w.client_id).sort()).toEqual(good.map((g) => g.clientId).sort());
    // Change-log order follows the commits: seqs increase along `written`.
    const seqs = written.map((w) => w.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(await storedCount(good)).toBe(20);
    expect(await storedCount([bad])).toBe(0);
    // Bisection, not a row at a time: ~2·log2(21) statements.
    expect(statements).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(rows.length)) + 1);
  });

  it("throws an error of the database itself unchanged, without splitting the rows", async () => {
    const gone = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    let calls = 0;
    await expect(
      writeIsolating([row(), row()], async () => {
        calls++;
        throw gone;
      }),
    ).rejects.toBe(gone);
    expect(calls).toBe(1);
  });
});
