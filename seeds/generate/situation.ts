import type { Kerawanan, SubmitReportInput } from "@contract/reports.ts";
import { bilamana, isoWita, MINUTE } from "./calendar.ts";
import type { Point } from "./places.ts";
import type { Random } from "./random.ts";
import type { Topic } from "./topics/index.ts";
import { fill, METHODS, RELATIONS, SOURCES, type Words } from "./vocabulary.ts";

/** A situation report as the phone sends it, every default written out (so validating it changes nothing). */
export type SituationInput = Extract<SubmitReportInput, { kind: "situation" }>;

export const KERAWANAN: readonly Kerawanan[] = ["rendah", "sedang", "tinggi", "sangat_tinggi"];
/** Across all topics: many rendah and sedang, few sangat_tinggi. */
const KERAWANAN_SKEW = [1.3, 1.1, 0.75, 0.4] as const;

const RELIABILITY = [["A", 10], ["B", 40], ["C", 30], ["D", 12], ["E", 5], ["F", 3]] as const;
const CREDIBILITY = [["1", 8], ["2", 40], ["3", 32], ["4", 12], ["5", 5], ["6", 3]] as const;

/** How sure the officer is of a report: `B2` mostly, `E5` rarely. */
export function nilaiInformasi(rng: Random): string {
  return `${rng.weighted(RELIABILITY)}${rng.weighted(CREDIBILITY)}`;
}

/** A tingkat kerawanan for the topic, `shift` levels higher for a hotspot that is heating up. */
export function kerawananFor(topic: Topic, rng: Random, shift = 0): Kerawanan {
  const level = KERAWANAN.indexOf(rng.weighted(KERAWANAN.map((k, i) => [k, topic.kerawanan[i]! * KERAWANAN_SKEW[i]!] as const)));
  return KERAWANAN[Math.min(3, level + shift)]!;
}

export interface SituationDraft {
  clientId: string;
  topic: Topic;
  words: Words;
  point: Point;
  occurredAt: number;
  sentAt: number;
  kerawanan: Kerawanan;
  /** `Perkembangan:` and the like, for a second report on the same event. */
  perihalPrefix?: string;
}

/** The Laporan Informasi of one event: its words from the topic's templates, its facts from the draft. */
export function situationInput(d: SituationDraft, rng: Random): SituationInput {
  const { topic, words } = d;
  const t = (options: readonly string[]) => fill(rng.pick(options), words);
  const gps = rng.chance(0.88);
  const fakta: SituationInput["body"]["fakta"] = {
    siapa: t(topic.siapa),
    apa: t(topic.apa),
    diMana: `${words.get("tempat")}, ${words.get("desa")}, ${words.get("kecamatan")}, Kabupaten Balangan`,
    denganApa: rng.chance(0.9) ? t(topic.denganApa) : "",
    mengapa: rng.chance(0.85) ? t(topic.mengapa) : "",
    bagaimana: t(topic.bagaimana),
    bilamana: bilamana(d.occurredAt),
  };
  if (topic.massa) fakta.jumlahMassa = Number(words.get("jumlah"));
  if (topic.korban && rng.chance(topic.korban[0])) fakta.korban = rng.int(1, topic.korban[1]);
  if (topic.kerugian && rng.chance(0.7)) fakta.kerugian = Math.round((topic.kerugian[0] + rng.next() ** 3 * (topic.kerugian[1] - topic.kerugian[0])) / 100_000) * 100_000;
  const heardAt = d.occurredAt + rng.int(0, Math.max(0, Math.min(90 * MINUTE, d.sentAt - d.occurredAt)));
  const perihal = `${d.perihalPrefix ?? ""}${t(topic.perihal)}`.slice(0, 200).trim();
  return {
    kind: "situation",
    clientId: d.clientId,
    perihal,
    classification: rng.chance(topic.rahasia) ? "rahasia" : "biasa",
    kerawanan: d.kerawanan,
    occurredAt: isoWita(d.occurredAt),
    sentAt: isoWita(d.sentAt),
    location: gps
      ? { lat: d.point.lat, lng: d.point.lng, accuracyM: rng.int(3, 35), source: "gps" }
      : { lat: d.point.lat, lng: d.point.lng, accuracyM: null, source: "pin" },
    photos: [],
    bidang: topic.bidang,
    subCategory: topic.subCategory,
    body: {
      pendahuluan: {
        sumber: t(SOURCES),
        hubunganSumber: rng.pick(RELATIONS),
        caraMemperoleh: rng.pick(METHODS),
        waktuMemperoleh: rng.chance(0.8) ? isoWita(heardAt) : null,
        nilaiInformasi: nilaiInformasi(rng),
      },
      fakta,
      pendapat: {
        analisa: t(topic.analisa),
        prakiraan: t(topic.prakiraan),
        langkah: t(topic.langkah),
        saran: rng.chance(0.9) ? t(topic.saran) : "",
      },
    },
  };
}

/** What officers add when a verifier sends a report back: the missing detail, a firmer source. */
const ADDITIONS = [
  "Tambahan keterangan: identitas koordinator telah dikonfirmasi kepada kepala desa dan Bhabinkamtibmas.",
  "Tambahan keterangan: jumlah warga yang terlibat telah dihitung ulang bersama aparat desa.",
  "Tambahan keterangan: lokasi kejadian telah dicek ulang dan difoto dari beberapa sisi.",
  "Tambahan keterangan: keterangan saksi kedua sudah diperoleh dan sejalan dengan keterangan pertama.",
];

/** The report as its author sends it again after a request for revision: new client id, fuller facts. */
export function revisedSituation(first: SituationInput, clientId: string, sentAt: number, rng: Random): SituationInput {
  const { fakta, pendahuluan } = first.body;
  return {
    ...first,
    clientId,
    sentAt: isoWita(sentAt),
    body: {
      ...first.body,
      pendahuluan: { ...pendahuluan, hubunganSumber: pendahuluan.hubunganSumber || "Informan tetap petugas" },
      fakta: {
        ...fakta,
        denganApa: fakta.denganApa || "Belum diketahui, masih didalami",
        mengapa: fakta.mengapa || "Masih didalami bersama aparat desa",
        bagaimana: `${fakta.bagaimana}\n\n${rng.pick(ADDITIONS)}`,
      },
    },
  };
}
