import { parse } from "csv-parse/sync";
import { fieldIssueOf } from "@contract/errors.ts";
import { CreateFacilityInput, FACILITY_LIMITS, type ImportColumn, type ImportIssue, type ImportIssueCode } from "@contract/facilities.ts";
import { facilityTypeOf } from "@contract/facility-types.ts";
import { invalid } from "../core/errors.ts";

/**
 * The CSV of a facility import, read into rows checked one by one: each a facility ready to place, or the
 * reasons it is not, with the line it starts on. Pure (no database): placing by location is the service's.
 */

/** Column names as people write them in a header → the column they mean. */
const HEADER_NAMES: Record<string, ImportColumn> = {
  nama: "nama",
  jenis: "jenis",
  alamat: "alamat",
  kontak: "kontak",
  lat: "lat",
  latitude: "lat",
  lon: "lon",
  lng: "lon",
  longitude: "lon",
};
const REQUIRED_COLUMNS: ImportColumn[] = ["nama", "jenis", "lat", "lon"];

/** Input schema path → the CSV column it came from. */
const COLUMN_OF: Record<string, ImportColumn> = { name: "nama", type: "jenis", address: "alamat", contact: "kontak", "location.lat": "lat", "location.lng": "lon" };

export interface CsvRow {
  line: number;
  name: string | null;
  input: CreateFacilityInput | null;
  reasons: ImportIssue[];
}

/** A 400 for a file that cannot be read as a facility list at all (no header, a missing column, too many rows). */
export function readFacilityCsv(text: string): CsvRow[] {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  // Spreadsheets set to Indonesian write `;` between fields (the comma is their decimal mark).
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    // With `info`, each record comes with where it ended (csv-parse types records as plain arrays regardless).
    records = parse(text, { delimiter, bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (err) {
    throw invalid(`The CSV could not be read: ${(err as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw invalid("The CSV is empty: a header row (nama, jenis, alamat, kontak, lat, lon) is required");
  const columns = header.record.map((h) => HEADER_NAMES[h.trim().toLowerCase()] ?? null);
  const unknown = header.record.filter((_, i) => !columns[i]);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length || unknown.length)
    throw invalid(
      `The header must name the columns nama, jenis, alamat, kontak, lat, lon` +
        (missing.length ? `; missing: ${missing.join(", ")}` : "") +
        (unknown.length ? `; not known: ${unknown.join(", ")}` : ""),
    );
  if (data.length > FACILITY_LIMITS.importRowsMax) throw invalid(`At most ${FACILITY_LIMITS.importRowsMax} rows per import (this file has ${data.length})`);

  // A record's first line: the line after the previous record's last, plus the blank lines skipped between.
  let prevLines = header.info.lines;
  let prevEmpty = header.info.empty_lines;
  return data.map(({ record, info }) => {
    const line = prevLines + 1 + (info.empty_lines - prevEmpty);
    prevLines = info.lines;
    prevEmpty = info.empty_lines;
    const cell = (c: ImportColumn) => {
      const i = columns.indexOf(c);
      return i >= 0 ? (record[i] ?? "") : "";
    };
    return checkRow(line, cell);
  });
}

function checkRow(line: number, cell: (c: ImportColumn) => string): CsvRow {
  const reasons: ImportIssue[] = [];
  const issue = (column: ImportColumn, code: ImportIssueCode, message: string) => reasons.push({ column, code, message });
  const typeText = cell("jenis");
  const type = facilityTypeOf(typeText);
  if (!typeText) issue("jenis", "required", "jenis is required");
  else if (!type) issue("jenis", "unknown_type", `"${typeText}" is not a facility type`);
  const lat = coordinate(cell("lat"), "lat", 90, issue);
  const lng = coordinate(cell("lon"), "lon", 180, issue);

  const parsed = CreateFacilityInput.safeParse({
    type: type ?? "lainnya",
    name: cell("nama"),
    address: cell("alamat"),
    contact: cell("kontak"),
    location: { lat: lat ?? 0, lng: lng ?? 0 },
  });
  if (!parsed.success)
    for (const zi of parsed.error.issues) {
      const column = COLUMN_OF[zi.path.join(".")];
      if (!column || reasons.some((r) => r.column === column)) continue;
      const code = fieldIssueOf(zi).code;
      issue(column, code === "required" || code === "too_long" || code === "bad_text" ? code : "invalid", `${column}: ${zi.message}`);
    }
  // Columns in the file's order, so the reasons read left to right.
  const order: ImportColumn[] = ["nama", "jenis", "alamat", "kontak", "lat", "lon"];
  reasons.sort((a, b) => order.indexOf(a.column) - order.indexOf(b.column));
  const name = cell("nama").trim() || null;
  return { line, name, input: reasons.length || !parsed.success ? null : parsed.data, reasons };
}

/** A coordinate cell: `-2.3217`, or `-2,3217` as Indonesian spreadsheets write it; null with a reason otherwise. */
function coordinate(text: string, column: "lat" | "lon", limit: number, issue: (c: ImportColumn, code: ImportIssueCode, m: string) => void): number | null {
  const t = text.trim();
  if (!t) return issue(column, "required", `${column} is required`), null;
  const n = Number(t.includes(".") ? t : t.replace(",", "."));
  if (!/^[+-]?[\d.,]+$/.test(t) || !Number.isFinite(n)) return issue(column, "not_number", `${column} "${t}" is not a number`), null;
  if (Math.abs(n) > limit) return issue(column, "out_of_range", `${column} must be between -${limit} and ${limit}`), null;
  return n;
}
