/**
 * GET /api/regions/locate against a bare PostGIS ST_Contains query for the same point, both at 16 requests
 * in flight on the same database. The API adds HTTP and validation and answers every point in memory,
 * slivers and points outside Balangan included (distances on the WGS84 ellipsoid, as PostGIS measures
 * them); the target lets it cost up to 2× the bare query.
 */
import pg from "pg";
import { defineBench } from "./lib/harness.ts";
import { spawnBenchServer } from "./lib/server.ts";
import { httpGet, keepAliveAgent } from "./lib/http.ts";
import { runLoad, type LoadResult } from "./lib/load.ts";
import { balanganBbox, randomPoints, type LatLng } from "./lib/points.ts";

const POINTS = 10_000;
const WARMUP = 1_000;
const CONCURRENCY = 16;
const SEED = 0x5eed_6311;
/** Per side; at the slowest plausible rate this still covers all points. */
const DEADLINE_MS = 120_000;

const QUERY = `SELECT level, kode, nama FROM regions
  WHERE level IN ('kecamatan','desa') AND ST_Contains(geom, ST_SetSRID(ST_MakePoint($1,$2),4326))`;

/** Kecamatan kode per point (null = none), to check that both sides placed the points alike. */
type Answers = (string | null)[];

export default defineBench({
  name: "regions-locate",
  metric: "locate rate, HTTP API vs bare ST_Contains query",
  unit: "locates/s",
  better: "higher",
  target: 0.5,
  async run(ctx) {
    const server = await spawnBenchServer({ poolMax: CONCURRENCY });
    ctx.onCleanup(() => server.stop());
    const pool = new pg.Pool({ connectionString: server.databaseUrl, max: CONCURRENCY });
    ctx.onCleanup(() => pool.end());
    const agent = keepAliveAgent(CONCURRENCY);
    ctx.onCleanup(() => agent.destroy());

    const bbox = balanganBbox();
    const all = randomPoints(SEED, WARMUP + POINTS, bbox);
    const warmup = all.slice(0, WARMUP);
    const points = all.slice(WARMUP);

    const viaApi = (answers: Answers) => async (p: LatLng, i: number) => {
      const res = await httpGet(agent, `${server.baseUrl}/api/regions/locate?lat=${p.lat}&lng=${p.lng}`);
      const body = JSON.parse(res.body) as { data?: { kecamatan?: { kode?: string } }; error?: { code?: string } };
      if (res.status === 200 && body.data?.kecamatan?.kode) {
        answers[i] = body.data.kecamatan.kode;
        return "located";
      }
      if (res.status === 422 && body.error?.code === "outside_region") return "outside_region";
      return `error:${res.status}:${body.error?.code ?? "?"}`;
    };
    const viaQuery = (answers: Answers) => async (p: LatLng, i: number) => {
      const { rows } = await pool.query<{ level: string; kode: string }>(QUERY, [p.lng, p.lat]);
      answers[i] = rows.find((r) => r.level === "kecamatan")?.kode ?? null;
      return answers[i] ? "inside" : "none";
    };
    const load = (items: LatLng[], task: (p: LatLng, i: number) => Promise<string>) =>
      runLoad({ items, concurrency: CONCURRENCY, deadlineMs: DEADLINE_MS, task });

    // Warm both paths (JIT, connection pools, PostGIS caches) before anything is timed.
    await load(warmup, viaQuery(new Array(WARMUP).fill(null)));
    await load(warmup, viaApi(new Array(WARMUP).fill(null)));

    const baselineAnswers: Answers = new Array(POINTS).fill(null);
    const projectAnswers: Answers = new Array(POINTS).fill(null);
    const baseline = await load(points, viaQuery(baselineAnswers));
    const project = await load(points, viaApi(projectAnswers));

    const errors = countErrors(project, ["located", "outside_region"]) + countErrors(baseline, ["inside", "none"]);
    return {
      project: project.rate,
      baseline: baseline.rate,
      mode: server.mode,
      errors,
      details: {
        points: POINTS,
        warmup: WARMUP,
        seed: SEED,
        concurrency: CONCURRENCY,
        bbox,
        project: { what: "GET /api/regions/locate over keep-alive node:http", ...project },
        baseline: { what: "pg.Pool, parameterized ST_Contains", query: QUERY.replace(/\s+/g, " "), ...baseline },
        agreement: compare(baselineAnswers, projectAnswers),
        setup: "app + database in a child process (embedded: one event loop, as deployed); both load generators in the runner process",
      },
    };
  },
});

function countErrors(r: LoadResult, valid: string[]): number {
  return Object.entries(r.outcomes).reduce((n, [k, v]) => (valid.includes(k) ? n : n + v), 0);
}

/**
 * Where the API and the bare query disagree. The API snaps points in the slivers between simplified
 * polygons (≤ 150 m) to the nearest kecamatan, so "snapped" is expected and small; "different" is not.
 */
function compare(baseline: Answers, project: Answers) {
  let same = 0, snapped = 0, different = 0;
  baseline.forEach((b, i) => {
    const p = project[i];
    if (b === p) same++;
    else if (b === null) snapped++;
    else different++;
  });
  return { same, snapped, different };
}
