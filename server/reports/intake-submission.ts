import type { Logger } from "pino";
import type { Sequelize } from "sequelize";
import type { SubmitReportInput } from "@contract/reports.ts";
import type { SubmitResult } from "@contract/report-view.ts";
import type { Actor } from "../auth/permissions.ts";
import { AppError, conflict, invalid, outsideRegion } from "../core/errors.ts";
import type { IoServer } from "../core/io.ts";
import type { Located, RegionsService } from "../regions/regions.service.ts";
import { placeOfRow, presentSubmitResult } from "./reports.present.ts";
import { findStoredRevisions, getReportRowsByIds } from "./reports.read.repo.ts";
import type { NewReport } from "./reports.repo.ts";

/** One report on its way in: who sent it and what, validated. */
export interface Submission {
  actor: Actor;
  input: SubmitReportInput;
  /** The socket it came through: that socket has its ack and needs no `report:created` echo. */
  origin?: string;
}

/** What both intake paths (situation groups, periodic reports) work with. */
export interface IntakeContext {
  db: Sequelize;
  regions: RegionsService;
  io: IoServer;
  log?: Logger;
}

/** Final for the phone (invalid_input is never retried): the officer edits the report and sends it again. */
export const unstorable = () => invalid("This report holds a value that cannot be stored; edit it and send it again");

export const clientIdConflict = () =>
  conflict("This client_id was already used for a different report; nothing was changed", "client_id_conflict");

export const tooFarOutside = () => outsideRegion("Location is more than 2 km outside Kabupaten Balangan");

export const notStored = () => new AppError(500, "internal", "Report was not stored");

/** The row a submission becomes, placed in its kecamatan and desa. */
export function toNewReport(s: Submission, where: Located): NewReport {
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

/**
 * The stored answer for submissions whose client_id is known, by position: the original result (a
 * repeat), a conflict (the client_id holds another report), or undefined (not stored).
 */
export async function answerExisting(db: Sequelize, subs: Submission[]): Promise<(SubmitResult | Error | undefined)[]> {
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
    return report ? presentSubmitResult(s.input.clientId, report, rev.revision, placeOfRow(report), true) : undefined;
  });
}

/** An answer as the caller of one submission takes it: the result, or the error thrown. */
export function unwrap(r: SubmitResult | Error | undefined): SubmitResult {
  if (r instanceof Error) throw r;
  if (!r) throw notStored();
  return r;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
