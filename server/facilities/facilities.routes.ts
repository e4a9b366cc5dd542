import express, { type Router } from "express";
import { FACILITY_LIMITS, ImportFacilitiesInput } from "@contract/facilities.ts";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { accessGuard, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import { parseInput } from "../core/validate.ts";
import type { FacilitiesService } from "./facilities.service.ts";

/**
 * The public list changes whenever an admin edits: browsers revalidate each time (the ETag Express puts
 * on every JSON answer gives a 304 while nothing changed), so an edit shows at once, and costs nothing when
 * nothing changed.
 */
const LIST_CACHE = "no-cache";
/** A photo can be replaced under the same URL: minutes of caching, not longer. */
const PHOTO_CACHE = "public, max-age=300";

/** Admins keep facilities: list, add, edit, delete, photo, CSV import. */
export function facilitiesRouter(facilities: FacilitiesService): Router {
  return routerFor(
    {
      "GET /api/facilities": async ({ query }) => {
        const { facilities: list, total } = await facilities.list(query);
        const end = query.offset + list.length;
        return { data: list, page: { total, next: end < total ? String(end) : null } };
      },
      "POST /api/facilities": async ({ body }, { req, res }) => {
        const created = await facilities.create(requestContext(req), body);
        res.status(201);
        return { data: created };
      },
      /** Before `/:id`, which would take "import" for an id. */
      "POST /api/facilities/import": {
        // The raw CSV (`text/csv`) or JSON `{ csv, dryRun }`: a spreadsheet export posts as it is, a form as JSON.
        before: [express.text({ type: ["text/csv", "text/plain", "application/csv"], limit: FACILITY_LIMITS.importCharsMax * 2 })],
        rawBody: true,
        handle: async ({ query }, { req }) => {
          const input = typeof req.body === "string" ? { csv: req.body, dryRun: query.dryRun } : parseInput(ImportFacilitiesInput, req.body);
          return { data: await facilities.importCsv(requestContext(req), input.csv, input.dryRun || query.dryRun) };
        },
      },
      "PATCH /api/facilities/:id": async ({ params, body }, { req }) => ({ data: await facilities.update(requestContext(req), params.id, body) }),
      "DELETE /api/facilities/:id": async ({ params }, { req }) => {
        await facilities.remove(requestContext(req), params.id);
      },
      "PUT /api/facilities/:id/photo": {
        before: [express.raw({ type: () => true, limit: REPORT_LIMITS.photoBytesMax })],
        handle: async ({ params }, { req }) => {
          const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          return { data: await facilities.putPhoto(requestContext(req), params.id, bytes) };
        },
      },
    },
    accessGuard,
  );
}

/** Active facilities for anyone, no login: mounted before the session, so no session is made for a visitor. */
export function publicFacilitiesRouter(facilities: FacilitiesService): Router {
  return routerFor(
    {
      "GET /api/public/facilities": async ({ query }, { res }) => {
        res.setHeader("Cache-Control", LIST_CACHE);
        return { data: await facilities.listPublic(query) };
      },
      "GET /api/public/facilities/:id/photo": async ({ params }, { res }) => {
        const file = await facilities.publicPhotoFile(params.id);
        res.setHeader("Cache-Control", PHOTO_CACHE);
        res.type("image/webp").sendFile(file);
      },
    },
    accessGuard,
  );
}
