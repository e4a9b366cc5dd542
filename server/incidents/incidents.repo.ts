import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/**
 * The writes of incidents and their membership (`incidents`, `incident_reports`): nothing else writes
 * these tables. Reports themselves are never touched by a merge. Times come from the application's clock.
 */

/** An incident as merging and unmerging check it, its row locked until the transaction ends. */
export interface LockedIncident {
  id: string;
  number: string;
  title: string;
  dissolved_at: Date | null;
  kecamatan_kodes: string[];
}

export async function lockIncident(db: Sequelize, id: string, transaction: Transaction): Promise<LockedIncident | undefined> {
  const [row] = await db.query<LockedIncident>(
    `SELECT id, number, title, dissolved_at, kecamatan_kodes FROM incidents WHERE id = :id FOR UPDATE`,
    { replacements: { id }, type: QueryTypes.SELECT, transaction },
  );
  return row;
}

/**
 * A new incident with the next number of the year (WITA) of `now`. Its summary starts as a placeholder
 * that refreshIncidentSummary fills in from its reports, in the same transaction.
 */
export async function insertIncident(
  db: Sequelize,
  i: { title: string; createdBy: string; now: Date },
  transaction: Transaction,
): Promise<{ id: string; number: string }> {
  const [row] = await db.query<{ id: string; number: string }>(
    `INSERT INTO incidents (number, title, kerawanan, first_at, last_at, created_by, created_at, updated_at)
     VALUES ('INS-' || to_char(CAST(:now AS timestamptz) AT TIME ZONE 'Asia/Makassar', 'YYYY') || '-' ||
               zero_pad(nextval('incident_number_seq'), 5),
             :title, 'rendah', :now, :now, :createdBy, :now, :now)
     RETURNING id, number`,
    { replacements: { ...i, now: i.now.toISOString() }, type: QueryTypes.SELECT, transaction },
  );
  return row!;
}

/**
 * Link reports to an incident. A report already in an incident (this one or another, committed by a
 * concurrent merge a moment ago) is skipped and not returned: report_id is the primary key, so of two
 * merges of one report exactly one links it, and the caller refuses the other.
 */
export async function linkReports(
  db: Sequelize,
  link: { incidentId: string; reportIds: string[]; mergedBy: string; now: Date },
  transaction: Transaction,
): Promise<string[]> {
  const rows = await db.query<{ report_id: string }>(
    `INSERT INTO incident_reports (report_id, incident_id, merged_by, merged_at)
     SELECT id, :incidentId, :mergedBy, :now FROM unnest(CAST(:reportIds AS uuid[])) AS id
     ORDER BY id
     ON CONFLICT (report_id) DO NOTHING
     RETURNING report_id`,
    {
      replacements: { incidentId: link.incidentId, mergedBy: link.mergedBy, now: link.now.toISOString(), reportIds: `{${link.reportIds.join(",")}}` },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return rows.map((r) => r.report_id);
}

/** Unlink reports from an incident; returns those that were in it. */
export async function unlinkReports(db: Sequelize, incidentId: string, reportIds: string[], transaction: Transaction): Promise<string[]> {
  const rows = await db.query<{ report_id: string }>(
    `DELETE FROM incident_reports WHERE incident_id = :incidentId AND report_id = ANY (CAST(:reportIds AS uuid[]))
     RETURNING report_id`,
    { replacements: { incidentId, reportIds: `{${reportIds.join(",")}}` }, type: QueryTypes.SELECT, transaction },
  );
  return rows.map((r) => r.report_id);
}

/**
 * The stored summary from the incident's reports as they are now: kerawanan (the highest), time span,
 * and bidang and kecamatan of the earliest report, plus every kecamatan it touches (who may read it).
 * Reads compute the same live (incidents.read.repo.ts), so a report revised later shows at once; these
 * columns serve ordering, other readers and a dissolved incident, which keeps its last summary.
 */
export async function refreshIncidentSummary(db: Sequelize, incidentId: string, now: Date, transaction: Transaction): Promise<void> {
  await db.query(
    `UPDATE incidents i SET
       kerawanan = s.kerawanan, first_at = s.first_at, last_at = s.last_at, bidang = s.bidang,
       kecamatan_kode = s.kecamatan_kode, kecamatan_kodes = s.kecamatan_kodes, updated_at = :now
     FROM (
       SELECT (array_agg(r.kerawanan ORDER BY array_position(ARRAY['rendah', 'sedang', 'tinggi', 'sangat_tinggi'], r.kerawanan) DESC))[1] AS kerawanan,
              min(r.occurred_at) AS first_at, max(r.occurred_at) AS last_at,
              (array_agg(r.bidang ORDER BY r.occurred_at, r.id))[1] AS bidang,
              (array_agg(r.kecamatan_kode ORDER BY r.occurred_at, r.id))[1] AS kecamatan_kode,
              array_agg(DISTINCT r.kecamatan_kode) AS kecamatan_kodes
       FROM incident_reports ir JOIN reports r ON r.id = ir.report_id
       WHERE ir.incident_id = :incidentId
       HAVING count(*) > 0
     ) s
     WHERE i.id = :incidentId`,
    { replacements: { incidentId, now: now.toISOString() }, transaction },
  );
}

/** An incident without reports any more: kept (its number, trail entries and follow-ups still name it). */
export async function markDissolved(db: Sequelize, incidentId: string, now: Date, transaction: Transaction): Promise<void> {
  await db.query(`UPDATE incidents SET dissolved_at = :now, updated_at = :now WHERE id = :incidentId`, {
    replacements: { incidentId, now: now.toISOString() },
    transaction,
  });
}
