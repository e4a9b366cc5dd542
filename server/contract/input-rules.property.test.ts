import fc from "fast-check";
import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../core/db.ts";
import { openTestDatabase } from "../test/test-app.ts";
import { safeKey, safeText } from "./text.ts";
import { DailyPeriod, instant, parseInstant } from "./time.ts";

/**
 * Whatever the input rules accept, the database stores: through the same path intake uses (one JSON
 * parameter unpacked by jsonb_to_recordset into text, jsonb and timestamptz columns). Runs on whichever
 * database the suite runs on; CI runs it on PostgreSQL and on the embedded PGlite.
 */

let db: Database;
const TABLE = "input_rules_probe";

beforeAll(async () => {
  db = await openTestDatabase(2);
  await db.sequelize.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (id serial PRIMARY KEY, t text, j jsonb, at timestamptz, d date)`);
});
afterAll(async () => {
  await db.sequelize.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await db.close();
});

interface Probe {
  t?: string | null;
  j?: unknown;
  at?: string | null;
  d?: string | null;
}

/** Insert one row the way intake does and read back what was stored. */
async function store(p: Probe): Promise<{ t: string | null; j: unknown; ms: number | null; d: string | null }> {
  const [row] = await db.sequelize.query<{ t: string | null; j: unknown; ms: number | null; d: string | null }>(
    `INSERT INTO ${TABLE} (t, j, at, d)
     SELECT x.t, x.j, x.at, x.d FROM jsonb_to_recordset($1::jsonb) AS x(t text, j jsonb, at timestamptz, d date)
     RETURNING t, j, (extract(epoch FROM at) * 1000)::float8 AS ms, to_char(d, 'YYYY-MM-DD') AS d`,
    { bind: [JSON.stringify([{ t: null, j: null, at: null, d: null, ...p }])], type: QueryTypes.SELECT },
  );
  return row!;
}

// Characters that broke statements or mislead readers, mixed with ordinary ones, plus any code unit at all.
const tricky = fc.constantFrom("\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\ud800", "\udfff", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\r", "\n", "\t", " ", "a", "é", "e\u0301", "\u{1F600}", "ᬩ");
const anyText = fc.oneof(
  fc.string({ unit: tricky, maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 40 }),
);

describe("the text rule", () => {
  it.each([false, true])("any text it accepts is stored unchanged (single line: %s)", async (singleLine) => {
    const rule = safeText({ max: 10_000, singleLine });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(anyText, async (raw) => {
        const parsed = rule.safeParse(raw);
        if (!parsed.success) return;
        accepted++;
        const back = await store({ t: parsed.data, j: { v: parsed.data, [parsed.data]: 1 } });
        expect(back.t).toBe(parsed.data);
        expect(back.j).toEqual({ v: parsed.data, [parsed.data]: 1 });
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(30);
  });

  it("any record key it accepts is stored as a jsonb key", async () => {
    const rule = safeKey(80);
    await fc.assert(
      fc.asyncProperty(anyText, async (raw) => {
        if (!rule.safeParse(raw).success) return;
        expect((await store({ j: { [raw]: 1 } })).j).toEqual({ [raw]: 1 });
      }),
      { numRuns: 200 },
    );
  });
});

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const instantLike = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1999, max: 2101 })),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.option(fc.integer({ min: 0, max: 61 })),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/)),
    zone: fc.oneof(
      fc.constant("Z"),
      fc.record({ sign: fc.constantFrom("+", "-"), h: fc.integer({ min: 0, max: 24 }), m: fc.integer({ min: 0, max: 61 }) }).map((z) => `${z.sign}${pad(z.h)}:${pad(z.m)}`),
    ),
  })
  .map((p) => {
    const seconds = p.second === null ? "" : `:${pad(p.second)}${p.second !== null && p.fraction ? `.${p.fraction}` : ""}`;
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}${seconds}${p.zone}`;
  });

describe("the instant rule", () => {
  it("any instant it accepts is stored as the same moment", async () => {
    const rule = instant();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(instantLike, async (s) => {
        if (!rule.safeParse(s).success) return;
        accepted++;
        const back = await store({ at: s });
        // PostgreSQL keeps microseconds (rounded), JavaScript milliseconds (truncated).
        expect(Math.abs(back.ms! - parseInstant(s)!)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it("any day period it accepts is a date the database reads back the same", async () => {
    const day = fc
      .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })
      .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(day, fc.date({ min: new Date("2019-01-01"), max: new Date("2028-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), async (s) => {
        if (!DailyPeriod.safeParse(s).success) return;
        expect((await store({ d: s })).d).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});
