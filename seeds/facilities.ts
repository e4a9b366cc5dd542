import type { Logger } from "pino";
import type { CreateFacilityInput } from "@contract/facilities.ts";
import type { FacilityTypeName } from "@contract/facility-types.ts";
import type { RegionCollection } from "@contract/regions.ts";
import type { FacilitiesService } from "../server/facilities/facilities.service.ts";
import type { RegionsService } from "../server/regions/regions.service.ts";

/** Besides each kecamatan's office: two more per kecamatan, taking turns through these. */
const TURNS: { type: FacilityTypeName; name: (desa: string) => string }[] = [
  { type: "fasilitas_kesehatan", name: (d) => `Puskesmas ${d}` },
  { type: "sekolah", name: (d) => `SD Negeri ${d}` },
  { type: "rumah_ibadah", name: (d) => `Masjid Jami ${d}` },
  { type: "pos_keamanan", name: (d) => `Pos Kamling ${d}` },
  { type: "sekolah", name: (d) => `SMP Negeri ${d}` },
  { type: "lainnya", name: (d) => `Balai Desa ${d}` },
];

/**
 * About 25 demo facilities, three in each of the 8 kecamatan and the regent's office in Paringin, each at
 * the label point of a real desa (so inside its boundary, and placed there by the same rule as any other).
 * Pure: which desa and names, from the boundaries.
 */
export function demoFacilities(desa: RegionCollection, kecamatan: { kode: string; nama: string }[]): CreateFacilityInput[] {
  const out: CreateFacilityInput[] = [];
  const at = (label: [number, number]) => ({ lat: label[1], lng: label[0] });
  kecamatan.forEach((k, i) => {
    const villages = desa.features.filter((f) => f.properties.parent === k.kode).sort((a, b) => a.properties.kode.localeCompare(b.properties.kode));
    const base = { address: null as string | null, contact: null as string | null, active: true };
    const [first, second, third] = villages;
    if (!first || !second || !third) return;
    const address = (d: string) => `Desa ${d}, Kecamatan ${k.nama}`;
    out.push({ ...base, type: "kantor_pemerintahan", name: `Kantor Camat ${k.nama}`, address: address(first.properties.nama), contact: "(0526) 2090 000", location: at(first.properties.label) });
    for (const [j, v] of [second, third].entries()) {
      const turn = TURNS[(i * 2 + j) % TURNS.length]!;
      out.push({ ...base, type: turn.type, name: turn.name(v.properties.nama), address: address(v.properties.nama), location: at(v.properties.label) });
    }
    if (k.nama.toLowerCase() === "paringin" && villages[3])
      out.push({ ...base, type: "kantor_pemerintahan", name: "Kantor Bupati Balangan", address: address(villages[3].properties.nama), contact: "humas@balangankab.go.id", location: at(villages[3].properties.label) });
  });
  return out;
}

/** Add the demo facilities not there yet, by name (idempotent across restarts; an admin's edits stay). */
export async function seedDemoFacilities(facilities: FacilitiesService, regions: RegionsService, log: Logger): Promise<void> {
  const [desa, kecamatan, present] = await Promise.all([regions.featureCollection("desa"), regions.kecamatanList(), facilities.names()]);
  let created = 0;
  for (const f of demoFacilities(desa, kecamatan)) {
    if (present.has(f.name.toLowerCase())) continue;
    await facilities.create(null, f);
    created++;
  }
  if (created) log.info({ created }, "demo facilities created");
}
