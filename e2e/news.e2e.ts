import type { BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { artifactPath } from "./lib/artifacts.ts";
import { signInDashboard } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

const tag = Date.now().toString(36);

/** A body with Markdown and three ways an attacker would try to run script; each sets window.__xss if it ran. */
const BODY = [
  `Rapat dipimpin **Kepala Badan** di Paringin (${tag}).`,
  "",
  "<script>window.__xss = 'script'</script>",
  "",
  "<img src=x onerror=\"window.__xss = 'onerror'\">",
  "",
  "[klik di sini](javascript:window.__xss='link') · [situs resmi](https://balangankab.go.id)",
].join("\n");

/**
 * News end to end on the real server: an admin writes an article in Markdown (live preview from the
 * server), publishes it and gives it a cover; an anonymous visitor finds it on /berita, opens it at its
 * shareable address, and none of the script in its body runs.
 */
describe("news: from the admin's desk to the public page", () => {
  const rig = useServerAndBrowser();
  const contexts: BrowserContext[] = [];
  const title = `Rapat koordinasi FKDM ${tag}`;

  async function newPage(viewport = { width: 1366, height: 900 }): Promise<Page> {
    const context = await rig.browser.newContext({ viewport });
    contexts.push(context);
    return context.newPage();
  }
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
  });

  it("lets an admin write and publish an article that a visitor reads, inert", async () => {
    const admin = await newPage();
    await signInDashboard(admin, rig.server.baseUrl, "admin", { path: `/login?next=${encodeURIComponent("/admin/news")}` });
    await admin.getByTestId("news-admin-page").waitFor();
    await admin.getByTestId("news-new").click();
    await admin.getByTestId("news-title").fill(title);
    await admin.getByTestId("news-summary").fill("Koordinasi kewaspadaan dini menjelang akhir tahun.");
    await admin.getByTestId("news-body").fill(BODY);
    // The live preview is the server's rendering: Markdown applied, the HTML shown as text.
    await admin.locator("[data-testid=news-preview] strong", { hasText: "Kepala Badan" }).waitFor();
    expect(await admin.getByTestId("news-preview").textContent()).toContain("<script>");
    await admin.getByTestId("news-status").selectOption("published");
    await admin.getByTestId("news-save").click();
    await admin.locator("[data-testid=news-notice]", { hasText: title }).waitFor();

    const cover = await sharp({ create: { width: 1200, height: 600, channels: 3, background: "#2a6f97" } }).jpeg().toBuffer();
    await admin.getByTestId("news-cover-input").setInputFiles({ name: "sampul.jpg", mimeType: "image/jpeg", buffer: cover });
    await admin.locator('[data-testid=news-cover-preview][src^="/api/news/"]').waitFor();
    await admin.locator('[data-testid=news-row][data-status="published"]', { hasText: title }).waitFor();
    expect(await admin.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    await admin.screenshot({ path: artifactPath("news-admin-1366x900.png"), fullPage: true });

    const visitor = await newPage({ width: 390, height: 844 });
    await visitor.goto(`${rig.server.baseUrl}/berita`);
    const link = visitor.getByTestId("public-news-link").filter({ hasText: title });
    await link.waitFor();
    await link.click();
    await visitor.waitForURL(/\/berita\/rapat-koordinasi-fkdm-/);
    await visitor.getByTestId("news-article-title").filter({ hasText: title }).waitFor();
    await visitor.locator("[data-testid=news-article-body] strong", { hasText: "Kepala Badan" }).waitFor();
    await visitor.waitForFunction(() => (document.querySelector("[data-testid=news-article-cover]") as HTMLImageElement | null)?.complete === true);
    expect(await visitor.evaluate(() => (document.querySelector("[data-testid=news-article-cover]") as HTMLImageElement).naturalWidth)).toBe(1200);

    const body = visitor.getByTestId("news-article-body");
    expect(await body.locator("script, img, [onerror]").count()).toBe(0);
    expect(await body.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(["https://balangankab.go.id"]);
    expect(await body.textContent()).toContain("<script>window.__xss = 'script'</script>");
    expect(await visitor.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    await visitor.screenshot({ path: artifactPath("news-article-390x844.png"), fullPage: true });

    // The shareable address opens on its own too (a fresh visit, no in-app navigation).
    const shared = await newPage({ width: 1366, height: 768 });
    await shared.goto(visitor.url());
    await shared.getByTestId("news-article-title").filter({ hasText: title }).waitFor();
    expect(await shared.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    await shared.goto(`${rig.server.baseUrl}/berita`);
    await shared.getByTestId("public-news-item").first().waitFor();
    await shared.screenshot({ path: artifactPath("news-list-1366x768.png") });
  });
});
