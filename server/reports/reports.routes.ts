import express, { type Router } from "express";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { ReportIntake } from "./intake.ts";
import type { ReportsService } from "./reports.service.ts";
import type { StatusService } from "./status.service.ts";
import type { ChangesService } from "../changes/changes.service.ts";
import type { QueueService } from "./queue.service.ts";
import type { QueueClaim } from "@contract/claims.ts";
import type { Actor } from "../auth/permissions.ts";

/** Who holds which of the listed reports (the claims service's `liveOn`). */
export type ClaimsOnList = (actor: Actor, reportIds: string[]) => Promise<QueueClaim[]>;

export function reportsRouter(
  intake: ReportIntake,
  reports: ReportsService,
  status: StatusService,
  changes: ChangesService,
  queue: QueueService,
  claimsOn: ClaimsOnList,
): Router {
  return routerFor(
    {
      /** REST door of intake (the socket's `report:submit` is the other): 201 new, 200 a repeat. */
      "POST /api/reports": {
        rawBody: true,
        handle: async (_input, { req, res }) => {
          const result = await intake.submit(actorOf(req), req.body);
          res.status(result.duplicate ? 200 : 201);
          return { data: result };
        },
      },

      "GET /api/reports": async ({ query }, { req }) => {
        // Read before the list: everything up to this seq is in the list, so a live client resumes from it
        // (anything committed in between may arrive twice, and clients drop it by id and version).
        const seq = await changes.lastSeq();
        const { reports: list, next } = await queue.list(actorOf(req), query);
        const claims = await claimsOn(actorOf(req), list.map((r) => r.id));
        return { data: list, page: { total: null, next, seq }, claims };
      },

      // Before `/:id`, which would take "counts" for an id.
      "GET /api/reports/counts": async ({ query }, { req }) => ({ data: await queue.counts(actorOf(req), query) }),

      "GET /api/reports/:id": async ({ params }, { req }) => ({ data: await reports.get(actorOf(req), params.id) }),

      /** A verifier's decision: verified, rejected or revision requested (see ChangeStatusInput). */
      "POST /api/reports/:id/status": async ({ params, body }, { req }) => ({ data: await status.change(actorOf(req), params.id, body, requestContext(req)) }),

      "PUT /api/reports/:id/photos/:sha256": {
        before: [express.raw({ type: () => true, limit: REPORT_LIMITS.photoBytesMax })],
        handle: async ({ params }, { req, res }) => {
          const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const result = await reports.putPhoto(actorOf(req), params.id, params.sha256, bytes);
          res.status(result.created ? 201 : 200);
          return { data: result };
        },
      },

      "GET /api/reports/:id/photos/:sha256": async ({ params }, { req, res }) => {
        const file = await reports.photoPath(actorOf(req), params.id, params.sha256);
        res.setHeader("Cache-Control", "private, max-age=86400");
        res.type("image/jpeg").sendFile(file);
      },
    },
    accessGuard,
  );
}
