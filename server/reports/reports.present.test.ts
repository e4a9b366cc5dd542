import { QueryTypes } from "sequelize";
import { describe, expect, it } from "vitest";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { ReportView } from "@contract/reports.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, useAccount } from "../test/accounts.ts";
import { openSocket } from "../test/sockets.ts";
import { actorOfAccount, POINTS, situationReport } from "../test/reports.ts";

const t = useTestApp();
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const admin = useAccount(t, "admin");

/** The fields of `view` as `detail` has them (photos: the view's two fields of each). */
function pickViewFields(detail: any, view: ReportView): ReportView {
  const picked = Object.fromEntries(Object.keys(view).map((k) => [k, detail[k]])) as ReportView;
  return {
    ...picked,
    author: { id: detail.author.id, displayName: detail.author.displayName },
    photos: detail.photos.map((p: any) => ({ sha256: p.sha256, uploaded: p.uploaded })),
  };
}

describe("the view of a report intake has just stored", () => {
  it("is the view of the stored report: what `report:created` carries is what GET answers", async () => {
    // A point 1 km beyond the border: placed in the nearest kecamatan, flagged, likely without a desa.
    const [near] = await t.db.sequelize.query<{ lat: number; lng: number }>(
      `WITH b AS (SELECT ST_Union(geom) AS g FROM regions WHERE level = 'kecamatan'),
            far AS (SELECT ST_SetSRID(ST_MakePoint(116.5, -2.3), 4326) AS p),
            edge AS (SELECT ST_ClosestPoint(b.g, far.p) AS e, far.p FROM b, far)
       SELECT ST_Y(q) AS lat, ST_X(q) AS lng FROM (SELECT ST_Project(e::geography, 1000, ST_Azimuth(e, p))::geometry AS q FROM edge) x`,
      { type: QueryTypes.SELECT },
    );
    const sha = (c: string) => c.repeat(64);
    const inputs = [
      situationReport(),
      situationReport({ classification: "rahasia", kerawanan: "sangat_tinggi", location: { ...POINTS.juai, accuracyM: null, source: "pin" } }),
      situationReport({ photos: [sha("a"), sha("b"), sha("a")], location: { ...POINTS.halong, accuracyM: 7.5, source: "gps" } }),
      situationReport({ occurredAt: "2026-01-02T08:30:00.123456+08:00", location: { ...near!, accuracyM: 30, source: "pin" } }),
    ];
    const socket = await openSocket(t, { cookie: admin.cookie });
    const live: ChangeEnvelope[] = [];
    socket.on("report:created", (c) => live.push(c));

    const actor = actorOfAccount(officer);
    const results = await Promise.all(inputs.map((input) => t.services.intake.submit(actor, input)));
    await expect.poll(() => live.length, { timeout: 10_000 }).toBe(inputs.length);
    for (const result of results) {
      const event = live.find((c) => c.entityId === result.id)!;
      const stored = await api(t, "GET", `/api/reports/${result.id}`, { cookie: admin.cookie });
      // GET answers the whole report, a superset of the view: every field of the view is there, equal.
      expect(pickViewFields(stored.body.data, event.data)).toEqual(event.data);
    }
    socket.close();
  });
});
