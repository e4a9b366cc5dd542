import { REPORT_LIMITS, type Kerawanan } from "@contract/reports.ts";
import type { SubmitResult } from "@contract/report-view.ts";
import { writeIsolating } from "../core/data-errors.ts";
import type { Located } from "../regions/regions.service.ts";
import { answerExisting, notStored, tooFarOutside, toNewReport, unstorable, type IntakeContext, type Submission } from "./intake-submission.ts";
import { announceReportChange } from "./report-changes.ts";
import { presentSubmitResult, presentSubmittedReport } from "./reports.present.ts";
import { commitSituationReports, type NewReport } from "./reports.repo.ts";

/** A situation report as committed, for what follows the commit (notifications/ tells its verifiers). */
export interface CreatedSituation {
  id: string;
  number: string;
  perihal: string;
  kerawanan: Kerawanan;
  kecamatan: { kode: string; nama: string };
}

/**
 * Situation reports that arrived together (see MicroBatcher): one statement and one commit for the group,
 * then every answer and every `report:created`. Each submission gets its own outcome, by position.
 */
export function createSituationFlush({ db, regions, io, log }: IntakeContext, onCreated?: (reports: CreatedSituation[]) => void) {
  return async function flushSituations(items: Submission[]): Promise<(SubmitResult | Error)[]> {
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

    // Answers and views come from what was sent plus what the statement returned, not from a read back.
    for (const c of committed) {
      const leader = leaderOf.get(c.client_id)!;
      const { actor, input, origin } = items[leader]!;
      const where = placeOf.get(c.client_id)!;
      const change = { seq: c.seq, at: c.at, kind: "created", reportId: c.id, kecamatanKode: where.kecamatan.kode, authorId: actor.id };
      announceReportChange(io, "report:created", change, () => presentSubmittedReport(input, actor.id, where, c), origin);
      out[leader] = presentSubmitResult(c.client_id, c, c.revision, where, false);
    }
    // One call for the group after its commit; the callee queues its work and returns, and nothing it
    // does can fail the group's answers.
    if (committed.length && onCreated) {
      const created = committed.map((c) => {
        const { input } = items[leaderOf.get(c.client_id)!]!;
        return { id: c.id, number: c.number, perihal: input.perihal, kerawanan: input.kerawanan, kecamatan: placeOf.get(c.client_id)!.kecamatan };
      });
      try {
        onCreated(created);
      } catch (err) {
        log?.error({ err }, "after-intake hook failed");
      }
    }

    // Everything else: followers, retries of earlier submissions, races lost to another batch, outsiders.
    const open = items.flatMap((s, i) => (out[i] === undefined ? [i] : []));
    const answers = await answerExisting(db, open.map((i) => items[i]!));
    open.forEach((i, k) => {
      const leader = leaderOf.get(items[i]!.input.clientId)!;
      out[i] =
        answers[k] ??
        (outside.has(leader) ? tooFarOutside() : undefined) ??
        (leader !== i ? out[leader] : undefined) ??
        notStored();
    });
    return out as (SubmitResult | Error)[];
  };
}
