import type { Logger } from "pino";
import type { Sequelize, Transaction } from "sequelize";

import { REPORT_LIMITS, SubmitReportInput, type SubmitResult } from "@contract/reports.ts";
import type { Actor } from "../auth/permissions.ts";
import { AppError, conflict, invalid, outsideRegion } from "../core/errors.ts";
import type { CategoriesService } from "../categories/categories.service.ts";
import type { IoServer } from "../core/io.ts";
import { MicroBatcher } from "../core/micro-batcher.ts";
import { isDataError, sqlState, UNIQUE_VIOLATION, writeIsolating } from "../core/data-errors.ts";
import { parseInput } from "../core/validate.ts";
import type { Located, RegionsService } from "../regions/regions.service.ts";
import { appendChanges, type ChangeRow } from "../changes/changes.repo.ts";
import { toEnvelope } from "../changes/changes.service.ts";
import { emitReportChange } from "../changes/fanout.ts";
import { presentReport } from "./reports.present.ts";
import { announceReportChange, reportChange } from "./report-changes.ts";
import {
  commitSituationReports,
  findStoredRevisions,
  getPeriodicReportForUpdate,
  getReportRowsByIds,
  getRevisionsByClientIds,
  insertReportEvents,
  insertReports,
  reviseReport,
  type InsertedReport,
  type NewReport,
  type ReportRow,
} from "./reports.repo.ts";

interface Submission {
  actor: Actor;
  input: SubmitReportInput;
  /** The socket it came through: that socket has its ack and needs no `report:created` echo. */
  origin?: string;
}

export interface IntakeDeps {
  db: Sequelize;
  regions: RegionsService;
  categories: CategoriesService;
  io: IoServer;
  /** Grouping window and size for situation reports (see MicroBatcher). */
  batch?: { maxWaitMs: number; maxSize: number; maxConcurrent: number };
  log?: Logger;
}

/** Final for the phone (invalid_input is never retried): the officer edits the report and sends it again. */
const unstorable = () => invalid("This report holds a value that cannot be stored; edit it and send it again");

const clientIdConflict = () =>
  conflict("This client_id was already used for a different report; nothing was changed", "client_id_conflict");

/**
 * Intake: one service behind both doors (Socket.IO `report:submit` and REST `POST /api/reports`).
 * Exactly once by client_id; the answer is given only after the commit, so an acked report is durable.
 * Situation reports arriving together share one INSERT and one commit; periodic reports (rare, and
 * revising an existing row) go one by one under a per-period lock.
 */
export function createReportIntake(deps: IntakeDeps) {
  const { db, regions, io, log } = deps;
  // Two groups in flight: one commits while the next is sent. More would only wait on the change-log lock
  // (held to each commit) and make every group smaller, which costs more per report (bench/intake).
  const batcher = new MicroBatcher<Submission, SubmitResult>(
    (items) => flushSituations(items),
    deps.batch ?? { maxWaitMs: 2, maxSize: 250, maxConcurrent: 2 },
  );

  async function submit(actor: Actor, raw: unknown, origin?: { socketId: string }): Promise<SubmitResult> {
    const input = parseInput(SubmitReportInput, raw);
    if (input.kind === "situation" && !(await deps.categories.isKnown(input.bidang, input.subCategory)))
      throw invalid("Input is not valid", { subCategory: `not a sub-category of ${input.bidang}` });
    const submission = { actor, input, origin: origin?.socketId };
    return input.kind === "situation" ? batcher.submit(submission) : submitPeriodic(submission);
  }

  async function flushSituations(items: Submission[]): Promise<(SubmitResult | Error)[]> {
    const out: (SubmitResult | Error | undefined)[] = new Array(items.length);
    // The first submission of a client_id in this batch is its leader; identical ones follow its outcome.
    const leaderOf = new Map<string, number>();
    items.forEach((s, i) => leaderOf.has(s.input.clientId) || leaderOf.set(s.input.clientId, i));
    const leaders = [...leaderOf.values()];
    const located = await regions.locateMany(leaders.map((i) => items[i]!.input.location), REPORT_LIMITS.outsideToleranceMeters);
    const rows: NewReport[] = [];
    const placeOf = new Map<string, Located>();
    // Outside is decided after the stored answers: a known client_id with another payload is a conflict.
    const outside = new Set<number>();
    leaders.forEach((i, k) => {
      const where = located[k];
      if (!where) outside.add(i);
      else {
        rows.push(toNewReport(items[i]!, where));
        placeOf.set(items[i]!.input.clientId, where);
      }
    });

    // A report the database refuses (a value the contract missed) is answered alone; the rest are stored.
    const { written: committed, refused } = await writeIsolating(rows, (part) => commitSituationReports(db, part));
    const unstored = new Set(refused.map(({ row }) => row.clientId));
    for (const { row, error } of refused) log?.warn({ err: error, clientId: row.clientId }, "report refused by the database");
    // Its repeats in this batch share the answer (asking the database about its payload would fail too).
    items.forEach((s, i) => unstored.has(s.input.clientId) && (out[i] = unstorable()));
    // The views are built from what we sent plus what the statement returned, rather than read back.
    const sent = new Map(rows.map((r) => [r.clientId, r]));
    const reports = committed.map((c) => rowOfInserted(sent.get(c.client_id)!, c, placeOf.get(c.client_id)!, c.author_name));
    reports.forEach((report, k) => {
      const c = committed[k]!;
      const leader = leaderOf.get(c.client_id)!;
      const envelope = () =>
        toEnvelope({ seq: c.seq, at: c.at, entity: "report", entity_id: c.id, kind: "created", payload: presentReport(report) });
      const target = { kecamatanKode: report.kecamatan_kode, authorId: report.author_id };
      emitReportChange(io, "report:created", envelope, target, items[leader]!.origin);
      out[leader] = resultOf(report, c.client_id, report.revision, false);
    });

    // Everything else: followers, retries of earlier submissions, races lost to another batch, outsiders.
    const open = items.flatMap((s, i) => (out[i] === undefined ? [i] : []));
    const answers = await answerExisting(open.map((i) => items[i]!));
    open.forEach((i, k) => {
      const leader = leaderOf.get(items[i]!.input.clientId)!;
      out[i] =
        answers[k] ??
        (outside.has(leader) ? outsideRegion("Location is more than 2 km outside Kabupaten Balangan") : undefined) ??
        (leader !== i ? out[leader] : undefined) ??
        new AppError(500, "internal", "Report was not stored");
    });
    return out as (SubmitResult | Error)[];
  }

  async function submitPeriodic(s: Submission): Promise<SubmitResult> {
    const [before] = await answerExisting([s]);
    if (before) return unwrap(before);
    const where = await regions.locate(s.input.location.lat, s.input.location.lng, REPORT_LIMITS.outsideToleranceMeters);
    if (!where) throw outsideRegion("Location is more than 2 km outside Kabupaten Balangan");
    const row = toNewReport(s, where);
    const { clientId } = s.input;

    const done = await storePeriodic(s, row).catch((err: unknown) => {
      // The client_id's revision row, taken by a concurrent submission that committed first.
      if (sqlState(err) === UNIQUE_VIOLATION) return null;
      if (!isDataError(err)) throw err;
      log?.warn({ err, clientId }, "report refused by the database");
      throw unstorable();
    });
    // null: this client_id was stored meanwhile (a retry, or the same id sent for another period at once).
    if (!done) return unwrap((await answerExisting([s]))[0]!);
    broadcast(done.reports, done.changes, done.revised ? "report:updated" : "report:created", s.origin);
    return resultOf(done.reports[0]!, clientId, done.revision, false);
  }

  /** A periodic report or its new revision, in one transaction; null when its client_id is taken. */
  function storePeriodic(s: Submission, row: NewReport) {
    const { clientId } = s.input;
    return db.transaction(async (transaction) => {
      // One officer, one period, one report: serialise submissions for the same period.
      await db.query(`SELECT pg_advisory_xact_lock(hashtext(:key))`, {
        replacements: { key: `periodic:${s.actor.id}:${row.kind}:${row.period}` },
        transaction,
      });
      if ((await getRevisionsByClientIds(db, [clientId], transaction)).length) return null;
      const current = await getPeriodicReportForUpdate(db, s.actor.id, row.kind, row.period!, transaction);
      let reportId: string;
      let revision = 1;
      if (current) {
        revision = current.revision + 1;
        await reviseReport(db, current.id, revision, row, transaction);
        reportId = current.id;
      } else {
        // The period lock does not cover one client_id sent for two periods at once: the loser inserts nothing.
        const [inserted] = await insertReports(db, [row], transaction);
        if (!inserted) return null;
        reportId = inserted.id;
      }
      const reports = await getReportRowsByIds(db, [reportId], transaction);
      const changes = await recordChanges(reports, current ? "revised" : "created", transaction);
      return { reports, changes, revision, revised: Boolean(current) };
    });
  }

  /** report_events + change log rows for reports just written, in the same transaction. */
  async function recordChanges(reports: ReportRow[], kind: "created" | "revised", transaction: Transaction): Promise<ChangeRow[]> {
    // New reports got their `submitted` event from insertReports itself.
    if (kind === "revised")
      await insertReportEvents(
        db,
        reports.map((r) => ({ reportId: r.id, actorId: r.author_id, action: "revised", toStatus: r.status })),
        transaction,
      );
    return appendChanges(db, reports.map((r) => reportChange(r, kind)), transaction);
  }

  /** After the commit: each change to the rooms allowed to see it. */
  function broadcast(reports: ReportRow[], changes: ChangeRow[], event: "report:created" | "report:updated", origin?: string) {
    const byId = new Map(reports.map((r) => [r.id, r]));
    for (const change of changes) {
      const r = byId.get(change.entity_id);
      if (r) announceReportChange(io, event, r, change, origin);
    }
  }

  /** The stored answer for submissions whose client_id is known: the original result, or a conflict. */
  async function answerExisting(subs: Submission[]): Promise<(SubmitResult | Error | undefined)[]> {
    if (!subs.length) return [];
    const stored = await findStoredRevisions(
      db,
      subs.map((s) => ({ clientId: s.input.clientId, authorId: s.actor.id, payload: s.input })),
    );
    const reports = new Map(
      (await getReportRowsByIds(db, unique(stored.flatMap((r) => (r ? [r.report_id] : []))))).map((r) => [r.id, r]),
    );
    return subs.map((s, k) => {
      const rev = stored[k];
      if (!rev) return undefined;
      if (!rev.same) return clientIdConflict();
      const report = reports.get(rev.report_id);
      return report ? resultOf(report, s.input.clientId, rev.revision, true) : undefined;
    });
  }

  return { submit };
}

export type ReportIntake = ReturnType<typeof createReportIntake>;

function toNewReport(s: Submission, where: Located): NewReport {
  const { input, actor } = s;
  return {
    clientId: input.clientId,
    authorId: actor.id,
    kind: input.kind,
    period: input.kind === "situation" ? null : input.period,
    // A rahasia report is never published; periodic reports are routine and biasa unless marked.
    classification: input.classification,
    bidang: input.kind === "situation" ? input.bidang : null,
    subCategory: input.kind === "situation" ? input.subCategory : null,
    perihal: input.perihal,
    kerawanan: input.kerawanan,
    body: input.body,
    photos: unique(input.photos),
    occurredAt: input.occurredAt,
    sentAt: input.sentAt,
    lat: input.location.lat,
    lng: input.location.lng,
    accuracyM: input.location.accuracyM,
    locationSource: input.location.source,
    kecamatanKode: where.kecamatan.kode,
    desaKode: where.desa?.kode ?? null,
    outsideMeters: where.outsideMeters,
    payload: input,
  };
}

function rowOfInserted(n: NewReport, ins: InsertedReport, where: Located, authorName: string): ReportRow {
  return {
    id: ins.id,
    client_id: ins.client_id,
    number: ins.number,
    author_id: n.authorId,
    author_name: authorName,
    kind: n.kind,
    period: n.period,
    revision: ins.revision,
    classification: n.classification as ReportRow["classification"],
    bidang: n.bidang as ReportRow["bidang"],
    sub_category: n.subCategory,
    perihal: n.perihal,
    kerawanan: n.kerawanan as ReportRow["kerawanan"],
    body: n.body,
    photos: n.photos,
    uploaded: [],
    occurred_at: new Date(n.occurredAt),
    sent_at: new Date(n.sentAt),
    received_at: ins.received_at,
    lng: n.lng,
    lat: n.lat,
    accuracy_m: n.accuracyM,
    location_source: n.locationSource as ReportRow["location_source"],
    kecamatan_kode: where.kecamatan.kode,
    kecamatan_nama: where.kecamatan.nama,
    desa_kode: where.desa?.kode ?? null,
    desa_nama: where.desa?.nama ?? null,
    outside_meters: n.outsideMeters,
    status: ins.status,
    status_note: null,
    version: ins.version,
  };
}

function resultOf(r: ReportRow, clientId: string, revision: number, duplicate: boolean): SubmitResult {
  return {
    clientId,
    id: r.id,
    number: r.number,
    revision,
    status: r.status,
    kecamatan: { kode: r.kecamatan_kode, nama: r.kecamatan_nama },
    desa: r.desa_kode ? { kode: r.desa_kode, nama: r.desa_nama ?? r.desa_kode } : null,
    outsideMeters: r.outside_meters,
    duplicate,
  };
}

function unwrap(r: SubmitResult | Error | undefined): SubmitResult {
  if (r instanceof Error) throw r;
  if (!r) throw new AppError(500, "internal", "Report was not stored");
  return r;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

