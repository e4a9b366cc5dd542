import { z } from "zod";
import { parseTrustProxy } from "./core/trust-proxy.ts";

/**
 * The only reader of process.env. Parsed once at start; every problem is listed together so an operator
 * fixes a bad deployment in one pass instead of one restart per variable.
 */
const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/**
 * A postgres:// (or postgresql://) URL, including libpq's Unix-socket form with an empty host
 * (`postgres://user@/db?host=/run/postgresql`), which WHATWG URL parsing alone rejects.
 */
const postgresUrl = z.string().refine((value) => {
  const parts = /^postgres(?:ql)?:\/\/([^/?#]*)(.*)$/.exec(value);
  if (!parts) return false;
  const authority = parts[1]!;
  const withHost = authority === "" || authority.endsWith("@") ? `${authority}socket` : authority;
  return URL.canParse(`postgres://${withHost}${parts[2]}`);
}, "must be a postgres:// URL");

const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Real PostgreSQL + PostGIS. Empty → embedded PGlite under DATA_DIR. */
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().default("./data"),
  /** Connections in the pool. The embedded server serializes transactions, so more mostly queues. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().url().optional(),
  /** Raster tile template; the map keeps boundaries as its base layer when tiles fail. */
  TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  TILE_ATTRIBUTION: z.string().default("© OpenStreetMap contributors"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  TZ: z.string().default("Asia/Makassar"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seed demo accounts and data on start (the README quick start). Never in production. */
  DEMO: booleanish.default(false),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** A session ends after this long without a request… */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(12 * 60),
  /** …and this long after login whatever happens. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(14 * 24),
  /** `auto`: Secure cookies when the request came over HTTPS (directly or via a trusted proxy). */
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  /**
   * Proxies whose X-Forwarded-* headers are believed (client address, host, scheme): `none` (default),
   * `true`, a hop count, or addresses/CIDRs/`loopback`/`linklocal`/`uniquelocal`, comma separated. None by
   * default because a believed header from anyone else lets a client pick its own address and host.
   */
  TRUST_PROXY: z
    .string()
    .default("none")
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** Extra origins (scheme://host[:port]) allowed for sockets and state-changing requests, comma separated. */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((o) => o.trim().replace(/\/$/, "")).filter(Boolean)),
  /** First start with no admin: create this admin. Without a password a one-time password is logged. */
  INITIAL_ADMIN_USERNAME: z.string().default("admin"),
  INITIAL_ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  /** Consecutive failed logins for a username, from any address, before a 15-minute block; and per address per day. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES_PER_IP_DAY: z.coerce.number().int().min(1).default(200),
  /** Guest self-registrations one address may make per hour (accounts are active at once, so this is the brake). */
  REGISTRATIONS_PER_IP_HOUR: z.coerce.number().int().min(1).default(5),
  /** Events one user may send per second over all their sockets (token bucket, with a burst of twice that). */
  SOCKET_EVENTS_PER_SECOND: z.coerce.number().min(1).default(20),
  /** Sockets one user may hold (per server node); one more closes their oldest. */
  SOCKET_MAX_PER_USER: z.coerce.number().int().min(1).default(10),
  /** How long a verifier's claim on a report lasts unless renewed (the detail renews it while open). */
  CLAIM_LEASE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  /** Duplicate candidates of a situation report: same bidang, within this many meters… */
  DUPLICATE_RADIUS_M: z.coerce.number().int().min(1).max(100_000).default(2_000),
  /** …and this many hours of its occurred_at, either side. */
  DUPLICATE_WINDOW_HOURS: z.coerce.number().min(1).max(24 * 30).default(24),
  /**
   * Run the scheduled jobs (rollups, duty check) on this node. Several nodes may all run them: each period
   * runs once, on whichever node claims it first (server/jobs/).
   */
  JOBS: booleanish.default(true),
  /** A job run without progress for this long is taken to have died with its node, and another may take over. */
  JOB_STALE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  /** Web Push (server/notifications/): the VAPID contact push services may write to about this sender. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "must be a mailto: or https: URL")
    .default("mailto:admin@sikanda.invalid"),
  /** Attempts per push (429, 5xx, network errors retried with exponential backoff) before giving up. */
  PUSH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Days a read in-app notification is kept before the nightly housekeeping deletes it. */
  NOTIFICATIONS_KEEP_READ_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Days any in-app notification is kept, read or not. */
  NOTIFICATIONS_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /**
   * Accept plain-http push endpoints on localhost / 127.0.0.1 (a local stand-in push service). Default:
   * only outside production. Real push services are https; see docs/notifications.md.
   */
  PUSH_ALLOW_LOCAL_HTTP: booleanish.optional(),
});

/** SESSION_SECRET may be absent outside production: see auth/session-secret.ts for what is used then. */
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parse configuration from an env-like record. Throws ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined>, argv: string[] = []): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  if (argv.includes("--demo") && cleaned.DEMO === undefined) cleaned.DEMO = "true";
  const parsed = ConfigSchema.safeParse(cleaned);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  if (parsed.success) {
    const c = parsed.data;
    if (c.NODE_ENV === "production" && c.DEMO) problems.push("DEMO: demo data is refused when NODE_ENV=production");
    if (c.NODE_ENV === "production" && !c.SESSION_SECRET) problems.push("SESSION_SECRET: required in production");
  }
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

/** What browsers may know about the deployment. */
export function publicConfig(config: Config) {
  return { tileUrl: config.TILE_URL, tileAttribution: config.TILE_ATTRIBUTION, timeZone: config.TZ };
}
