import sharp from "sharp";
import type { TestApp } from "./test-app.ts";
import { api, createAccount, login } from "./accounts.ts";

type Answer = { status: number; body: unknown };

/** A news item of its own, made by a new admin; published when asked. */
async function newsItem(t: TestApp, status: "draft" | "published" = "draft") {
  const admin = await login(t, await createAccount(t, "admin"));
  const res = await api(t, "POST", "/api/news", { cookie: admin, body: { title: `Uji kontrak ${Date.now().toString(36)}`, body: "**Isi**", status } });
  const item = (res.body as { data: { id: string; slug: string; version: number } }).data;
  return { admin, ...item };
}

/** One success each for the news routes the access matrix only sees refused or not found (issue 14). */
export const NEWS_SUCCESSES: Record<string, (t: TestApp) => Promise<Answer>> = {
  "GET /api/news/:id": async (t) => {
    const { admin, id } = await newsItem(t);
    return api(t, "GET", `/api/news/${id}`, { cookie: admin });
  },
  "PATCH /api/news/:id": async (t) => {
    const { admin, id, version } = await newsItem(t);
    return api(t, "PATCH", `/api/news/${id}`, { cookie: admin, body: { version, summary: "Ringkasan" } });
  },
  "DELETE /api/news/:id": async (t) => {
    const { admin, id } = await newsItem(t);
    return api(t, "DELETE", `/api/news/${id}`, { cookie: admin });
  },
  "PUT /api/news/:id/cover": async (t) => {
    const { admin, id } = await newsItem(t);
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 60 } } }).jpeg().toBuffer();
    const res = await fetch(`${t.baseUrl}/api/news/${id}/cover`, { method: "PUT", headers: { "content-type": "image/jpeg", cookie: admin }, body: new Uint8Array(photo) });
    return { status: res.status, body: await res.json() };
  },
  "GET /api/public/news/:slug": async (t) => {
    const { slug } = await newsItem(t, "published");
    return api(t, "GET", `/api/public/news/${slug}`);
  },
};
