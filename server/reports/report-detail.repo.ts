import { QueryTypes, type Sequelize } from "sequelize";
import { REPORT_COLUMNS, REPORT_FROM, type ReportRow } from "./reports.read.repo.ts";

/** What the whole report needs beyond a ReportRow: its author, photos, revisions, claim and incident. */
export interface ReportDetailRow extends ReportRow {
  author_nip: string | null;
  author_position: string | null;
  author_kecamatan_kode: string | null;
  author_kecamatan_nama: string | null;
  revision_count: number;
  /** The uploaded photos' file facts. */
  attachments: { sha256: string; mime: string; size_bytes: number; width: number; height: number }[];
  claim_holder_id: string | null;
  claim_holder_name: string | null;
  claimed_at: Date | null;
  claim_expires_at: Date | null;
  incident_id: string | null;
  incident_number: string | null;
  incident_title: string | null;
}

/**
 * One report with everything its detail shows. The claim is the live one (`expires_at` after `now`, the
 * app's clock); the incident one that has not dissolved. Both are plain LEFT JOINs: a report without
 * either simply has nulls there.
 */
export async function getReportDetailRow(db: Sequelize, id: string, now: Date): Promise<ReportDetailRow | undefined> {
  const [row] = await db.query<ReportDetailRow>(
    `SELECT ${REPORT_COLUMNS},
            u.nip AS author_nip, u.position AS author_position, u.kecamatan_kode AS author_kecamatan_kode,
            ak.nama AS author_kecamatan_nama,
            (SELECT count(*) FROM report_revisions v WHERE v.report_id = r.id)::int AS revision_count,
            COALESCE((SELECT json_agg(json_build_object('sha256', a.sha256, 'mime', a.mime, 'size_bytes', a.size_bytes,
                                                        'width', a.width, 'height', a.height))
                      FROM attachments a WHERE a.report_id = r.id), '[]') AS attachments,
            c.holder_id AS claim_holder_id, h.display_name AS claim_holder_name, c.claimed_at, c.expires_at AS claim_expires_at,
            i.id AS incident_id, i.number AS incident_number, i.title AS incident_title
     FROM ${REPORT_FROM}
     LEFT JOIN regions ak ON ak.kode = u.kecamatan_kode
     LEFT JOIN report_claims c ON c.report_id = r.id AND c.expires_at > CAST(:now AS timestamptz)
     LEFT JOIN users h ON h.id = c.holder_id
     LEFT JOIN incident_reports ir ON ir.report_id = r.id
     LEFT JOIN incidents i ON i.id = ir.incident_id AND i.dissolved_at IS NULL
     WHERE r.id = :id`,
    { replacements: { id, now: now.toISOString() }, type: QueryTypes.SELECT },
  );
  return row;
}
