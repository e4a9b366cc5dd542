import { MINUTE, dayStart, witaDay } from "./calendar.ts";
import { checkCast, officerWeights, verifiersByKecamatan, type Cast } from "./cast.ts";
import { activeOn, clusterCount, planClusters, type Cluster, type ClusterMember } from "./clusters.ts";
import type { Extra } from "./extras.ts";
import { createHappenings, type ExtrasOptions } from "./happenings.ts";
import { createLedger } from "./ledger.ts";
import { makePeriodicReport, makeSituationReport, type Made, type SituationSpec } from "./make.ts";
import { balanganPlaces, type Desa } from "./places.ts";
import { allocate, planPeriodic, yearDays, type Officer, type PeriodicPlan } from "./plan.ts";
import { createRandom, type Random } from "./random.ts";
import type { GeneratedReport } from "./rows.ts";
import { dayFractionBefore, dayWeight, momentInDay, planPilkades, seasonOf, type DaySeason } from "./season.ts";
import { kerawananFor } from "./situation.ts";
import { TOPICS, type Topic } from "./topics/index.ts";
import { wordsFor } from "./vocabulary.ts";
import { compareText } from "./order.ts";

/**
 * The generator: `reports` reports over the year ending at `end`, attributed to the cast, the same for
 * the same seed, end and cast (officers and verifiers in the same order; their ids and names may differ:
 * streams are named by position). Reports come out in the order the server received them (their
 * numbers follow that order), one day at a time, so a million never sit in memory at once.
 */

export interface GenerateOptions {
  seed: string | number;
  reports: number;
  /** The last moment of the year (usually now). Nothing is dated after it. */
  end: number;
  cast: Cast;
  /** Incidents and follow-ups too (their tables exist): the agencies and the first incident number. */
  extras?: ExtrasOptions;
}

export interface Generation {
  situationCount: number;
  periodicCount: number;
  /** Hotspots, their members filled in as the reports are generated. */
  clusters: Cluster[];
  /** Incidents and assignments decided so far, waiting for their reports to be stored (the seeder drains it). */
  extras: Extra[];
  lastIncidentNumber(): number;
  reports(): Generator<GeneratedReport>;
}

/** Busier kecamatan: the regency capital most, the remote uplands least. */
const KECAMATAN_ACTIVITY: Record<string, number> = { "63.11.06": 1.6, "63.11.01": 1.1, "63.11.08": 0.8, "63.11.03": 0.9 };
/** The crowd a topic draws (a protest hundreds, a theft a handful), fixed before the words are made. */
const crowd = (topic: Topic, rng: Random) => ({ jumlah: String(rng.int(...(topic.massa ?? [3, 30]))) });
/** A second report on an event already reported (another officer, or the same one with news). */
const TWIN_CHANCE = 0.03;

export function createGeneration(opts: GenerateOptions): Generation {
  const root = createRandom(opts.seed);
  const places = balanganPlaces();
  const { end, cast } = opts;
  const { firstDay, endDay } = yearDays(end);
  const kecamatanCodes = places.kecamatan.map((k) => k.kode);
  const verifiers = verifiersByKecamatan(cast, kecamatanCodes);
  checkCast(cast, verifiers);

  const officersByKecamatan = new Map<string, Officer[]>();
  for (const o of cast.officers) (officersByKecamatan.get(o.kecamatanKode) ?? officersByKecamatan.set(o.kecamatanKode, []).get(o.kecamatanKode)!).push(o);
  const activity = officerWeights(cast.officers, root);
  const officerIndex = new Map(cast.officers.map((o, i) => [o.id, i]));
  const kecamatanWeights = [...officersByKecamatan.keys()].sort().map((k) => [k, KECAMATAN_ACTIVITY[k] ?? 1] as const);
  const kecNama = new Map(places.kecamatan.map((k) => [k.kode, k.nama]));

  const periodic = planPeriodic(root.fork("periodic"), cast.officers, opts.reports, endDay, end);
  const situationCount = Math.max(0, opts.reports - periodic.length);
  const pilkades = planPilkades(root.fork("pilkades"), firstDay, endDay, [...officersByKecamatan.keys()].sort());
  const days = Array.from({ length: endDay - firstDay + 1 }, (_, i) => firstDay + i);
  const seasons = new Map(days.map((d) => [d, seasonOf(d, pilkades)]));
  const lastDayShare = dayFractionBefore(end);
  const base = days.map((d) => dayWeight(seasons.get(d)!) * (d === endDay ? lastDayShare : 1));
  const average = base.reduce((a, b) => a + b, 0) / days.length;
  const clusters = planClusters(root.fork("clusters"), clusterCount(situationCount), firstDay, endDay, {
    places,
    kecamatanWeights,
    seasonOf: (d) => seasons.get(d)!,
  });
  const clusterWeight = (d: number) => activeOn(clusters, d).reduce((a, c) => a + c.intensity * average, 0) * (d === endDay ? lastDayShare : 1);
  const perDay = allocate(situationCount, days.map((d, i) => base[i]! + clusterWeight(d)));
  const periodicByDay = new Map<number, PeriodicPlan[]>();
  for (const p of periodic) (periodicByDay.get(witaDay(p.sentAt)) ?? periodicByDay.set(witaDay(p.sentAt), []).get(witaDay(p.sentAt))!).push(p);

  const ledger = createLedger();
  const happenings = createHappenings(root, opts.extras, end, (k) => kecNama.get(k)!);
  const followUpShare = Math.min(0.35, 3000 / Math.max(1, situationCount * 0.15));
  const homes = new Map<string, Desa>();
  const homeOf = (o: Officer) => {
    let home = homes.get(o.id);
    if (!home) homes.set(o.id, (home = root.fork(`home:${officerIndex.get(o.id)}`).weighted(places.desaOf(o.kecamatanKode).map((d) => [d, d.weight] as const))));
    return home;
  };
  // Choices drawn for every report, built once.
  const desaChoices = new Map(kecamatanCodes.map((k) => [k, places.desaOf(k).map((d) => [d, d.weight] as const)]));
  const officerChoices = new Map([...officersByKecamatan].map(([k, os]) => [k, os.map((o) => [o, activity.get(o.id)!] as const)]));
  const verifierFor = (kode: string, rng: Random) => rng.pick(verifiers.get(kode)!);
  const officerIn = (kode: string, rng: Random) => rng.weighted(officerChoices.get(kode)!);

  /** Topic weights per kecamatan for one day (the season shifts them). */
  function topicWeights(season: DaySeason): Map<string, (readonly [Topic, number])[]> {
    return new Map(kecamatanWeights.map(([kode]) => [kode, TOPICS.map((t) => [t, t.weight * (t.boost?.(season, kode) ?? 1)] as const)]));
  }

  /** Into the officer's ledger (for their periodic reports); back as what incidents and follow-ups need. */
  function record(made: Made, officer: Officer, spec: SituationSpec): ClusterMember {
    const { input } = made;
    const r = made.row.report;
    ledger.record(officer.id, witaDay(Date.parse(input.occurredAt)), {
      id: r.id,
      perihal: input.perihal,
      bidang: input.bidang,
      subCategory: input.subCategory,
      kerawanan: input.kerawanan,
      desaNama: spec.desa.nama,
    });
    return {
      id: r.id,
      perihal: input.perihal,
      bidang: input.bidang,
      subCategory: input.subCategory,
      kecamatanKode: spec.desa.kecamatanKode,
      occurredAt: Date.parse(r.occurredAt),
      receivedAt: Date.parse(r.receivedAt),
      kerawanan: input.kerawanan,
      verifiedAt: made.verifiedAt,
      verifier: spec.verifier,
    };
  }

  /** A grave verified report on its own: sent to the agencies now and then. */
  function maybeFollowUp(m: ClusterMember, rng: Random) {
    const grave = m.kerawanan === "tinggi" || m.kerawanan === "sangat_tinggi";
    if (grave && m.verifiedAt !== null && rng.chance(followUpShare)) happenings.verified(m, rng);
  }

  function situation(rng: Random, day: number, weights: Map<string, (readonly [Topic, number])[]>, out: GeneratedReport[], room: number) {
    const kode = rng.weighted(kecamatanWeights);
    const officer = officerIn(kode, rng);
    const desa = rng.weighted(desaChoices.get(kode)!);
    const topic = rng.weighted(weights.get(kode)!);
    const words = wordsFor(rng, { desaNama: desa.nama, urban: desa.urban, kecNama: kecNama.get(kode)! }, crowd(topic, rng));
    const occurredAt = momentInDay(rng, day, end - 10 * MINUTE);
    const spec: SituationSpec = { author: officer, verifier: verifierFor(kode, rng), desa, topic, words, point: places.pointIn(desa, rng), occurredAt, kerawanan: kerawananFor(topic, rng) };
    const made = makeSituationReport(rng, spec, end);
    out.push(made.row);
    const first = record(made, officer, spec);
    // The same event reported again: news on it, or a colleague who was there too.
    const twinAt = Date.parse(made.input.occurredAt) + rng.int(20, 180) * MINUTE;
    if (room < 2 || !rng.chance(TWIN_CHANCE) || twinAt > end - 30 * MINUTE) {
      maybeFollowUp(first, rng);
      return 1;
    }
    const other = officerIn(kode, rng);
    const twinWords = wordsFor(rng, { desaNama: desa.nama, urban: desa.urban, kecNama: kecNama.get(kode)! }, crowd(topic, rng), words);
    const twinSpec: SituationSpec = { ...spec, words: twinWords, author: other, point: places.pointNear(spec.point, 300, desa, rng), occurredAt: twinAt, perihalPrefix: rng.chance(0.5) ? "Perkembangan: " : undefined };
    const twin = makeSituationReport(rng, twinSpec, end);
    out.push(twin.row);
    happenings.twins(first, record(twin, other, twinSpec), rng);
    return 2;
  }

  function clustered(rng: Random, day: number, active: Cluster[], out: GeneratedReport[]) {
    const c = rng.weighted(active.map((x) => [x, x.intensity] as const));
    const officer = officerIn(c.kecamatanKode, rng);
    const escalated = day > c.firstDay && rng.chance(0.5);
    const spec: SituationSpec = {
      author: officer,
      verifier: verifierFor(c.kecamatanKode, rng),
      desa: c.desa,
      topic: c.topic,
      words: wordsFor(rng, { desaNama: c.desa.nama, urban: c.desa.urban, kecNama: c.kecNama }, crowd(c.topic, rng), c.words),
      point: places.pointNear(c.center, 400, c.desa, rng),
      occurredAt: momentInDay(rng, day, end - 10 * MINUTE),
      kerawanan: kerawananFor(c.topic, rng, escalated ? 1 : 0),
      perihalPrefix: c.members.length && rng.chance(0.4) ? "Perkembangan: " : undefined,
    };
    const made = makeSituationReport(rng, spec, end);
    out.push(made.row);
    c.members.push(record(made, officer, spec));
  }

  function periodicReport(rng: Random, p: PeriodicPlan): GeneratedReport {
    const desa = homeOf(p.officer);
    const tally = ledger.tally(p.officer.id, p.from, p.to);
    const previous = p.kind === "weekly" ? ledger.tally(p.officer.id, p.from - 7, p.to - 7) : undefined;
    const spec = { ...p, author: p.officer, verifier: verifierFor(p.officer.kecamatanKode, rng), desa, point: places.pointIn(desa, rng), kecNama: kecNama.get(p.officer.kecamatanKode)!, tally, previous };
    return makePeriodicReport(rng, spec, end);
  }

  function* reports(): Generator<GeneratedReport> {
    let pending: GeneratedReport[] = [];
    for (let i = 0; i < days.length; i++) {
      const day = days[i]!;
      const rng = root.fork(`day:${day}`);
      const weights = topicWeights(seasons.get(day)!);
      const active = activeOn(clusters, day);
      const clusterShare = active.length ? clusterWeight(day) / (base[i]! + clusterWeight(day)) : 0;
      for (let made = 0; made < perDay[i]!; ) {
        if (active.length && rng.chance(clusterShare)) {
          clustered(rng, day, active, pending);
          made++;
        } else made += situation(rng, day, weights, pending, perDay[i]! - made);
      }
      for (const p of periodicByDay.get(day) ?? []) pending.push(periodicReport(rng.fork(`periodic:${officerIndex.get(p.officer.id)}:${p.kind}:${p.from}`), p));
      ledger.prune(day);
      // Out in arrival order; what arrives after midnight (an outbox emptied late) waits for its day.
      pending.sort((a, b) => compareText(a.report.receivedAt, b.report.receivedAt) || compareText(a.report.id, b.report.id));
      const cut = day === endDay ? Infinity : dayStart(day + 1);
      const ready = pending.filter((r) => Date.parse(r.report.receivedAt) < cut);
      pending = pending.filter((r) => Date.parse(r.report.receivedAt) >= cut);
      yield* ready;
      happenings.dayDone(day, clusters, day === endDay);
    }
  }

  return {
    situationCount,
    periodicCount: periodic.length,
    clusters,
    extras: happenings.extras,
    lastIncidentNumber: happenings.lastIncidentNumber,
    reports,
  };
}
