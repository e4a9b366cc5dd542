import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { parseConfig } from "../config.ts";
import { createLogger } from "../core/logger.ts";
import { openDatabase, type Database } from "../core/db.ts";
import { listenOnLoopback, type LoopbackApp } from "./loopback-app.ts";
import type { Clock } from "../core/clock.ts";

export type TestApp = LoopbackApp;

/** Open the run's test database (see global-setup.ts). */
export function openTestDatabase(poolMax = 10): Promise<Database> {
  return openDatabase({
    url: inject("databaseUrl"),
    urlIsEmbedded: inject("databaseMode") === "embedded",
    dataDir: "",
    poolMax,
    log: createLogger("silent"),
  });
}

/** A whole server on a random port against the test database, like main.ts builds it. */
export async function startTestApp(env: Record<string, string> = {}, opts: { clock?: Clock; distDir?: string } = {}): Promise<TestApp> {
  // Photos and other files go to a directory of this app's own, removed on close.
  const dataDir = mkdtempSync(path.join(tmpdir(), "sikanda-app-"));
  // Suites register guests from 127.0.0.1 all day long: the per-address brake is tested on its own (its own addresses).
  const config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent", DATA_DIR: dataDir, REGISTRATIONS_PER_IP_HOUR: "100000", ...env });
  const db = await openTestDatabase();
  return listenOnLoopback({ config, db, log: createLogger(config.LOG_LEVEL), clock: opts.clock, distDir: opts.distDir }, () => rmSync(dataDir, { recursive: true, force: true }));
}

/**
 * A test app for the whole file (or describe block): started before its first test, closed after its
 * last. The object is filled in when the app has started, so read it inside tests and hooks, never at
 * the file's top level; hooks registered after this call run after the start and before the close.
 */
export function useTestApp(env: Record<string, string> = {}, opts: { clock?: Clock } = {}): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    Object.assign(t, await startTestApp(env, opts));
  });
  afterAll(() => t.close?.());
  return t;
}

/** A server restart: close the app, then start a fresh one into the same object. Only the database carries over. */
export async function restartTestApp(t: TestApp, env: Record<string, string> = {}): Promise<void> {
  await t.close();
  Object.assign(t, await startTestApp(env));
}
