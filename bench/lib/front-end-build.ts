import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where each front end lands inside a dist directory, as the server expects it (core/static.ts). */
export const FRONT_ENDS = { dashboard: "dashboard", mobile: "mobile-web" } as const;

/**
 * Build front ends with their own Vite configs (precompression included) into `distDir/<name>`, so a
 * benchmark measures the source as it is now, not whatever dist/ was last built from.
 */
export async function buildFrontEnds(distDir: string, names: (keyof typeof FRONT_ENDS)[] = ["dashboard", "mobile"]): Promise<void> {
  for (const name of names) {
    await build({
      configFile: path.join(ROOT, FRONT_ENDS[name], "vite.config.ts"),
      logLevel: "silent",
      build: { outDir: path.join(distDir, name), emptyOutDir: true },
    });
  }
}
