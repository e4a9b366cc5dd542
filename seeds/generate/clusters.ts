import type { Kerawanan } from "@contract/reports.ts";
import type { Person } from "./lifecycle.ts";
import type { Desa, Places, Point } from "./places.ts";
import type { Random } from "./random.ts";
import type { DaySeason } from "./season.ts";
import { TOPICS, type Topic } from "./topics/index.ts";
import { wordsFor, type Words } from "./vocabulary.ts";

/**
 * Local hotspots: one event that keeps officers reporting from the same desa for days (a land dispute,
 * a string of protests, a drug ring, a flood), so the map shows a cluster and the trend a bump. Their
 * reports share the event's words, which is what duplicate detection looks for, and the verified ones
 * become an incident afterwards.
 */

/** Topics that make hotspots (a one-off theft does not). */
const HOTSPOT_TOPICS = ["sengketa-lahan", "unjuk-rasa-politik", "unjuk-rasa-kamtibmas", "narkoba", "konflik-sosial", "banjir", "karhutla", "pilkades", "kriminalitas"];

/** A report about an event, with what merging it into an incident needs to know. */
export interface ClusterMember {
  id: string;
  perihal: string;
  bidang: string;
  subCategory: string;
  kecamatanKode: string;
  occurredAt: number;
  receivedAt: number;
  kerawanan: Kerawanan;
  /** When it was verified (the last decision), if it was. */
  verifiedAt: number | null;
  verifier: Person;
}

export interface Cluster {
  key: string;
  topic: Topic;
  kecamatanKode: string;
  kecNama: string;
  desa: Desa;
  center: Point;
  firstDay: number;
  lastDay: number;
  /** Extra reports per active day, as a share of an average day's reports. */
  intensity: number;
  /** The event's words, lent to each of its reports. */
  words: Words;
  members: ClusterMember[];
}

export interface ClusterContext {
  places: Places;
  kecamatanWeights: readonly (readonly [string, number])[];
  seasonOf: (day: number) => DaySeason;
}

/** How many hotspots a year holds: a handful for a demo office, a dozen for a big benchmark. */
export function clusterCount(situationReports: number): number {
  return Math.max(3, Math.min(12, Math.round(3 + Math.log2(Math.max(1, situationReports / 500)))));
}

export function planClusters(rng: Random, count: number, firstDay: number, endDay: number, ctx: ClusterContext): Cluster[] {
  const hotspotTopics = TOPICS.filter((t) => HOTSPOT_TOPICS.includes(t.key));
  return Array.from({ length: count }, (_, i) => {
    const c = rng.fork(`cluster:${i}`);
    const kecamatanKode = c.weighted(ctx.kecamatanWeights);
    const length = c.int(3, 18);
    const start = c.int(firstDay, Math.max(firstDay, endDay - 2));
    const season = ctx.seasonOf(start);
    const topic = c.weighted(hotspotTopics.map((t) => [t, t.weight * (t.boost?.(season, kecamatanKode) ?? 1)] as const));
    const desa = c.weighted(ctx.places.desaOf(kecamatanKode).map((d) => [d, d.weight] as const));
    const kecNama = ctx.places.kecamatan.find((k) => k.kode === kecamatanKode)!.nama;
    return {
      key: `cluster:${i}`,
      topic,
      kecamatanKode,
      kecNama,
      desa,
      center: ctx.places.pointIn(desa, c),
      firstDay: start,
      lastDay: Math.min(endDay, start + length - 1),
      intensity: 0.15 + c.next() * 0.35,
      words: wordsFor(c.fork("words"), { desaNama: desa.nama, urban: desa.urban, kecNama }),
      members: [],
    };
  });
}

export const activeOn = (clusters: readonly Cluster[], day: number) => clusters.filter((c) => day >= c.firstDay && day <= c.lastDay);
