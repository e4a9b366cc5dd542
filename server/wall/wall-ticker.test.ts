import { QueryTypes } from "sequelize";
import { describe, expect, it } from "vitest";
import { createAccount } from "../test/accounts.ts";
import { useTestApp } from "../test/test-app.ts";
import { getTickerReports } from "./wall.repo.ts";

/**
 * The ticker's order, read straight from the repo at a moment of this file's own (March 2016: no suite
 * writes reports verified before it, so the head of the list is this file's rows).
 */
const t = useTestApp();
const TO = new Date("2016-03-10T04:00:00Z");

async function seed(authorId: string, receivedAt: string, status: "submitted" | "verified" | "published", firstVerifiedAt: string | null): Promise<string> {
  const [row] = await t.db.sequelize.query<{ id: string }>(
    `INSERT INTO reports (client_id, number, author_id, kind, classification, bidang, sub_category, perihal, kerawanan, body,
                          occurred_at, sent_at, received_at, location, location_source, kecamatan_kode, status, first_verified_at)
     VALUES (gen_random_uuid(), 'UJI-' || gen_random_uuid(), :authorId, 'situation', 'biasa', 'ekonomi', 'uji', 'Uji ticker', 'rendah', '{}',
             :receivedAt, :receivedAt, :receivedAt, ST_SetSRID(ST_MakePoint(115.45, -2.32), 4326), 'gps', '63.11.06', :status, :firstVerifiedAt)
     RETURNING id`,
    { replacements: { authorId, receivedAt, status, firstVerifiedAt }, type: QueryTypes.SELECT },
  );
  return row!.id;
}

describe("the wall's ticker", () => {
  it("lists verified reports by when they were verified, an old report verified now at the head", async () => {
    const officer = await createAccount(t, "officer", { kecamatanKode: "63.11.06" });
    const receivedEarlyVerifiedLate = await seed(officer.id, "2016-03-01T01:00:00Z", "verified", "2016-03-10T03:50:00Z");
    const published = await seed(officer.id, "2016-03-10T01:00:00Z", "published", "2016-03-10T02:30:00Z");
    // Verified before verification times were kept: its arrival stands in.
    const noRecordedTime = await seed(officer.id, "2016-03-10T02:00:00Z", "verified", null);
    const verifiedEarly = await seed(officer.id, "2016-03-10T01:30:00Z", "verified", "2016-03-10T01:40:00Z");
    const notVerified = await seed(officer.id, "2016-03-10T03:55:00Z", "submitted", null);
    const verifiedAfterTo = await seed(officer.id, "2016-03-10T03:00:00Z", "verified", "2016-03-10T04:30:00Z");

    const ids = (await getTickerReports(t.db.sequelize, TO, 20)).map((r) => r.id);
    expect(ids.slice(0, 4)).toEqual([receivedEarlyVerifiedLate, published, noRecordedTime, verifiedEarly]);
    expect(ids).not.toContain(notVerified);
    expect(ids).not.toContain(verifiedAfterTo);
  });
});
