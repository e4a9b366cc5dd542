import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { describe, expect, it } from "vitest";
import type { AlertView } from "@contract/alerts.ts";
import { api, useAccount } from "../test/accounts.ts";
import { useTestApp } from "../test/test-app.ts";

/**
 * Paging the alert history with a cursor. The rows are this file's own, opened in 2001 (no suite writes
 * alerts that early), and the walk starts from a cursor at the end of that year, so other suites' alerts
 * in the shared database are never in the pages read.
 */

const t = useTestApp();
const leader = useAccount(t, "leader");

const START = "2001-12-31T00:00:00.000000Z_ffffffff-ffff-4fff-bfff-ffffffffffff";

/** Seven closed alerts; two share their opened_at to the microsecond, so the id must settle their order. */
async function seedHistory(): Promise<string[]> {
  const times = ["2001-06-01T01:00:00.000007Z", "2001-06-01T01:00:00.000006Z", "2001-06-01T01:00:00.000006Z", "2001-05-01T00:00:00Z", "2001-04-01T00:00:00Z", "2001-03-01T00:00:00Z", "2001-02-01T00:00:00Z"];
  const ids: { id: string; at: string }[] = [];
  for (const at of times) {
    const id = randomUUID();
    await t.db.sequelize.query(
      `INSERT INTO alerts (id, number, rule, key, severity, status, title, kecamatan_kode, opened_at, updated_at, seen_at, closed_at, closed_reason)
       VALUES (:id, :number, 'silence', :key, 'waspada', 'closed', 'Sepi laporan', '63.11.06', :at, :at, :at, :at, 'condition_gone')`,
      { replacements: { id, number: `PDK-UJI-${id.slice(0, 8)}`, key: `test:${id}`, at }, type: QueryTypes.INSERT },
    );
    ids.push({ id, at });
  }
  // Newest opened first; on a tie the greater id first (the list's order).
  return ids.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at))).map((r) => r.id);
}

describe("the alert history, paged", () => {
  it("walks every alert once, newest first, across pages split inside a tie", async () => {
    const expected = await seedHistory();
    const seen: string[] = [];
    let cursor: string | null = START;
    let pages = 0;
    while (cursor && pages < 10) {
      const res = await api(t, "GET", `/api/alerts?status=closed&limit=2&cursor=${encodeURIComponent(cursor)}`, { cookie: leader.cookie });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const data = res.body.data as AlertView[];
      seen.push(...data.map((a) => a.id));
      expect(res.body.page.total).toBeNull();
      cursor = res.body.page.next;
      pages++;
    }
    expect(seen).toEqual(expected);
    // Seven in pages of two: four pages, the last one short and without a next cursor.
    expect(pages).toBe(4);
  });

  it("answers the first page with a next cursor when there are more, and refuses a cursor it did not write", async () => {
    await seedHistory();
    const first = await api(t, "GET", "/api/alerts?status=all&limit=1", { cookie: leader.cookie });
    expect(first.status).toBe(200);
    expect(first.body.page.next).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z_[0-9a-f-]{36}$/);
    const bad = await api(t, "GET", "/api/alerts?status=closed&cursor=2001-06-01", { cookie: leader.cookie });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain("cursor");
  });
});
