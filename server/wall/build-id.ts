import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

/**
 * Which front end this server serves, as the wall compares it: the first 12 hex of the sha256 of the
 * built wall page (its script names carry content hashes, so any change to the wall's code changes it),
 * or of the dashboard's index.html before the wall page exists. Read once at startup: a deploy is a
 * restart, and a wall that reconnects to a server with another build reloads itself. `dev` when nothing
 * is built (tests, `vite dev`).
 */
export function frontEndBuild(distDir = DIST): string {
  for (const page of ["wall.html", "index.html"]) {
    try {
      return createHash("sha256").update(readFileSync(path.join(distDir, "dashboard", page))).digest("hex").slice(0, 12);
    } catch {
      /* not built: try the next */
    }
  }
  return "dev";
}
