import type { BrowserContext, Page } from "playwright-core";
import { request } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { POINTS, situationReport } from "../server/test/reports.ts";
import { artifactPath, DEMO_PASSWORD } from "./lib/artifacts.ts";
import { axeFindings } from "./lib/axe.ts";
import { signInDashboard } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

/**
 * The dashboard as the public and partner agencies meet it on cheap phones and slow links (issue 12):
 * `/` loads only the map's code, asks nothing that answers 401, breaks no CSP rule; the public map and
 * the ops page pass axe-core without serious or critical findings at 390×844 and on a desk; names on the
 * map never cover one another; pages downloaded on demand say they are loading and can be retried.
 */
const VIEWPORTS = [
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: "desk", viewport: { width: 1280, height: 800 } },
] as const;

/** The scripts index.html names (the entry and what it imports): all `/` may load (dashboard/src/app/routes.ts). */
async function entryScripts(baseUrl: string): Promise<string[]> {
  const html = await (await fetch(`${baseUrl}/`)).text();
  return [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => `${baseUrl}${m[1]}`);
}

/** What a visit reported about itself: CSP refusals (seen by the page) and 401 answers. */
interface Watch {
  csp: () => Promise<string[]>;
  unauthorized: string[];
  scripts: string[];
}

/** Listens before the first script runs: the page's own CSP refusals, every 401, every script fetched. */
async function watch(ctx: BrowserContext, page: Page): Promise<Watch> {
  await ctx.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const w: Watch = {
    csp: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    unauthorized: [],
    scripts: [],
  };
  page.on("response", (res) => {
    if (res.status() === 401) w.unauthorized.push(res.url());
  });
  page.on("request", (req) => {
    if (req.resourceType() === "script") w.scripts.push(req.url());
  });
  return w;
}

const visibleLabels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".kecamatan-label")]
      .filter((el) => getComputedStyle(el).visibility !== "hidden")
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.textContent ?? "", left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
  );

/** Every element with text of its own that is on screen, and its computed font size. */
const textSizes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
      .map((el) => ({ text: el.textContent!.trim().slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) })),
  );

describe("the dashboard on a slow link and a small screen", () => {
  const rig = useServerAndBrowser();
  // Unique per run: in CI the suites share one database, and earlier runs' reports stay in it.
  const tag = Date.now().toString(36);
  const perihal = (kerawanan: string) => `Uji aksesibilitas ${kerawanan} ${tag}`;

  beforeAll(async () => {
    // Reports in the northern verifier's kecamatan, so the ops page has rows, badges and decisions to check.
    const officer = await request.newContext({ baseURL: rig.server.baseUrl });
    expect((await officer.post("/api/auth/login", { data: { username: "petugas.juai", password: DEMO_PASSWORD } })).status()).toBe(200);
    for (const kerawanan of ["tinggi", "sedang"]) {
      const report = situationReport({ perihal: perihal(kerawanan), kerawanan, location: { ...POINTS.juai, accuracyM: 8, source: "gps" } });
      expect((await officer.post("/api/reports", { data: report })).status()).toBe(201);
    }
    await officer.dispose();
  });

  it("serves / with the map's code first: no other page, no zod; the live feed's socket only after the map; no 401, no CSP refusal", async () => {
    const ctx = await rig.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    const seen = await watch(ctx, page);
    const probe = page.waitForResponse((res) => res.url().endsWith("/api/auth/session"));
    await page.goto(`${rig.server.baseUrl}/`);
    await page.locator("path.kecamatan-boundary").nth(7).waitFor();
    expect((await (await probe).json()) as unknown).toEqual({ data: null });
    await page.getByTestId("login-link").waitFor();

    // The entry holds no socket; the public feed (publications heard live) follows as its own chunk, once
    // the map has its first answer, so a slow link draws the map first.
    const entry = await entryScripts(rig.server.baseUrl);
    expect(entry.length).toBeGreaterThan(0);
    await page.locator('[data-testid="public-live"][data-state="live"]').waitFor();
    for (const url of entry) expect(await (await page.request.get(url)).text(), url).not.toContain("socket.io");
    // No page chunk (ops, admin, login…), however many pages the route table gains: beyond the entry, only
    // what the map fetches once drawn — the live feed (with the socket client) and the facilities layer.
    const later = seen.scripts.filter((url) => !entry.includes(url));
    expect(later.filter((url) => /Page-[\w-]+\.js$/.test(url))).toEqual([]);
    const laterCode = await Promise.all(later.map(async (url) => (await page.request.get(url)).text()));
    expect(laterCode.join("\n")).toContain("report:unpublished");
    expect(laterCode.some((code) => code.includes("socket.io") || code.includes("engine.io"))).toBe(true);
    for (const url of seen.scripts) expect(await (await page.request.get(url)).text(), url).not.toContain("ZodError");
    expect(seen.unauthorized).toEqual([]);
    expect(await seen.csp()).toEqual([]);
    await ctx.close();
  });

  it("opens the ops page, zod schemas and live socket included, without a CSP refusal or a 401", async () => {
    const ctx = await rig.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const seen = await watch(ctx, page);
    await signInDashboard(page, rig.server.baseUrl, "verifikator.utara");
    await page.locator('[data-testid="ops-connection"][data-state="live"]').waitFor();
    await page.getByTestId("ops-report").filter({ hasText: perihal("tinggi") }).waitFor();
    expect(seen.scripts.some((url) => /\/assets\/OpsPage-[^/]*\.js$/.test(url))).toBe(true);
    expect(seen.unauthorized).toEqual([]);
    expect(await seen.csp()).toEqual([]);
    await ctx.close();
  });

  for (const { name, ...device } of VIEWPORTS) {
    it(`public map on a ${name}: one heading, legible text, names that never overlap, no serious axe finding`, async () => {
      // axe is injected as a script tag, which the page's CSP would refuse; CSP is checked above.
      const ctx = await rig.browser.newContext({ ...device, bypassCSP: true });
      const page = await ctx.newPage();
      await page.goto(`${rig.server.baseUrl}/`);
      await page.locator("path.kecamatan-boundary").nth(7).waitFor();
      await page.getByTestId("tiles-unavailable").waitFor();

      const headings = await page.locator("h1").allTextContents();
      expect(headings).toEqual(["Peta Situasi Kabupaten Balangan"]);
      expect((await textSizes(page)).filter((t) => t.px < 12)).toEqual([]);

      // Once the map has settled on its fitted zoom (names are decluttered after each zoom step).
      await mapSettled(page);
      expect((await visibleLabels(page)).length).toBeGreaterThanOrEqual(name === "desk" ? 8 : 4);
      expect(overlaps(await visibleLabels(page))).toEqual([]);

      expect(await axeFindings(page)).toEqual([]);
      await page.screenshot({ path: artifactPath(`dashboard-map-${name}.png`) });
      await ctx.close();
    });

    it(`ops page on a ${name}: no serious or critical axe finding`, async () => {
      const ctx = await rig.browser.newContext({ ...device, bypassCSP: true });
      const page = await ctx.newPage();
      await signInDashboard(page, rig.server.baseUrl, "verifikator.utara");
      await page.locator('[data-testid="ops-connection"][data-state="live"]').waitFor();
      await page.getByTestId("ops-report").filter({ hasText: perihal("tinggi") }).waitFor();
      await page.locator("path.ops-marker--tinggi").first().waitFor();
      expect(await axeFindings(page)).toEqual([]);

      // A decision opened, with its note field, is checked too.
      await page.getByTestId("ops-report").filter({ hasText: perihal("sedang") }).locator('button[data-decision="rejected"]').click();
      await page.getByTestId("decide-note").waitFor();
      expect(await axeFindings(page)).toEqual([]);
      await page.screenshot({ path: artifactPath(`dashboard-ops-${name}.png`) });
      await ctx.close();
    });
  }

  it("brings back the names hidden on a phone when the map is zoomed in", async () => {
    const ctx = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await page.goto(`${rig.server.baseUrl}/`);
    await page.locator("path.kecamatan-boundary").nth(7).waitFor();
    await expect.poll(async () => (await visibleLabels(page)).length).toBeLessThan(8);
    const before = await settledLabelNames(page);
    const hidden = (await page.locator(".kecamatan-label").allTextContents()).filter((n) => !before.includes(n));

    await page.locator(".leaflet-control-zoom-in").click();
    await expect.poll(async () => (await visibleLabels(page)).map((l) => l.name)).toEqual(expect.arrayContaining(hidden));
    expect(overlaps(await visibleLabels(page))).toEqual([]);
    await page.screenshot({ path: artifactPath("dashboard-map-phone-zoomed.png") });
    await ctx.close();
  });

  it("describes the page in the chosen language", async () => {
    const ctx = await rig.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${rig.server.baseUrl}/`);
    const description = () => page.locator('meta[name="description"]').getAttribute("content");
    expect(await description()).toContain("Peta situasi Kabupaten Balangan");
    await page.getByTestId("lang-en").click();
    await expect.poll(description).toContain("Situation map of Balangan Regency");
    expect(await page.locator("h1").textContent()).toBe("Balangan Situation Map");
    await page.getByTestId("lang-id").click();
    await expect.poll(description).toContain("Peta situasi Kabupaten Balangan");
    await ctx.close();
  });

  it("says a page is loading while its code downloads, and offers a retry when the download fails", async () => {
    const ctx = await rig.browser.newContext();
    const page = await ctx.newPage();
    const chunk = "**/assets/LoginPage-*.js";

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(chunk, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${rig.server.baseUrl}/login`);
    await page.getByTestId("page-loading").waitFor();
    expect(await page.locator("input[name=username]").count()).toBe(0);
    release();
    await page.locator("input[name=username]").waitFor();
    await page.unroute(chunk);

    // A fresh page whose download of the same chunk is cut off: the retry fetches it again.
    const cut = await ctx.newPage();
    await cut.route(chunk, (route) => route.abort("connectionreset"));
    await cut.goto(`${rig.server.baseUrl}/login`);
    await cut.getByTestId("page-load-failed").waitFor();
    await cut.unroute(chunk);
    await cut.getByTestId("page-load-failed").getByRole("button").click();
    await cut.locator("input[name=username]").waitFor();
    await ctx.close();
  });
});

/**
 * Resolves once the map is still: no zoom animating, and the names' boxes and shown state alike over three
 * frames (the declutter runs in the frame after each zoomend or moveend).
 */
async function mapSettled(page: Page): Promise<void> {
  const still = () =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const state = () =>
            document.querySelector(".leaflet-zoom-anim")
              ? null
              : [...document.querySelectorAll<HTMLElement>(".kecamatan-label")]
                  .map((el) => {
                    const r = el.getBoundingClientRect();
                    return `${r.left},${r.top},${getComputedStyle(el).visibility}`;
                  })
                  .join("|");
          const before = state();
          requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(before !== null && before === state()))));
        }),
    );
  await expect.poll(still, { timeout: 15_000 }).toBe(true);
}

/** The names shown once the map has finished fitting itself. */
async function settledLabelNames(page: Page): Promise<string[]> {
  await mapSettled(page);
  return (await visibleLabels(page)).map((l) => l.name);
}

/** Pairs of shown labels whose boxes intersect. */
function overlaps(boxes: { name: string; left: number; top: number; right: number; bottom: number }[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`${a.name} × ${b.name}`);
    }
  return found;
}
