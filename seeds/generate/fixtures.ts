import type { Agency } from "./agencies.ts";
import { demoAgencies } from "./agencies.ts";
import type { Cast } from "./cast.ts";
import { balanganPlaces } from "./places.ts";

/**
 * A cast and agencies for the generator's tests, with made-up ids: one officer per kecamatan and the
 * demo's two verifiers (north and south), as seeds/demo.ts makes them.
 */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const NORTH = ["63.11.01", "63.11.02", "63.11.04", "63.11.08"];
export const SOUTH = ["63.11.03", "63.11.05", "63.11.06", "63.11.07"];

export function fixtureCast(): Cast {
  return {
    officers: balanganPlaces().kecamatan.map((k, i) => ({ id: id(i + 1), username: `petugas.${k.slug}`, kecamatanKode: k.kode })),
    verifiers: [
      { id: id(101), username: "verifikator.utara", regions: NORTH },
      { id: id(102), username: "verifikator.selatan", regions: SOUTH },
    ],
  };
}

export function fixtureAgencies(): Agency[] {
  return demoAgencies(balanganPlaces().kecamatan.map((k) => k.nama)).map((a, i) => ({ ...a, id: id(201 + i) }));
}
