import { QueryTypes, type Sequelize } from "sequelize";
import type { ReportBriefRow } from "./incidents.read.repo.ts";

/** A possible duplicate of a report, with how alike and how near it is. */
export interface DuplicateRow extends ReportBriefRow {
  similarity: number;
  distance_m: number;
  gap_minutes: number;
  incident_id: string | null;
  incident_number: string | null;
}

export interface DuplicateSearch {
  reportId: string;
  radiusM: number;
  windowHours: number;
  /** Kecamatan whose reports the reader may see; null: all. */
  scope: string[] | null;
  limit: number;
}

/** What a report says, for trigram similarity: its perihal and the facts that tell what happened. */
const TEXT_OF = (r: string) =>
  `concat_ws(' ', ${r}.perihal, ${r}.body #>> '{fakta,apa}', ${r}.body #>> '{fakta,siapa}', ${r}.body #>> '{fakta,diMana}', ${r}.body #>> '{fakta,bagaimana}')`;

/**
 * Situation reports of the same bidang within `radiusM` meters and `windowHours` of the report's
 * occurred_at, other than itself and the reports of its own incident, most alike first.
 *
 * The GiST index on reports.location answers the box test (`&&` a box around the report, its sides
 * widened by the degrees `radiusM` spans at that latitude, on the generous side); the exact distance on
 * the spheroid (geography) then keeps those truly within the radius.
 */
export async function findDuplicateRows(db: Sequelize, s: DuplicateSearch): Promise<DuplicateRow[]> {
  return db.query<DuplicateRow>(
    `WITH target AS (
       SELECT r.id, r.bidang, r.occurred_at, r.location, ST_Y(r.location) AS lat, ${TEXT_OF("r")} AS doc,
              (SELECT x.incident_id FROM incident_reports x WHERE x.report_id = r.id) AS incident_id
       FROM reports r WHERE r.id = :reportId AND r.kind = 'situation'
     )
     SELECT c.id, c.number, c.perihal, c.kerawanan, c.status, c.classification, c.occurred_at,
            c.kecamatan_kode, k.nama AS kecamatan_nama, c.desa_kode, d.nama AS desa_nama,
            similarity(t.doc, ${TEXT_OF("c")}) AS similarity,
            ST_Distance(c.location::geography, t.location::geography) AS distance_m,
            abs(extract(epoch FROM c.occurred_at - t.occurred_at)) / 60 AS gap_minutes,
            ir.incident_id, i.number AS incident_number
     FROM target t
     JOIN reports c
       ON c.location && ST_Expand(t.location, :radius / (111320.0 * greatest(cos(radians(t.lat)), 0.01)) * 1.01, :radius / 110574.0 * 1.01)
      AND ST_DWithin(c.location::geography, t.location::geography, :radius)
      AND c.occurred_at BETWEEN t.occurred_at - CAST(:hours AS float8) * interval '1 hour'
                            AND t.occurred_at + CAST(:hours AS float8) * interval '1 hour'
      AND c.kind = 'situation' AND c.bidang = t.bidang AND c.id <> t.id
     JOIN regions k ON k.kode = c.kecamatan_kode
     LEFT JOIN regions d ON d.kode = c.desa_kode
     LEFT JOIN incident_reports ir ON ir.report_id = c.id
     LEFT JOIN incidents i ON i.id = ir.incident_id
     WHERE (t.incident_id IS NULL OR ir.incident_id IS DISTINCT FROM t.incident_id)
       AND (CAST(:scope AS text[]) IS NULL OR c.kecamatan_kode = ANY (CAST(:scope AS text[])))
     ORDER BY similarity DESC, distance_m, c.id
     LIMIT :limit`,
    {
      replacements: {
        reportId: s.reportId,
        radius: s.radiusM,
        hours: s.windowHours,
        scope: s.scope ? `{${s.scope.join(",")}}` : null,
        limit: s.limit,
      },
      type: QueryTypes.SELECT,
    },
  );
}
