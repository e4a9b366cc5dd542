import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FieldIssueCode } from "@contract/errors.ts";
import type { SubmitReportRaw } from "@contract/reports.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, createAccount, login, useAccount } from "../test/accounts.ts";
import { openSocket, type ClientSocket } from "../test/sockets.ts";
import { POINTS, dailyReport, situationReport } from "../test/reports.ts";

/**
 * Values that once passed the schema and were then refused by PostgreSQL, failing every report that
 * shared their statement, and implausible values that were stored. Each must now be refused alone, with
 * a 4xx naming the field, while valid reports sent in the same batch window are all stored.
 */

const t = useTestApp({ SOCKET_EVENTS_PER_SECOND: "5000" });
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  for (let i = 0; i < 3; i++) sockets.push(await openSocket(t, { cookie: officer.cookie }));
});
afterAll(() => sockets.forEach((s) => s.close()));

type Raw = Record<string, any>;
const deep = (r: SubmitReportRaw) => structuredClone(r) as Raw;

function weeklyReport(overrides: Raw = {}): SubmitReportRaw {
  const now = new Date().toISOString();
  return {
    kind: "weekly",
    clientId: randomUUID(),
    perihal: "Laporan mingguan",
    kerawanan: "rendah",
    occurredAt: now,
    sentAt: now,
    location: { ...POINTS.paringin, accuracyM: null, source: "pin" },
    period: "2026-W40",
    body: { tallies: { unjuk_rasa: 2 } },
    ...overrides,
  } as SubmitReportRaw;
}

interface Poison {
  name: string;
  /** The field the refusal must name (dotted path, as in `error.fields`). */
  field: string;
  /** The stable code clients show it by (`error.fieldIssues`). */
  issue: FieldIssueCode;
  make: () => SubmitReportRaw;
}

const situation = (change: (r: Raw) => void) => () => {
  const r = deep(situationReport());
  change(r);
  return r as SubmitReportRaw;
};

const POISONS: Poison[] = [
  { name: "a NUL in the title", field: "perihal", issue: "bad_text", make: situation((r) => (r.perihal = "Unjuk rasa\u0000 warga")) },
  { name: "a NUL in a fact", field: "body.fakta.siapa", issue: "bad_text", make: situation((r) => (r.body.fakta.siapa = "Warga\u0000")) },
  { name: "a lone surrogate in the title", field: "perihal", issue: "bad_text", make: situation((r) => (r.perihal = "Unjuk rasa \ud800")) },
  { name: "a lone surrogate in the analysis", field: "body.pendapat.analisa", issue: "bad_text", make: situation((r) => (r.body.pendapat.analisa = "\udc00 kondusif")) },
  { name: "another C0 control in the source", field: "body.pendahuluan.sumber", issue: "bad_text", make: situation((r) => (r.body.pendahuluan.sumber = "Tokoh\u0007")) },
  { name: "occurredAt in year 0000", field: "occurredAt", issue: "bad_date", make: situation((r) => (r.occurredAt = "0000-01-01T00:00:00Z")) },
  { name: "occurredAt with offset +23:59", field: "occurredAt", issue: "bad_date", make: situation((r) => (r.occurredAt = "2026-01-01T10:00:00+23:59")) },
  { name: "occurredAt in year 1000", field: "occurredAt", issue: "bad_date", make: situation((r) => (r.occurredAt = "1000-06-01T10:00:00Z")) },
  { name: "occurredAt on 30 February", field: "occurredAt", issue: "bad_date", make: situation((r) => (r.occurredAt = "2026-02-30T10:00:00+08:00")) },
  { name: "sentAt on 9999-12-31", field: "sentAt", issue: "bad_date", make: situation((r) => (r.sentAt = "9999-12-31T23:59:59Z")) },
  { name: "waktuMemperoleh in year 0000", field: "body.pendahuluan.waktuMemperoleh", issue: "bad_date", make: situation((r) => (r.body.pendahuluan.waktuMemperoleh = "0000-01-01T00:00:00Z")) },
  { name: "a title of zero-width characters only", field: "perihal", issue: "required", make: situation((r) => (r.perihal = "\u200b\u200d\u2060\ufeff ")) },
  { name: "a NUL in a weekly tally's label", field: "body.tallies", issue: "bad_text", make: () => weeklyReport({ body: { tallies: { "unjuk\u0000rasa": 1 } } }) },
  { name: "a lone surrogate in a weekly tally's label", field: "body.tallies", issue: "bad_text", make: () => weeklyReport({ body: { tallies: { "\ud800": 1 } } }) },
  { name: "a NUL in a weekly text", field: "body.trend", issue: "bad_text", make: () => weeklyReport({ body: { trend: "naik\u0000" } }) },
  { name: "week 9999-W01", field: "period", issue: "bad_period", make: () => weeklyReport({ period: "9999-W01" }) },
  { name: "week 53 of a year that has 52", field: "period", issue: "bad_period", make: () => weeklyReport({ period: "2025-W53" }) },
  { name: "day 0000-01-01", field: "period", issue: "bad_period", make: () => dailyReport(randomUUID(), "0000-01-01") },
  { name: "day 9999-12-31", field: "period", issue: "bad_period", make: () => dailyReport(randomUUID(), "9999-12-31") },
];

const stored = async (clientIds: string[]) =>
  Number(
    (
      await t.db.sequelize.query<{ n: number }>(`SELECT count(*) AS n FROM report_revisions WHERE client_id = ANY (CAST(:ids AS uuid[]))`, {
        replacements: { ids: `{${clientIds.join(",")}}` },
        type: QueryTypes.SELECT,
      })
    )[0]!.n,
  );

const overSocket = (socket: ClientSocket, input: unknown) =>
  new Promise<any>((resolve) => socket.emit("report:submit", input as SubmitReportRaw, resolve));
const overRest = async (input: unknown) => {
  const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
  return res.status < 300 ? { data: res.body.data, status: res.status } : { ...res.body, status: res.status };
};

describe.each([
  ["Socket.IO", (input: unknown, i: number) => overSocket(sockets[i % sockets.length]!, input)],
  ["REST", (input: unknown) => overRest(input)],
])("one poisoned report among valid ones, over %s", (_door, send) => {
  it.each(POISONS)("refuses $name alone, naming $field, and stores every valid report of its batch", async ({ field, issue, make }) => {
    const valid = Array.from({ length: 12 }, () => situationReport());
    const poisoned = make();
    // All sent at once: on the socket door they share intake's micro-batch window.
    const answers = await Promise.all([...valid.slice(0, 6), poisoned, ...valid.slice(6)].map((r, i) => send(r, i)));
    const bad = answers.splice(6, 1)[0];
    expect(bad.error).toMatchObject({ code: "invalid_input" });
    expect(bad.error.fields).toHaveProperty([field]);
    expect(bad.error.fieldIssues[field]).toEqual({ code: issue });
    if ("status" in bad) expect(bad.status).toBe(400);
    expect(answers.map((a) => a.error ?? null)).toEqual(valid.map(() => null));
    expect(answers.map((a) => a.data.clientId)).toEqual(valid.map((r) => r.clientId));
    expect(await stored(valid.map((r) => r.clientId))).toBe(12);
    expect(await stored([poisoned.clientId])).toBe(0);
  });
});

describe("text that is cleaned rather than refused", () => {
  it("removes bidi overrides and line breaks from a title, NFC-normalises, keeps emoji joiners", async () => {
    const family = "\u{1F468}\u200d\u{1F469}\u200d\u{1F467}";
    const input = situationReport({ perihal: `  Cafe\u0301 \u202Egnitnuoc\u202C\r\nbaris dua ${family} ` });
    const res = await overRest(input);
    expect(res.status).toBe(201);
    const shown = await api(t, "GET", `/api/reports/${res.data.id}`, { cookie: officer.cookie });
    expect(shown.body.data.perihal).toBe(`Café gnitnuoc baris dua ${family}`);
  });

  it("keeps tabs and line breaks in long texts, with CR LF as LF", async () => {
    const input = deep(situationReport());
    input.body.fakta.bagaimana = "Pertama:\r\n\t- berkumpul\r\n\t- bubar";
    const res = await overRest(input);
    expect(res.status).toBe(201);
    const shown = await api(t, "GET", `/api/reports/${res.data.id}`, { cookie: officer.cookie });
    expect(shown.body.data.body.fakta.bagaimana).toBe("Pertama:\n\t- berkumpul\n\t- bubar");
  });
});

describe("other values that failed with 500", () => {
  it.each(["0000-01-01T00:00:00Z", "2026-01-01T00:00:00+23:59", "2026-13-01T00:00:00Z"])("answers GET /api/reports?before=%s with 400", async (before) => {
    const res = await api(t, "GET", `/api/reports?before=${encodeURIComponent(before)}`, { cookie: officer.cookie });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty("before");
  });

  it("answers one daily client_id sent for three periods at once with one 201 and two 409s", async () => {
    const clientId = randomUUID();
    const answers = await Promise.all(["2026-10-01", "2026-10-02", "2026-10-03"].map((p) => overRest(dailyReport(clientId, p))));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.error.code)).toEqual(["client_id_conflict", "client_id_conflict"]);
    expect(await stored([clientId])).toBe(1);
  });

  it("refuses a NUL in a display name, a decision note and a sub-category name with 400", async () => {
    const admin = await createAccount(t, "admin");
    const adminCookie = await login(t, admin);
    const user = await api(t, "POST", "/api/users", {
      cookie: adminCookie,
      body: { username: `nul${Date.now().toString(36)}`, displayName: "Nama\u0000", role: "leader" },
    });
    expect(user.status).toBe(400);
    expect(user.body.error.fields).toHaveProperty("displayName");

    const sub = await api(t, "POST", "/api/sub-categories", { cookie: adminCookie, body: { bidang: "ekonomi", name: "pasar\u0000" } });
    expect(sub.status).toBe(400);
    expect(sub.body.error.fields).toHaveProperty("name");

    const report = await overRest(situationReport());
    const decision = await api(t, "POST", `/api/reports/${report.data.id}/status`, {
      cookie: adminCookie,
      body: { status: "rejected", note: "Tidak jelas\u0000", version: 1 },
    });
    expect(decision.status).toBe(400);
    expect(decision.body.error.fields).toHaveProperty("note");

    const own = await api(t, "PATCH", "/api/auth/me", { cookie: officer.cookie, body: { displayName: "\ud800" } });
    expect(own.status).toBe(400);
  });
});
