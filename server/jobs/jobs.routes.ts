import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { JobsService } from "./jobs.service.ts";

export function jobsRouter(jobs: JobsService): Router {
  return routerFor(
    {
      "GET /api/jobs": async () => ({ data: await jobs.list() }),
      "GET /api/jobs/runs": async ({ query }) => {
        const runs = await jobs.runs(query.job ?? null, query.limit);
        return { data: runs, page: { total: null, next: null } };
      },
      /** Answers 202 as soon as the run has its lease; the run goes on, followed over `job:progress`. */
      "POST /api/jobs/:name/run": async ({ params, body }, { req, res }) => {
        const { started } = await jobs.runNow(params.name, body.period, "manual", actorOf(req).id, requestContext(req));
        res.status(202);
        return { data: started };
      },
    },
    accessGuard,
  );
}
