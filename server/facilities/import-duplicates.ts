import { FACILITY_LIMITS, type FacilityType } from "@contract/facilities.ts";
import { distanceMeters } from "@geo/nearest.ts";

/** A name as compared for duplicates: case, outer and repeated spaces do not count. */
const sameName = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

export interface ImportCandidate {
  line: number;
  type: FacilityType;
  name: string;
  lat: number;
  lng: number;
}

export interface DuplicateOf {
  id: string | null;
  line: number | null;
  name: string;
  distanceM: number;
}

/**
 * Rows of one file that repeat an earlier row of it: same type and name within the duplicate radius. A
 * list of a few thousand rows, each compared with the earlier rows of its own type and name only.
 */
export function duplicatesWithinFile(rows: readonly ImportCandidate[]): Map<number, DuplicateOf> {
  const seen = new Map<string, ImportCandidate[]>();
  const found = new Map<number, DuplicateOf>();
  for (const row of rows) {
    const key = `${row.type}|${sameName(row.name)}`;
    const earlier = seen.get(key) ?? [];
    const twin = earlier
      .map((e) => ({ e, m: distanceMeters([e.lng, e.lat], [row.lng, row.lat]) }))
      .filter((x) => x.m <= FACILITY_LIMITS.duplicateRadiusM)
      .sort((a, b) => a.m - b.m)[0];
    if (twin) found.set(row.line, { id: null, line: twin.e.line, name: twin.e.name, distanceM: Math.round(twin.m) });
    else seen.set(key, [...earlier, row]);
  }
  return found;
}
