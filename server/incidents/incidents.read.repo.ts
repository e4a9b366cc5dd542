import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { Bidang, Kerawanan, ReportStatus } from "@contract/reports.ts";
import type { IncidentListQuery } from "@contract/incidents.ts";

/** Reads of incidents, their reports, and the reports a merge names. */

/** Order of tingkat kerawanan, lowest first (SQL `array_position` over it ranks a report's). */
const KERAWANAN_ORDER = `ARRAY['rendah', 'sedang', 'tinggi', 'sangat_tinggi']`;

/** A report a merge names, with what merging checks: kind, scope, and the incident it is in already. */
export interface MergeReportRow {
  id: string;
  number: string;
  kind: string;
  perihal: string;
  occurred_at: Date;
  kecamatan_kode: string;
  author_id: string;
  incident_id: string | null;
  incident_number: string | null;
}

export async function getReportsForMerge(db: Sequelize, ids: string[], transaction?: Transaction): Promise<MergeReportRow[]> {
  if (!ids.length) return [];
  return db.query<MergeReportRow>(
    `SELECT r.id, r.number, r.kind, r.perihal, r.occurred_at, r.kecamatan_kode, r.author_id,
            ir.incident_id, i.number AS incident_number
     FROM reports r
     LEFT JOIN incident_reports ir ON ir.report_id = r.id
     LEFT JOIN incidents i ON i.id = ir.incident_id
     WHERE r.id = ANY (CAST(:ids AS uuid[]))`,
    { replacements: { ids: `{${ids.join(",")}}` }, type: QueryTypes.SELECT, transaction },
  );
}

/** One report of an incident, as the incident's summary and its readers' filtering need it. */
export interface MemberDigest {
  id: string;
  kecamatan_kode: string;
  kerawanan: Kerawanan;
  occurred_at: string;
  lat: number;
  lng: number;
}

/** An incident with its summary computed from its reports as they are now. */
export interface IncidentRow {
  id: string;
  number: string;
  title: string;
  bidang: Bidang | null;
  kecamatan_kode: string | null;
  kecamatan_nama: string | null;
  kecamatan_kodes: string[];
  kerawanan: Kerawanan;
  first_at: Date;
  last_at: Date;
  report_count: number;
  rahasia: boolean;
  members: MemberDigest[];
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  dissolved_at: Date | null;
  total: number;
}

/**
 * Incidents with a live summary (a dissolved one, having no reports, keeps its stored one). `scope`: the
 * kecamatan the reader may see (null: all); an incident is visible when any of its kecamatan is.
 */
const INCIDENT_SELECT = `
  SELECT i.id, i.number, i.title, i.bidang, i.kecamatan_kode, k.nama AS kecamatan_nama, i.kecamatan_kodes,
         COALESCE(s.kerawanan, i.kerawanan) AS kerawanan, COALESCE(s.first_at, i.first_at) AS first_at,
         COALESCE(s.last_at, i.last_at) AS last_at, COALESCE(s.report_count, 0) AS report_count,
         COALESCE(s.rahasia, false) AS rahasia, COALESCE(s.members, '[]') AS members,
         i.created_at, i.created_by, cu.display_name AS created_by_name, i.dissolved_at,
         count(*) OVER () AS total
  FROM incidents i
  LEFT JOIN regions k ON k.kode = i.kecamatan_kode
  LEFT JOIN users cu ON cu.id = i.created_by
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS report_count,
           (array_agg(r.kerawanan ORDER BY array_position(${KERAWANAN_ORDER}, r.kerawanan) DESC))[1] AS kerawanan,
           min(r.occurred_at) AS first_at, max(r.occurred_at) AS last_at,
           bool_or(r.classification = 'rahasia') AS rahasia,
           jsonb_agg(jsonb_build_object('id', r.id, 'kecamatan_kode', r.kecamatan_kode, 'kerawanan', r.kerawanan,
                     'occurred_at', r.occurred_at, 'lat', ST_Y(r.location), 'lng', ST_X(r.location))
                     ORDER BY r.occurred_at, r.id) AS members
    FROM incident_reports ir JOIN reports r ON r.id = ir.report_id
    WHERE ir.incident_id = i.id
    HAVING count(*) > 0
  ) s ON true`;

const scopeParam = (scope: string[] | null) => (scope ? `{${scope.join(",")}}` : null);

export async function getIncidentRowsByIds(db: Sequelize, ids: string[], scope: string[] | null, transaction?: Transaction): Promise<IncidentRow[]> {
  if (!ids.length) return [];
  return db.query<IncidentRow>(
    `${INCIDENT_SELECT}
     WHERE i.id = ANY (CAST(:ids AS uuid[]))
       AND (CAST(:scope AS text[]) IS NULL OR i.kecamatan_kodes && CAST(:scope AS text[]))`,
    { replacements: { ids: `{${ids.join(",")}}`, scope: scopeParam(scope) }, type: QueryTypes.SELECT, transaction },
  );
}

/** `LIKE` pattern of a search text that matches it literally anywhere. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of incidents, newest activity first, each row carrying the total that match. */
export async function listIncidentRows(db: Sequelize, q: IncidentListQuery, scope: string[] | null): Promise<IncidentRow[]> {
  return db.query<IncidentRow>(
    `SELECT * FROM (${INCIDENT_SELECT}
       WHERE (CAST(:scope AS text[]) IS NULL OR i.kecamatan_kodes && CAST(:scope AS text[]))
         AND ((:status = 'active') = (i.dissolved_at IS NULL))
         AND (CAST(:kecamatan AS text) IS NULL OR i.kecamatan_kodes @> ARRAY[CAST(:kecamatan AS text)])
         AND (CAST(:bidang AS text) IS NULL OR i.bidang = :bidang)
         AND (CAST(:report AS uuid) IS NULL OR EXISTS (
               SELECT 1 FROM incident_reports x WHERE x.incident_id = i.id AND x.report_id = CAST(:report AS uuid)))
         AND (CAST(:q AS text) IS NULL OR i.title ILIKE :q OR i.number ILIKE :q)
     ) found
     WHERE (CAST(:kerawanan AS text) IS NULL OR found.kerawanan = :kerawanan)
       AND (CAST(:from AS timestamptz) IS NULL OR found.last_at >= CAST(:from AS timestamptz))
       AND (CAST(:to AS timestamptz) IS NULL OR found.first_at <= CAST(:to AS timestamptz))
     ORDER BY found.last_at DESC, found.id
     LIMIT :limit OFFSET :offset`,
    {
      replacements: {
        scope: scopeParam(scope),
        status: q.status,
        kecamatan: q.kecamatan ?? null,
        bidang: q.bidang ?? null,
        report: q.report ?? null,
        q: q.q ? containing(q.q) : null,
        kerawanan: q.kerawanan ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        limit: q.limit,
        offset: q.offset,
      },
      type: QueryTypes.SELECT,
    },
  );
}

/** What every short listing of a report (an incident's members, duplicate candidates) reads of it. */
export interface ReportBriefRow {
  id: string;
  number: string;
  perihal: string;
  kerawanan: Kerawanan;
  status: ReportStatus;
  classification: "biasa" | "rahasia";
  occurred_at: Date;
  kecamatan_kode: string;
  kecamatan_nama: string;
  desa_kode: string | null;
  desa_nama: string | null;
}

/** A report of an incident as its detail lists it. */
export interface IncidentMemberRow extends ReportBriefRow {
  lat: number;
  lng: number;
  merged_at: Date;
  merged_by: string | null;
  merged_by_name: string | null;
}

export async function getIncidentMembers(db: Sequelize, incidentId: string, transaction?: Transaction): Promise<IncidentMemberRow[]> {
  return db.query<IncidentMemberRow>(
    `SELECT r.id, r.number, r.perihal, r.kerawanan, r.status, r.classification, r.occurred_at,
            r.kecamatan_kode, k.nama AS kecamatan_nama, r.desa_kode, d.nama AS desa_nama,
            ST_Y(r.location) AS lat, ST_X(r.location) AS lng, ir.merged_at, ir.merged_by, u.display_name AS merged_by_name
     FROM incident_reports ir
     JOIN reports r ON r.id = ir.report_id
     JOIN regions k ON k.kode = r.kecamatan_kode
     LEFT JOIN regions d ON d.kode = r.desa_kode
     LEFT JOIN users u ON u.id = ir.merged_by
     WHERE ir.incident_id = :incidentId
     ORDER BY r.occurred_at, r.id`,
    { replacements: { incidentId }, type: QueryTypes.SELECT, transaction },
  );
}
