import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { DutiesService } from "./duties.service.ts";
import type { DutyCalendarService } from "./duty-calendar.service.ts";
import type { ScorecardService } from "./scorecard.service.ts";

export function dutiesRouter(duties: DutiesService, calendar: DutyCalendarService, scorecard: ScorecardService): Router {
  return routerFor(
    {
      "GET /api/duties/mine": async (_input, { req }) => ({ data: await duties.mine(actorOf(req)) }),
      "GET /api/duties/settings": async () => ({ data: await duties.settings() }),
      "PUT /api/duties/settings": async ({ body }, { req }) => ({ data: await calendar.putSettings(actorOf(req), body, requestContext(req)) }),
      "PUT /api/duties/officers/:officerId": async ({ params, body }, { req }) => ({
        data: await calendar.setOfficerStart(actorOf(req), params.officerId, body.owesFrom, requestContext(req)),
      }),
      "GET /api/duties/scorecard": async ({ query }, { req }) => ({ data: await scorecard.scorecard(actorOf(req), query) }),
      "GET /api/duties/scorecard/:officerId/reports": async ({ params, query }, { req }) => ({
        data: await scorecard.drilldown(actorOf(req), params.officerId, query.period),
      }),
      "GET /api/holidays": async ({ query }) => {
        const holidays = await calendar.holidays(query.year);
        return { data: holidays, page: { total: holidays.length, next: null } };
      },
      "POST /api/holidays": async ({ body }, { req }) => ({ data: await calendar.putHoliday(actorOf(req), body, requestContext(req)) }),
      "DELETE /api/holidays/:day": async ({ params }, { req }) => {
        await calendar.removeHoliday(params.day, requestContext(req));
      },
      "GET /api/leave": async ({ query }, { req }) => {
        const leave = await calendar.leave(actorOf(req), query);
        return { data: leave, page: { total: leave.length, next: null } };
      },
      "POST /api/leave": async ({ body }, { req, res }) => {
        const leave = await calendar.addLeave(actorOf(req), body, requestContext(req));
        res.status(201);
        return { data: leave };
      },
      "DELETE /api/leave/:id": async ({ params }, { req }) => {
        await calendar.removeLeave(params.id, requestContext(req));
      },
    },
    accessGuard,
  );
}
