import type { Person } from "./lifecycle.ts";
import type { Officer } from "./plan.ts";
import type { Random } from "./random.ts";

export type { Officer } from "./plan.ts";

/** A verifier and the kecamatan they decide on (none listed: all of them). */
export interface Verifier extends Person {
  regions: readonly string[];
}

/** Who writes and who decides: the accounts the generated reports are attributed to. */
export interface Cast {
  officers: readonly Officer[];
  verifiers: readonly Verifier[];
}

/** Verifiers by the kecamatan they may decide on: those scoped to it first, else those scoped to all. */
export function verifiersByKecamatan(cast: Cast, kecamatan: readonly string[]): Map<string, Verifier[]> {
  const out = new Map<string, Verifier[]>();
  for (const kode of kecamatan) {
    const scoped = cast.verifiers.filter((v) => v.regions.includes(kode));
    const any = cast.verifiers.filter((v) => !v.regions.length);
    out.set(kode, scoped.length ? scoped : any);
  }
  return out;
}

/** Fail early, with a message naming what is missing, rather than write reports nobody could decide. */
export function checkCast(cast: Cast, byKecamatan: Map<string, Verifier[]>): void {
  if (!cast.officers.length) throw new Error("no officers to attribute reports to");
  const orphaned = [...new Set(cast.officers.map((o) => o.kecamatanKode))].filter((k) => !byKecamatan.get(k)?.length);
  if (orphaned.length) throw new Error(`no verifier may decide on kecamatan ${orphaned.join(", ")}`);
}

/** Officers with a weight each: some file far more reports than others. */
export function officerWeights(officers: readonly Officer[], rng: Random): Map<string, number> {
  return new Map(officers.map((o, i) => [o.id, 0.4 + rng.fork(`activity:${i}`).next() * 1.2]));
}
