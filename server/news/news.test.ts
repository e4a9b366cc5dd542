import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PUBLIC_NEWS_ARTICLE_KEYS, PUBLIC_NEWS_ITEM_KEYS } from "@contract/news.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, useAccount } from "../test/accounts.ts";
import { NEWS_RENDERER_VERSION } from "./markdown.ts";

const t = useTestApp();
const admin = useAccount(t, "admin");
const otherAdmin = useAccount(t, "admin");
const officer = useAccount(t, "officer");
const guest = useAccount(t, "guest");

/** Titles of this file's own, so nothing here depends on what other suites put in the shared table. */
const tag = () => `Uji berita ${randomUUID().slice(0, 8)}`;

async function create(body: Record<string, unknown>, cookie = admin.cookie) {
  const res = await api(t, "POST", "/api/news", { cookie, body: { title: tag(), ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; slug: string; version: number; status: string; publishAt: string | null; bodyHtml: string };
}

const patch = (id: string, body: Record<string, unknown>, cookie = admin.cookie) => api(t, "PATCH", `/api/news/${id}`, { cookie, body });
const publicArticle = (slug: string) => api(t, "GET", `/api/public/news/${slug}`);

async function auditOf(id: string): Promise<string[]> {
  const rows = await t.db.sequelize.query<{ action: string }>(`SELECT action FROM audit_log WHERE target_type = 'news' AND target_id = :id ORDER BY id`, {
    replacements: { id },
    type: QueryTypes.SELECT,
  });
  return rows.map((r) => r.action);
}

describe("news: writing", () => {
  it("creates a draft with a slug from the title, edits it with the version seen, and deletes it, each audited", async () => {
    const title = `${tag()} — Rapat Koordinasi FKDM`;
    const created = await create({ title, summary: "Ringkas", body: "# Judul\n\nIsi **tebal**." });
    expect(created).toMatchObject({ status: "draft", version: 1, publishAt: null });
    expect(created.slug).toMatch(/^uji-berita-[a-z0-9]+-rapat-koordinasi-fkdm$/);
    expect(created.bodyHtml).toBe("<h1>Judul</h1>\n<p>Isi <strong>tebal</strong>.</p>\n");

    const edited = await patch(created.id, { version: 1, body: "Isi baru", summary: "" });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ version: 2, body: "Isi baru", bodyHtml: "<p>Isi baru</p>\n", summary: null, slug: created.slug });

    const listed = await api(t, "GET", "/api/news?status=draft&limit=50", { cookie: admin.cookie });
    expect(listed.status).toBe(200);
    expect(listed.body.page.total).toBeGreaterThanOrEqual(1);

    expect((await api(t, "DELETE", `/api/news/${created.id}`, { cookie: admin.cookie })).status).toBe(204);
    expect((await api(t, "GET", `/api/news/${created.id}`, { cookie: admin.cookie })).status).toBe(404);
    expect(await auditOf(created.id)).toEqual(["news.created", "news.updated", "news.deleted"]);
  });

  it("refuses a stale version with 409 and keeps the other admin's change", async () => {
    const { id } = await create({ body: "awal" });
    expect((await patch(id, { version: 1, body: "dari admin pertama" })).status).toBe(200);
    const stale = await patch(id, { version: 1, body: "dari admin kedua" }, otherAdmin.cookie);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed by someone else/);
    expect((await api(t, "GET", `/api/news/${id}`, { cookie: admin.cookie })).body.data.body).toBe("dari admin pertama");
  });

  it("makes slugs unique with -2, -3 and refuses a taken slug on edit with 409", async () => {
    const title = tag();
    const [a, b, c] = [await create({ title }), await create({ title }), await create({ title })];
    expect([b.slug, c.slug]).toEqual([`${a.slug}-2`, `${a.slug}-3`]);
    expect((await patch(c.id, { version: 1, slug: a.slug })).status).toBe(409);
  });

  it("gives two admins saving one title at the same moment each a slug of their own", async () => {
    const title = tag();
    const saved = await Promise.all([admin, otherAdmin, admin, otherAdmin].map((who) => create({ title }, who.cookie)));
    const base = saved.map((n) => n.slug).sort()[0]!;
    expect(saved.map((n) => n.slug).sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`]);
  });

  it("answers bad input with 400 naming the field, and unknown items with 404", async () => {
    const bad = async (body: unknown, field: string) => {
      const res = await api(t, "POST", "/api/news", { cookie: admin.cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {}), JSON.stringify(res.body)).toContain(field);
    };
    await bad({ body: "tanpa judul" }, "title");
    await bad({ title: "   " }, "title");
    await bad({ title: tag(), status: "scheduled" }, "publishAt");
    await bad({ title: tag(), status: "scheduled", publishAt: "2020-01-01T00:00:00Z" }, "publishAt");
    await bad({ title: tag(), status: "published", publishAt: "2090-01-01T00:00:00Z" }, "publishAt");
    await bad({ title: tag(), status: "archived" }, "status");
    await bad({ title: tag(), author: "x" }, "_");
    await bad({ title: tag(), body: "x".repeat(50_001) }, "body");
    const { id } = await create({});
    expect((await patch(id, { body: "tanpa versi" })).status).toBe(400);
    expect((await patch(id, { version: 1, slug: "Bukan Slug!" })).status).toBe(400);
    expect((await api(t, "GET", "/api/news/bukan-uuid", { cookie: admin.cookie })).status).toBe(400);
    const nobody = randomUUID();
    expect((await patch(nobody, { version: 1 })).status).toBe(404);
    expect((await api(t, "DELETE", `/api/news/${nobody}`, { cookie: admin.cookie })).status).toBe(404);
    expect((await publicArticle("tidak-ada-berita-semacam-ini")).status).toBe(404);
    expect((await publicArticle("BUKAN_slug")).status).toBe(400);
    expect((await api(t, "GET", "/api/public/news?limit=500")).status).toBe(400);
    expect((await api(t, "GET", "/api/public/news?cursor=abc")).status).toBe(400);
    expect((await api(t, "GET", "/api/public/news?status=draft")).status).toBe(400);
  });

  it("lets only admins write: officers and guests get 403, anonymous 401", async () => {
    const { id } = await create({});
    for (const [cookie, status] of [
      [officer.cookie, 403],
      [guest.cookie, 403],
      [undefined, 401],
    ] as const) {
      expect((await api(t, "POST", "/api/news", { cookie, body: { title: tag() } })).status).toBe(status);
      expect((await api(t, "PATCH", `/api/news/${id}`, { cookie, body: { version: 1, title: "diubah" } })).status).toBe(status);
      expect((await api(t, "DELETE", `/api/news/${id}`, { cookie })).status).toBe(status);
      expect((await api(t, "GET", `/api/news/${id}`, { cookie })).status).toBe(status);
      expect((await api(t, "POST", "/api/news/preview", { cookie, body: { body: "x" } })).status).toBe(status);
      const cover = await fetch(`${t.baseUrl}/api/news/${id}/cover`, { method: "PUT", headers: { "content-type": "image/jpeg", ...(cookie ? { cookie } : {}) }, body: new Uint8Array(8) });
      expect(cover.status).toBe(status);
    }
    expect((await api(t, "GET", `/api/news/${id}`, { cookie: admin.cookie })).body.data).toMatchObject({ version: 1, status: "draft" });
  });
});

describe("news: what the public sees", () => {
  it("serves Markdown with <script>, javascript: links and onerror inert to anyone", async () => {
    const body = [
      "<script>window.__xss = 1</script>",
      "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](  javascript:alert(1)) [d](data:text/html;base64,PHNjcmlwdD4=)",
      "<img src=x onerror=alert(1)>",
      "![e](data:image/png;base64,AAAA) [aman](https://balangankab.go.id)",
    ].join("\n\n");
    const { slug } = await create({ body, status: "published" });
    const res = await publicArticle(slug);
    expect(res.status).toBe(200);
    const html: string = res.body.data.bodyHtml;
    expect(html).not.toMatch(/<script/i);
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls).toEqual(["https://balangankab.go.id"]);
    expect(html).toContain("&lt;script&gt;window.__xss = 1&lt;/script&gt;");
  });

  it("answers exactly the allow-listed keys, and only for published items", async () => {
    const draft = await create({ body: "rahasia dapur" });
    const published = await create({ summary: "Untuk umum", body: "Isi", status: "published" });
    expect((await publicArticle(draft.slug)).status).toBe(404);
    const article = (await publicArticle(published.slug)).body.data;
    expect(Object.keys(article).sort()).toEqual([...PUBLIC_NEWS_ARTICLE_KEYS].sort());
    expect(Object.keys(article).sort()).toEqual(["bodyHtml", "cover", "id", "publishedAt", "slug", "summary", "title"]);
    expect(article.publishedAt).toBe(published.publishAt);

    const list = await api(t, "GET", "/api/public/news?limit=50");
    expect(list.status).toBe(200);
    for (const item of list.body.data) expect(Object.keys(item).sort()).toEqual([...PUBLIC_NEWS_ITEM_KEYS].sort());
    const ids = list.body.data.map((i: { id: string }) => i.id);
    expect(ids).not.toContain(draft.id);
  });

  it("shows a scheduled item only once its time has come", async () => {
    // Far enough ahead that a slow save (PGlite on a busy machine) still finds it in the future.
    const at = new Date(Date.now() + 4_000).toISOString();
    const item = await create({ status: "scheduled", publishAt: at });
    expect(item.status).toBe("scheduled");
    expect((await publicArticle(item.slug)).status).toBe(404);
    await new Promise((r) => setTimeout(r, Date.parse(at) - Date.now() + 200));
    const res = await publicArticle(item.slug);
    expect(res.status).toBe(200);
    expect(res.body.data.publishedAt).toBe(at);
    expect((await api(t, "GET", `/api/news/${item.id}`, { cookie: admin.cookie })).body.data.status).toBe("published");
  });

  it("unpublishes back to draft: gone from the public article, list and cover", async () => {
    const item = await create({ status: "published" });
    const cover = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#356" } }).png().toBuffer();
    const put = await fetch(`${t.baseUrl}/api/news/${item.id}/cover`, { method: "PUT", headers: { "content-type": "image/png", cookie: admin.cookie }, body: new Uint8Array(cover) });
    expect(put.status).toBe(200);
    const { version } = ((await put.json()) as { data: { version: number } }).data;
    expect((await api(t, "GET", `/api/public/news/${item.id}/cover`)).status).toBe(200);

    const res = await patch(item.id, { version, status: "draft" });
    expect(res.body.data.status).toBe("draft");
    expect((await publicArticle(item.slug)).status).toBe(404);
    expect((await api(t, "GET", `/api/public/news/${item.id}/cover`)).status).toBe(404);
    expect((await api(t, "GET", `/api/news/${item.id}/cover`, { cookie: admin.cookie })).status).toBe(200);
    expect(await auditOf(item.id)).toEqual(["news.created", "news.cover_changed", "news.unpublished"]);
  });

  it("pages the public list newest first with a cursor", async () => {
    // Dates no other suite uses, and a cursor just above the newest, so the pages hold only these items.
    // Somewhere in 2003, to the millisecond: a rerun on a kept database lands minutes apart from the last.
    const base = Date.UTC(2003, 0, 1) + Math.floor(Math.random() * 300 * 86_400_000);
    const items = [];
    for (const minutesBack of [0, 1, 2]) items.push(await create({ status: "published", publishAt: new Date(base - minutesBack * 60_000).toISOString() }));
    const cursor = `${base + 1}.ffffffff-ffff-4fff-bfff-ffffffffffff`;
    const first = await api(t, "GET", `/api/public/news?limit=2&cursor=${cursor}`);
    expect(first.body.data.map((i: { id: string }) => i.id)).toEqual([items[0]!.id, items[1]!.id]);
    expect(first.body.page.next).toBe(`${base - 60_000}.${items[1]!.id}`);
    const second = await api(t, "GET", `/api/public/news?limit=2&cursor=${first.body.page.next}`);
    expect(second.body.data[0].id).toBe(items[2]!.id);
  });
});

describe("news: cover", () => {
  it("stores an upload re-encoded as WebP without EXIF, refusing what is not an image", async () => {
    const { id } = await create({ status: "published" });
    const photo = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#a52" } })
      .jpeg()
      .withExif({ IFD0: { Artist: "Petugas Rahasia" }, IFD3: { GPSLatitudeRef: "S", GPSLatitude: "2/1 19/1 18/1" } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const put = await fetch(`${t.baseUrl}/api/news/${id}/cover`, { method: "PUT", headers: { "content-type": "image/jpeg", cookie: admin.cookie }, body: new Uint8Array(photo) });
    expect(put.status).toBe(200);
    const { cover } = ((await put.json()) as { data: { cover: { url: string; width: number; height: number } } }).data;
    expect(cover).toMatchObject({ width: 1600, height: 800 });

    const served = await fetch(`${t.baseUrl}/api/public/news/${id}/cover`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1600, height: 800 });
    expect(meta.exif).toBeUndefined();

    const upload = (body: Uint8Array<ArrayBuffer>, type = "image/jpeg") =>
      fetch(`${t.baseUrl}/api/news/${id}/cover`, { method: "PUT", headers: { "content-type": type, cookie: admin.cookie }, body });
    expect((await upload(new TextEncoder().encode("<svg onload=alert(1)>"), "image/svg+xml")).status).toBe(415);
    expect((await upload(new Uint8Array(0))).status).toBe(400);
    expect((await upload(new Uint8Array(11 * 1024 * 1024))).status).toBe(413);
    expect((await api(t, "PUT", `/api/news/${randomUUID()}/cover`, { cookie: admin.cookie })).status).toBe(404);
  });
});

describe("news: preview", () => {
  it("renders a body by the same rules as a save", async () => {
    const res = await api(t, "POST", "/api/news/preview", { cookie: admin.cookie, body: { body: "**a** [x](javascript:alert(1))" } });
    expect(res.body.data.html).toBe("<p><strong>a</strong> [x](javascript:alert(1))</p>\n");
  });
});

describe("news: the renderer's version", () => {
  it("renders again, at start, what an older renderer stored, leaving the item's version and text alone", async () => {
    const item = await create({ body: "Isi <script>alert(1)</script> dan [tautan](javascript:alert(1))." });
    expect(item.bodyHtml).not.toContain("<script");
    // As an older, unsafe renderer might have left it.
    await t.db.sequelize.query(`UPDATE news SET body_html = '<p><script>alert(1)</script></p>', render_version = 0 WHERE id = :id`, { replacements: { id: item.id } });
    const stale = () => t.db.sequelize.query<{ body_html: string; render_version: number; version: number }>(`SELECT body_html, render_version, version FROM news WHERE id = :id`, { replacements: { id: item.id }, type: QueryTypes.SELECT });

    expect(await t.services.news.refreshRenderings()).toBeGreaterThanOrEqual(1);
    const [row] = await stale();
    expect(row).toEqual({ body_html: item.bodyHtml, render_version: NEWS_RENDERER_VERSION, version: item.version });
    // Nothing left to do the second time.
    expect(await t.services.news.refreshRenderings()).toBe(0);
  });
});
