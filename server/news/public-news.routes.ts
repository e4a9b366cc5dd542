import type { Router } from "express";
import { accessGuard } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { NewsService } from "./news.service.ts";

/** Lists change when an item is published, scheduled in or withdrawn: browsers revalidate (ETag, 304). */
const LIST_CACHE = "no-cache";
/**
 * A cover never changes under its `?v=` id, but must stop being served once its item is withdrawn:
 * caches may keep it for minutes, not longer.
 */
const COVER_CACHE = "public, max-age=300";

/** Published news for anyone, no login: mounted before the session, so no session is made for a visitor. */
export function publicNewsRouter(news: NewsService): Router {
  return routerFor(
    {
      "GET /api/public/news": async ({ query }, { res }) => {
        const { items, next } = await news.publicList(query);
        res.setHeader("Cache-Control", LIST_CACHE);
        return { data: items, page: { total: null, next } };
      },
      "GET /api/public/news/:slug": async ({ params }, { res }) => {
        const article = await news.publicArticle(params.slug);
        res.setHeader("Cache-Control", LIST_CACHE);
        return { data: article };
      },
      "GET /api/public/news/:id/cover": async ({ params }, { res }) => {
        const file = await news.publicCoverFile(params.id);
        res.setHeader("Cache-Control", COVER_CACHE);
        res.type("image/webp").sendFile(file);
      },
    },
    accessGuard,
  );
}
