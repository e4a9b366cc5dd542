import type { Sequelize, Transaction } from "sequelize";
import { REPORT_LIMITS, type ReviseTarget } from "@contract/reports.ts";
import type { SubmitResult } from "@contract/report-view.ts";
import { conflict, notFound } from "../core/errors.ts";
import { isDataError, sqlState, UNIQUE_VIOLATION } from "../core/data-errors.ts";
import { answerExisting, tooFarOutside, toNewReport, unstorable, unwrap, type IntakeContext, type Submission } from "./intake-submission.ts";
import { lockRevisionTarget, storeRevision, type RevisionTarget } from "./intake-revisions.repo.ts";
import { appendReportEvents } from "./report-events.repo.ts";
import { announceReportChange, logReportChange } from "./report-changes.ts";
import { placeOfRow, presentReport, presentSubmitResult } from "./reports.present.ts";
import { getRevisionsByClientIds } from "./reports.read.repo.ts";
import type { NewReport } from "./reports.repo.ts";

/**
 * Store a new revision of a report its author sent again, inside the caller's transaction: the content,
 * the submission, the event in the trail (the note it answers kept there) and the change-log entry.
 * `resubmitted` goes back to `submitted`; `amended` keeps its status and is flagged for review.
 */
export async function storeNewRevision(
  db: Sequelize,
  s: Submission,
  target: RevisionTarget,
  row: NewReport,
  outcome: "resubmitted" | "amended",
  transaction: Transaction,
) {
  const revision = target.revision + 1;
  await storeRevision(db, { reportId: target.id, revision, row, outcome }, transaction);
  const amended = outcome === "amended";
  await appendReportEvents(
    db,
    [
      {
        reportId: target.id,
        actorId: s.actor.id,
        action: amended ? "amended" : "revised",
        fromStatus: target.status,
        toStatus: amended ? target.status : "submitted",
        details: { revision, clientId: s.input.clientId, ...(target.status_note ? { answersNote: target.status_note } : {}) },
      },
    ],
    transaction,
  );
  const { row: report, change } = await logReportChange(db, target.id, amended ? "amended" : "revised", transaction);
  return { report, change, revision };
}

/** Why a revision of this report cannot be taken, or null when it can. */
function refusal(s: Submission, target: RevisionTarget | undefined, revises: ReviseTarget): Error | null {
  // Another officer's report, or none: the same answer, so ids reveal nothing.
  if (!target || target.author_id !== s.actor.id) return notFound("Report not found");
  if (target.kind !== "situation") return conflict("Only a situation report is revised this way; a periodic report is sent again for its period");
  if (target.status !== "revision_requested")
    return conflict(`This report is ${target.status}, not waiting for a revision; nothing was changed`);
  if (target.version !== revises.version)
    return conflict("The report changed since this revision was started; open it again before sending");
  return null;
}

/**
 * Situation reports sent back for revision and resent (`revises`): one at a time, like periodic reports
 * (they are rare, and change an existing row). Exactly once by the new client_id: a retry gets the
 * original answer, even after the report has moved on.
 */
export function createRevisionIntake({ db, regions, io, log }: IntakeContext) {
  function store(s: Submission, revises: ReviseTarget, row: NewReport) {
    return db.transaction(async (transaction) => {
      const target = await lockRevisionTarget(db, revises.reportId, transaction);
      // Checked under the report's lock: a concurrent retry of this submission has committed by now.
      if ((await getRevisionsByClientIds(db, [s.input.clientId], transaction)).length) return null;
      const refused = refusal(s, target, revises);
      if (refused) throw refused;
      return storeNewRevision(db, s, target!, row, "resubmitted", transaction);
    });
  }

  return async function submitRevision(s: Submission, revises: ReviseTarget): Promise<SubmitResult> {
    const [before] = await answerExisting(db, [s]);
    if (before) return unwrap(before);
    const where = await regions.locate(s.input.location.lat, s.input.location.lng, REPORT_LIMITS.outsideToleranceMeters);
    if (!where) throw tooFarOutside();

    const done = await store(s, revises, toNewReport(s, where)).catch((err: unknown) => {
      // The client_id taken meanwhile by another submission (a new report's, a periodic revision's).
      if (sqlState(err) === UNIQUE_VIOLATION) return null;
      if (!isDataError(err)) throw err;
      log?.warn({ err, clientId: s.input.clientId }, "revision refused by the database");
      throw unstorable();
    });
    if (!done) return unwrap((await answerExisting(db, [s]))[0]);
    announceReportChange(io, "report:updated", done.change, () => presentReport(done.report), s.origin);
    return presentSubmitResult(s.input.clientId, done.report, done.revision, placeOfRow(done.report), false);
  };
}
