import express, { type Router } from "express";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { accessGuard, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { NewsService } from "./news.service.ts";

/** Admins' news desk: list, write, preview, schedule, publish, unpublish, delete, cover. */
export function newsRouter(news: NewsService): Router {
  return routerFor(
    {
      "GET /api/news": async ({ query }) => {
        const { items, total } = await news.list(query);
        const next = query.offset + items.length < total ? String(query.offset + items.length) : null;
        return { data: items, page: { total, next } };
      },
      "POST /api/news": async ({ body }, { req, res }) => {
        res.status(201);
        return { data: await news.create(requestContext(req), body) };
      },
      "POST /api/news/preview": ({ body }) => ({ data: news.preview(body.body) }),
      "GET /api/news/:id": async ({ params }) => ({ data: await news.get(params.id) }),
      "PATCH /api/news/:id": async ({ params, body }, { req }) => ({ data: await news.update(requestContext(req), params.id, body) }),
      "DELETE /api/news/:id": async ({ params }, { req }) => {
        await news.remove(requestContext(req), params.id);
      },
      // Same door as report photos: raw bytes up to the photo limit, the type read from the bytes.
      "PUT /api/news/:id/cover": {
        before: [express.raw({ type: () => true, limit: REPORT_LIMITS.photoBytesMax })],
        handle: async ({ params }, { req }) => {
          const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          return { data: await news.putCover(requestContext(req), params.id, bytes) };
        },
      },
      "GET /api/news/:id/cover": async ({ params }, { res }) => {
        const file = await news.coverFile(params.id);
        res.setHeader("Cache-Control", "private, no-cache");
        res.type("image/webp").sendFile(file);
      },
    },
    accessGuard,
  );
}
