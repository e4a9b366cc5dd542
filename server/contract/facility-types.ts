/**
 * Facility types (fasilitas) and their Indonesian names, without zod: the map layer imports these on the
 * public map, where every kilobyte of the first load counts (the schemas are in facilities.ts).
 */

/** Every facility type, in the order forms and legends list them; `lainnya` (other) last. */
export const FACILITY_TYPES = ["kantor_pemerintahan", "pos_keamanan", "rumah_ibadah", "sekolah", "fasilitas_kesehatan", "lainnya"] as const;
export type FacilityTypeName = (typeof FACILITY_TYPES)[number];

/**
 * The names people write: Indonesian, as the CSV import accepts them in `jenis` besides the keys (Kesbangpol
 * staff keep their lists in spreadsheets with these words), and as the legend shows them.
 */
export const FACILITY_TYPE_LABELS_ID: Record<FacilityTypeName, string> = {
  kantor_pemerintahan: "Kantor pemerintahan",
  pos_keamanan: "Pos keamanan",
  rumah_ibadah: "Rumah ibadah",
  sekolah: "Sekolah",
  fasilitas_kesehatan: "Fasilitas kesehatan",
  lainnya: "Lainnya",
};

export const FACILITY_TYPE_LABELS_EN: Record<FacilityTypeName, string> = {
  kantor_pemerintahan: "Government office",
  pos_keamanan: "Security post",
  rumah_ibadah: "Place of worship",
  sekolah: "School",
  fasilitas_kesehatan: "Health facility",
  lainnya: "Other",
};

/** A marker colour per type, distinct on the light base map and from the kerawanan colours of reports. */
export const FACILITY_TYPE_COLOURS: Record<FacilityTypeName, string> = {
  kantor_pemerintahan: "#1f4e9c",
  pos_keamanan: "#4b4b4b",
  rumah_ibadah: "#0f7b6c",
  sekolah: "#8a5a00",
  fasilitas_kesehatan: "#c2185b",
  lainnya: "#6a4c93",
};

/** The type a CSV `jenis` cell names (a key or an Indonesian name, any letter case, `_` or spaces), or null. */
export function facilityTypeOf(text: string): FacilityTypeName | null {
  const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, " ");
  const wanted = norm(text);
  if (!wanted) return null;
  return FACILITY_TYPES.find((t) => norm(t) === wanted || norm(FACILITY_TYPE_LABELS_ID[t]) === wanted) ?? null;
}
