import express, { Router } from "express";
import { z } from "zod";
import { ChangeStatusInput, REPORT_LIMITS, ReportListQuery, Sha256Hex } from "@contract/reports.ts";
import { actorOf, authorize } from "../auth/auth.middleware.ts";
import { parseInput } from "../core/validate.ts";
import type { ReportIntake } from "./intake.ts";
import type { ReportsService } from "./reports.service.ts";
import type { StatusService } from "./status.service.ts";
import type { ChangesService } from "../changes/changes.service.ts";

const IdParam = z.object({ id: z.string().uuid("not a report id") });
const PhotoParams = IdParam.extend({ sha256: Sha256Hex });

export function reportsRouter(intake: ReportIntake, reports: ReportsService, status: StatusService, changes: ChangesService): Router {
  const router = Router();

  /** REST door of intake (the socket's `report:submit` is the other): 201 new, 200 a repeat. */
  router.post("/api/reports", authorize("report.submit"), async (req, res) => {
    const result = await intake.submit(actorOf(req), req.body);
    res.status(result.duplicate ? 200 : 201).json({ data: result });
  });

  router.get("/api/reports", authorize("report.list"), async (req, res) => {
    const query = parseInput(ReportListQuery, req.query);
    // Read before the list: everything up to this seq is in the list, so a live client resumes from it
    // (anything committed in between may arrive twice, and clients drop it by id and version).
    const seq = await changes.lastSeq();
    res.json({ data: await reports.list(actorOf(req), query), lastSeq: seq });
  });

  router.get("/api/reports/:id", authorize("report.list"), async (req, res) => {
    res.json({ data: await reports.get(actorOf(req), parseInput(IdParam, req.params).id) });
  });

  /** A verifier's decision: verified, rejected or revision requested (see ChangeStatusInput). */
  router.post("/api/reports/:id/status", authorize("report.verify"), async (req, res) => {
    const { id } = parseInput(IdParam, req.params);
    res.json({ data: await status.change(actorOf(req), id, parseInput(ChangeStatusInput, req.body)) });
  });

  router.put(
    "/api/reports/:id/photos/:sha256",
    authorize("report.submit"),
    express.raw({ type: () => true, limit: REPORT_LIMITS.photoBytesMax }),
    async (req, res) => {
      const { id, sha256 } = parseInput(PhotoParams, req.params);
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const result = await reports.putPhoto(actorOf(req), id, sha256, bytes);
      res.status(result.created ? 201 : 200).json({ data: result });
    },
  );

  router.get("/api/reports/:id/photos/:sha256", authorize("report.list"), async (req, res) => {
    const { id, sha256 } = parseInput(PhotoParams, req.params);
    const file = await reports.photoPath(actorOf(req), id, sha256);
    res.setHeader("Cache-Control", "private, max-age=86400");
    res.type("image/jpeg").sendFile(file);
  });

  return router;
}
