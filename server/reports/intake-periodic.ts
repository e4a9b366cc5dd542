import { AMENDABLE_STATUSES, REPORT_LIMITS } from "@contract/reports.ts";
import type { SubmitResult } from "@contract/report-view.ts";
import { isDataError, sqlState, UNIQUE_VIOLATION } from "../core/data-errors.ts";
import { answerExisting, tooFarOutside, toNewReport, unstorable, unwrap, type IntakeContext, type Submission } from "./intake-submission.ts";
import { storeNewRevision } from "./intake-revision.ts";
import { lockPeriodicRevisionTarget } from "./intake-revisions.repo.ts";
import { announceReportChange, logReportChange } from "./report-changes.ts";
import { placeOfRow, presentReport, presentSubmitResult } from "./reports.present.ts";
import { getRevisionsByClientIds } from "./reports.read.repo.ts";
import { insertReports, lockAuthorPeriod, type NewReport } from "./reports.repo.ts";

/**
 * Daily, weekly and monthly reports, one at a time (they are rare): an officer has one report per period,
 * so a second one for the same period is a new revision of it. A revision goes back to `submitted`,
 * except that of a verified (or published) report: that is an amendment, which keeps the status and is
 * flagged for a verifier to review, instead of silently undoing the verification.
 */
export function createPeriodicIntake({ db, regions, io, log }: IntakeContext) {
  /** The report or its new revision, in one transaction; null when its client_id is taken. */
  function store(s: Submission, row: NewReport) {
    const { clientId } = s.input;
    const period = { authorId: s.actor.id, kind: row.kind, period: row.period! };
    return db.transaction(async (transaction) => {
      await lockAuthorPeriod(db, period, transaction);
      if ((await getRevisionsByClientIds(db, [clientId], transaction)).length) return null;
      const current = await lockPeriodicRevisionTarget(db, period, transaction);
      if (current) {
        const outcome = AMENDABLE_STATUSES.includes(current.status) ? "amended" : "resubmitted";
        return { ...(await storeNewRevision(db, s, current, row, outcome, transaction)), revised: true };
      }
      // The period lock does not cover one client_id sent for two periods at once: the loser inserts nothing.
      // A new report gets its `submitted` event from insertReports itself.
      const [inserted] = await insertReports(db, [row], transaction);
      if (!inserted) return null;
      const { row: report, change } = await logReportChange(db, inserted.id, "created", transaction);
      return { report, change, revision: 1, revised: false };
    });
  }

  return async function submitPeriodic(s: Submission): Promise<SubmitResult> {
    const [before] = await answerExisting(db, [s]);
    if (before) return unwrap(before);
    const where = await regions.locate(s.input.location.lat, s.input.location.lng, REPORT_LIMITS.outsideToleranceMeters);
    if (!where) throw tooFarOutside();
    const { clientId } = s.input;

    const done = await store(s, toNewReport(s, where)).catch((err: unknown) => {
      // The client_id's revision row, taken by a concurrent submission that committed first.
      if (sqlState(err) === UNIQUE_VIOLATION) return null;
      if (!isDataError(err)) throw err;
      log?.warn({ err, clientId }, "report refused by the database");
      throw unstorable();
    });
    // null: this client_id was stored meanwhile (a retry, or the same id sent for another period at once).
    if (!done) return unwrap((await answerExisting(db, [s]))[0]);
    const { report, change } = done;
    announceReportChange(io, done.revised ? "report:updated" : "report:created", change, () => presentReport(report), s.origin);
    return presentSubmitResult(clientId, report, done.revision, placeOfRow(report), false);
  };
}
