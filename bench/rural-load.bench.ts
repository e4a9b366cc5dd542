/**
 * The apps on a rural link (issue 12): headless Chromium at 390×844 on emulated slow 3G (300 ms, 1.6
 * Mbit/s down, 750 kbit/s up; page and service worker alike, bench/lib/slow-3g.ts), a fresh context per
 * run (cold cache, no service worker), against the whole server (child process, database, production
 * mode) serving front ends built fresh by this run. Every byte between Chromium and the server passes a
 * counting proxy (bench/lib/counting-proxy.ts).
 *
 * Two scenarios, each RUNS times per side, medians reported:
 * - an officer's first session: /m/ until the login form is usable, sign-in until the home shows, and
 *   the bytes until the app is offline-ready (its `data-offline-ready` marker, see rural-scenarios.ts);
 * - a visitor on the public map `/`: first paint, the eight kecamatan drawn, bytes until then and in
 *   all, and the first-load JS (transferSize of the scripts done before the kecamatan were drawn).
 *
 * Baseline: the same pages in the same run with `Accept-Encoding: identity` on every request (page and
 * service worker), i.e. compression off. Headline: the officer's bytes to offline-ready, project vs
 * baseline (target: compression at least halves them). The absolute targets are checks, each
 * with its own ratio against the baseline in the details.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineBench, type BenchCheck } from "./lib/harness.ts";
import { spawnBenchServer } from "./lib/server.ts";
import { startCountingProxy } from "./lib/counting-proxy.ts";
import { launchBenchChromium } from "./lib/chromium.ts";
import { buildFrontEnds } from "./lib/front-end-build.ts";
import { median, round3 } from "./lib/stats.ts";
import { officerFirstSession, publicMapFirstVisit, type Coding, type MapRun, type OfficerRun } from "./lib/rural-scenarios.ts";

const RUNS = 3;
const WAIT_TIMEOUT_MS = 90_000;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The targets. */
const LIMITS = { usableMs: 1_000, offlineReadyKb: 300, kecamatanDrawnMs: 2_000, firstLoadJsKb: 100 };
const kb = (bytes: number) => round3(bytes / 1024);

export default defineBench({
  name: "rural-load",
  metric: "officer's first session on slow 3G: KB down the wire until offline-ready, compressed vs Accept-Encoding: identity",
  unit: "KB",
  better: "lower",
  target: 2,
  timeoutMs: 25 * 60_000,
  async run(ctx) {
    const cacheDir = path.join(ROOT, "node_modules/.cache");
    mkdirSync(cacheDir, { recursive: true });
    const dist = mkdtempSync(path.join(cacheDir, "sikanda-rural-"));
    ctx.onCleanup(() => rmSync(dist, { recursive: true, force: true }));
    await buildFrontEnds(dist);
    const hasMarker = builtCodeMentions(path.join(dist, "mobile/assets"), "offlineReady");

    // Tiles from an address that refuses at once: no internet here, and tiles come from a third party anyway.
    const server = await spawnBenchServer({ accounts: [{ role: "officer", count: 1 }], distDir: dist, env: { TILE_URL: "http://127.0.0.1:9/{z}/{x}/{y}.png" } });
    ctx.onCleanup(() => server.stop());
    const proxy = await startCountingProxy(server.baseUrl);
    ctx.onCleanup(() => proxy.close());
    const browser = await launchBenchChromium();
    ctx.onCleanup(() => browser.close());
    const officer = server.accounts[0]!;

    const officerRuns: Record<Coding, OfficerRun[]> = { compressed: [], identity: [] };
    const mapRuns: Record<Coding, MapRun[]> = { compressed: [], identity: [] };
    const failures: string[] = [];
    const attempt = async (what: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (err) {
        failures.push(`${what}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
        ctx.log.warn({ err, what }, "rural-load run failed");
      }
    };
    for (let i = 0; i < RUNS; i++) {
      // Alternate which side goes first, so a machine that slows down over the run weighs on both.
      for (const coding of (i % 2 ? ["identity", "compressed"] : ["compressed", "identity"]) as Coding[]) {
        const common = { browser, proxy, coding, timeoutMs: WAIT_TIMEOUT_MS };
        await attempt(`officer ${coding} #${i + 1}`, async () => {
          officerRuns[coding].push(await officerFirstSession({ ...common, username: officer.username, password: officer.password, hasMarker }));
        });
        await attempt(`map ${coding} #${i + 1}`, async () => {
          mapRuns[coding].push(await publicMapFirstVisit(common));
        });
      }
    }

    const mid = <T>(runs: T[], pick: (r: T) => number) => (runs.length ? round3(median(runs.map(pick))) : Number.NaN);
    const side = (coding: Coding) => ({
      officer: {
        usableMs: mid(officerRuns[coding], (r) => r.usableMs),
        loginToHomeMs: mid(officerRuns[coding], (r) => r.loginToHomeMs),
        offlineReadyMs: mid(officerRuns[coding], (r) => r.offlineReadyMs),
        offlineReadyKb: mid(officerRuns[coding], (r) => kb(r.offlineReadyBytes)),
      },
      map: {
        firstPaintMs: mid(mapRuns[coding], (r) => r.firstPaintMs),
        firstContentfulPaintMs: mid(mapRuns[coding], (r) => r.firstContentfulPaintMs),
        kecamatanDrawnMs: mid(mapRuns[coding], (r) => r.kecamatanDrawnMs),
        kbUntilDrawn: mid(mapRuns[coding], (r) => kb(r.bytesUntilDrawn)),
        kbTotal: mid(mapRuns[coding], (r) => kb(r.bytesTotal)),
        firstLoadJsKb: mid(mapRuns[coding], (r) => kb(r.firstLoadJsBytes)),
      },
    });
    const project = side("compressed");
    const baseline = side("identity");

    const target = (name: string, value: number, base: number, limit: number, unit: string): BenchCheck & { baseline: number; ratio: number } => ({
      name,
      value,
      limit,
      unit,
      better: "lower",
      baseline: base,
      ratio: round3(base / value),
    });
    const targets = [
      target("/m/ login form usable", project.officer.usableMs, baseline.officer.usableMs, LIMITS.usableMs, "ms"),
      target("/m/ bytes until offline-ready", project.officer.offlineReadyKb, baseline.officer.offlineReadyKb, LIMITS.offlineReadyKb, "KB"),
      target("/ kecamatan drawn", project.map.kecamatanDrawnMs, baseline.map.kecamatanDrawnMs, LIMITS.kecamatanDrawnMs, "ms"),
      target("/ first-load JS", project.map.firstLoadJsKb, baseline.map.firstLoadJsKb, LIMITS.firstLoadJsKb, "KB"),
    ];

    return {
      project: project.officer.offlineReadyKb,
      baseline: baseline.officer.offlineReadyKb,
      mode: server.mode,
      errors: failures.length,
      checks: targets.map(({ name, value, limit, unit, better }) => ({ name, value, limit, unit, better })),
      details: {
        link: "slow 3G: 300 ms latency, 1.6 Mbit/s down, 750 kbit/s up (CDP Network.emulateNetworkConditions on the page and its service worker); 390×844; fresh context per run",
        runs: RUNS,
        offlineReadyBy: hasMarker ? "the app's marker: <html data-offline-ready=\"true\"> with the home shown" : "the service worker activated (the build has no offline-ready marker)",
        bytes: "down the wire (server → browser, headers included) through a counting proxy, from navigation start",
        targets,
        project,
        baseline,
        failures,
        // What one run downloaded, file by file: where the bytes go.
        officerRequests: officerRuns.compressed[0]?.requests,
        mapRequests: mapRuns.compressed[0]?.requests,
        mapFirstLoadJs: mapRuns.compressed[0]?.firstLoadJs,
        every: {
          officer: mapSides(officerRuns, ({ requests: _, ...r }) => r),
          map: mapSides(mapRuns, ({ requests: _, firstLoadJs: __, ...r }) => r),
        },
      },
    };
  },
});

function mapSides<T, U>(runs: Record<Coding, T[]>, fn: (run: T) => U): Record<Coding, U[]> {
  return { compressed: runs.compressed.map(fn), identity: runs.identity.map(fn) };
}

/** Whether any built JS names `word` (how the bench tells a phone build that sets the offline-ready marker). */
function builtCodeMentions(dir: string, word: string): boolean {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .some((f) => readFileSync(path.join(dir, f), "utf8").includes(word));
}
