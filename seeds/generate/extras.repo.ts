import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { Agency, DemoAgency } from "./agencies.ts";
import type { Extra } from "./extras.ts";
import { compareText } from "./order.ts";

/**
 * The generator's writes of incidents, memberships, agencies and follow-up assignments, with their events
 * — bulk rows with historical times, shaped as incidents/ and follow-ups/ write them one at a time (their
 * services take the time from the clock and the events' time from now(), which a history cannot use).
 */

const INSERT_EXTRAS = `
  WITH inc AS (
    INSERT INTO incidents (id, number, title, bidang, kerawanan, first_at, last_at, kecamatan_kode, kecamatan_kodes,
                           created_by, created_at, updated_at)
    SELECT id, number, title, bidang, kerawanan, "firstAt", "lastAt", "kecamatanKode", "kecamatanKodes", "createdBy",
           "createdAt", "updatedAt"
    FROM jsonb_to_recordset($1::jsonb) AS x(
      id uuid, number text, title text, bidang text, kerawanan text, "firstAt" timestamptz, "lastAt" timestamptz,
      "kecamatanKode" text, "kecamatanKodes" text[], "createdBy" uuid, "createdAt" timestamptz, "updatedAt" timestamptz)
    ON CONFLICT DO NOTHING
    RETURNING id
  ), members AS (
    INSERT INTO incident_reports (report_id, incident_id, merged_by, merged_at)
    SELECT m."reportId", m."incidentId", m."mergedBy", m."mergedAt"
    FROM jsonb_to_recordset($2::jsonb) AS m("reportId" uuid, "incidentId" uuid, "mergedBy" uuid, "mergedAt" timestamptz)
    JOIN inc ON inc.id = m."incidentId"
    ON CONFLICT DO NOTHING
  ), assignments AS (
    INSERT INTO followup_assignments (id, report_id, incident_id, agency_id, instruction, deadline, status, response,
                                      responded_at, responded_by, close_note, closed_at, closed_by, created_at, created_by)
    SELECT id, "reportId", "incidentId", "agencyId", instruction, deadline, status, response, "respondedAt", "respondedBy",
           "closeNote", "closedAt", "closedBy", "createdAt", "createdBy"
    FROM jsonb_to_recordset($3::jsonb) AS a(
      id uuid, "reportId" uuid, "incidentId" uuid, "agencyId" uuid, instruction text, deadline timestamptz, status text,
      response text, "respondedAt" timestamptz, "respondedBy" uuid, "closeNote" text, "closedAt" timestamptz,
      "closedBy" uuid, "createdAt" timestamptz, "createdBy" uuid)
    ON CONFLICT DO NOTHING
    RETURNING id
  )
  INSERT INTO report_events (report_id, actor_id, action, from_status, to_status, note, details, at)
  SELECT e."reportId", e."actorId", e.action, e."fromStatus", e."toStatus", e.note, e.details, e.at
  FROM ROWS FROM (jsonb_to_recordset($4::jsonb) AS (
    "reportId" uuid, "actorId" uuid, action text, "fromStatus" text, "toStatus" text, note text, details jsonb, at timestamptz)) WITH ORDINALITY AS e
  ORDER BY e.ordinality`;

/** Incidents with their members, assignments, and the events they add to their reports' trails. */
export async function insertExtras(db: Sequelize, extras: readonly Extra[], transaction: Transaction): Promise<void> {
  if (!extras.length) return;
  await db.query(INSERT_EXTRAS, {
    bind: [
      JSON.stringify(extras.flatMap((x) => (x.incident ? [x.incident] : []))),
      JSON.stringify(extras.flatMap((x) => x.members)),
      JSON.stringify(extras.flatMap((x) => x.assignments)),
      JSON.stringify(extras.flatMap((x) => x.events)),
    ],
    transaction,
  });
}

/**
 * The demo's partner agencies, those missing added (as of `createdAt`, the start of the seeded year),
 * those an admin made already kept as they are; returned with their ids.
 */
export async function ensureAgencies(db: Sequelize, agencies: readonly DemoAgency[], createdAt: Date): Promise<Agency[]> {
  await db.query(
    `INSERT INTO agencies (name, kind, contact_person, created_at, updated_at)
     SELECT name, kind, "contactPerson", :at, :at FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(name text, kind text, "contactPerson" text)
     ON CONFLICT DO NOTHING`,
    { replacements: { rows: JSON.stringify(agencies), at: createdAt.toISOString() } },
  );
  const rows = await db.query<{ id: string; name: string; kind: Agency["kind"]; contact_person: string | null; active: boolean }>(
    `SELECT id, name, kind, contact_person, active FROM agencies WHERE lower(name) IN (:names)`,
    { replacements: { names: agencies.map((a) => a.name.toLowerCase()) }, type: QueryTypes.SELECT },
  );
  return rows.filter((r) => r.active).map((r) => ({ id: r.id, name: r.name, kind: r.kind, contactPerson: r.contact_person })).sort((a, b) => compareText(a.name, b.name));
}

/**
 * The next incident number, taken from incident_number_seq: the seed numbers its incidents from here on
 * and moves the sequence past the last (setIncidentSequence), so incidents merged later continue it.
 */
export async function takeIncidentNumber(db: Sequelize): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT nextval('incident_number_seq')::int AS n`, { type: QueryTypes.SELECT });
  return row!.n;
}

export async function setIncidentSequence(db: Sequelize, last: number): Promise<void> {
  await db.query(`SELECT setval('incident_number_seq', greatest(:last, (SELECT last_value FROM incident_number_seq)))`, { replacements: { last } });
}
