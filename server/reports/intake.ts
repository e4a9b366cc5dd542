import type { Logger } from "pino";
import type { Sequelize } from "sequelize";
import { SubmitReportInput } from "@contract/reports.ts";
import type { SubmitResult } from "@contract/report-view.ts";
import type { Actor } from "../auth/permissions.ts";
import type { SubCategoriesService } from "../sub-categories/sub-categories.service.ts";
import { invalid } from "../core/errors.ts";
import type { IoServer } from "../core/io.ts";
import { MicroBatcher } from "../core/micro-batcher.ts";
import { parseInput } from "../core/validate.ts";
import type { RegionsService } from "../regions/regions.service.ts";
import { createPeriodicIntake } from "./intake-periodic.ts";
import { createRevisionIntake } from "./intake-revision.ts";
import { createSituationFlush, type CreatedSituation } from "./intake-situations.ts";
import type { Submission } from "./intake-submission.ts";

export interface IntakeDeps {
  db: Sequelize;
  regions: RegionsService;
  subCategories: SubCategoriesService;
  io: IoServer;
  /** Grouping window and size for situation reports (see MicroBatcher). */
  batch?: { maxWaitMs: number; maxSize: number; maxConcurrent: number };
  log?: Logger;
  /** After each group of situation reports commits (notifications/ tells their verifiers); must return at once. */
  onCreated?: (reports: CreatedSituation[]) => void;
}

/**
 * Intake: one service behind both doors (Socket.IO `report:submit` and REST `POST /api/reports`).
 * Exactly once by client_id; the answer is given only after the commit, so an acked report is durable.
 * Situation reports arriving together share one INSERT and one commit (intake-situations.ts); periodic
 * reports (rare, and revising an existing row) go one by one under a per-period lock (intake-periodic.ts),
 * and so do situation reports resent after a verifier asked for a revision (`revises`, intake-revision.ts).
 */
export function createReportIntake(deps: IntakeDeps) {
  const { db, regions, io, log } = deps;
  const context = { db, regions, io, log };
  const submitPeriodic = createPeriodicIntake(context);
  const submitRevision = createRevisionIntake(context);
  // Two groups in flight: one commits while the next is sent. More would only wait on the change-log lock
  // (held to each commit) and make every group smaller, which costs more per report (bench/intake).
  const batcher = new MicroBatcher<Submission, SubmitResult>(
    createSituationFlush(context, deps.onCreated),
    deps.batch ?? { maxWaitMs: 2, maxSize: 250, maxConcurrent: 2 },
  );

  async function submit(actor: Actor, raw: unknown, origin?: { socketId: string }): Promise<SubmitResult> {
    const input = parseInput(SubmitReportInput, raw);
    if (input.kind === "situation" && !(await deps.subCategories.isKnown(input.bidang, input.subCategory)))
      throw invalid("Input is not valid", { subCategory: `not a sub-category of ${input.bidang}` });
    const submission = { actor, input, origin: origin?.socketId };
    if (input.kind !== "situation") return submitPeriodic(submission);
    return input.revises ? submitRevision(submission, input.revises) : batcher.submit(submission);
  }

  return { submit };
}

export type ReportIntake = ReturnType<typeof createReportIntake>;
