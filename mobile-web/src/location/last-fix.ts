import { isObject, readJson, writeJson } from "../storage/local.ts";
import type { Fix } from "./gps.ts";

const KEY = "sikanda.lastFix";

/** The last GPS fix, the default location of periodic reports (the officer is usually where they were). */
export const loadLastFix = (): Fix | null =>
  readJson(KEY, (v): v is Fix => isObject(v) && typeof v.lat === "number" && typeof v.lng === "number" && typeof v.accuracyM === "number");

export const saveLastFix = (fix: Fix): void => writeJson(KEY, fix);
