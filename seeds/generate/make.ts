import type { Kerawanan } from "@contract/reports.ts";
import { MINUTE } from "./calendar.ts";
import type { Verifier } from "./cast.ts";
import type { Person } from "./lifecycle.ts";
import { planLifecycle } from "./lifecycle.ts";
import { amendedPeriodic, periodicInput, type PeriodicDraft } from "./periodic.ts";
import type { Desa, Point } from "./places.ts";
import type { Random } from "./random.ts";
import { buildReport, type GeneratedReport } from "./rows.ts";
import { revisedSituation, situationInput, type SituationInput } from "./situation.ts";
import type { Topic } from "./topics/index.ts";
import type { Words } from "./vocabulary.ts";

/** One report from its facts to its rows: the input the phone sent, what happened to it, the rows. */

export interface SituationSpec {
  author: Person;
  verifier: Verifier;
  desa: Desa;
  topic: Topic;
  words: Words;
  point: Point;
  occurredAt: number;
  kerawanan: Kerawanan;
  perihalPrefix?: string;
}

/**
 * When the phone sent it and the server got it: written up within minutes to hours, now and then hours
 * later (no signal in the field), delivered in seconds or, from the outbox, after a while. Nothing after
 * `end`: the chain is pulled back when it would run past it.
 */
export function deliveryTimes(rng: Random, occurredAt: number, end: number) {
  let sentAt = occurredAt + (rng.chance(0.08) ? rng.int(180, 1200) : rng.int(5, 150)) * MINUTE + rng.int(0, 59) * 1000;
  let receivedAt = sentAt + (rng.chance(0.05) ? rng.int(10, 480) * MINUTE : rng.int(1, 20) * 1000);
  if (receivedAt > end) {
    receivedAt = end - rng.int(0, 60) * 1000;
    sentAt = Math.min(sentAt, receivedAt - rng.int(1, 20) * 1000);
    occurredAt = Math.min(occurredAt, sentAt - rng.int(5, 30) * MINUTE);
  }
  return { occurredAt, sentAt, receivedAt };
}

export interface Made {
  row: GeneratedReport;
  input: SituationInput;
  /** When it was verified, if it ends verified. */
  verifiedAt: number | null;
}

export function makeSituationReport(rng: Random, s: SituationSpec, end: number): Made {
  const id = rng.uuid();
  const times = deliveryTimes(rng, s.occurredAt, end);
  const input = situationInput(
    { clientId: rng.uuid(), topic: s.topic, words: s.words, point: s.point, occurredAt: times.occurredAt, sentAt: times.sentAt, kerawanan: s.kerawanan, perihalPrefix: s.perihalPrefix },
    rng,
  );
  const life = planLifecycle(
    { kind: "situation", kerawanan: s.kerawanan, nilaiInformasi: input.body.pendahuluan.nilaiInformasi, receivedAt: times.receivedAt, author: s.author, verifier: s.verifier, end },
    rng,
  );
  let second: SituationInput | undefined;
  if (life.revision2) {
    // The officer revises the version that carried the note: the one after the request for revision.
    const seen = 1 + life.steps.filter((x) => x.action === "status_changed" && x.at < life.revision2!.receivedAt).length;
    second = { ...revisedSituation(input, rng.uuid(), life.revision2.sentAt, rng), revises: { reportId: id, version: seen } };
  }
  const row = buildReport({ id, author: s.author, first: input, firstReceivedAt: times.receivedAt, second, life, kecamatanKode: s.desa.kecamatanKode, desaKode: s.desa.kode });
  const verified = life.status === "verified" ? life.steps.filter((x) => x.action === "status_changed").at(-1)!.at : null;
  return { row, input: second ?? input, verifiedAt: verified };
}

export interface PeriodicSpec extends Omit<PeriodicDraft, "clientId"> {
  author: Person;
  verifier: Verifier;
  desa: Desa;
}

export function makePeriodicReport(rng: Random, s: PeriodicSpec, end: number): GeneratedReport {
  const id = rng.uuid();
  const input = periodicInput({ ...s, clientId: rng.uuid() }, rng);
  const receivedAt = s.sentAt + rng.int(1, 20) * 1000;
  const life = planLifecycle({ kind: s.kind, kerawanan: input.kerawanan, nilaiInformasi: null, receivedAt, author: s.author, verifier: s.verifier, end }, rng);
  const second = life.revision2 ? amendedPeriodic(input, rng.uuid(), life.revision2.sentAt, rng) : undefined;
  return buildReport({ id, author: s.author, first: input, firstReceivedAt: receivedAt, second, life, kecamatanKode: s.desa.kecamatanKode, desaKode: s.desa.kode });
}
