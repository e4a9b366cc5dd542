import { defineConfig } from "vitest/config";
import { aliases } from "../vite.aliases.ts";

/** Browser tests: Debian's Chromium driven by playwright-core against a real server (see lib/server.ts). */
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["e2e/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    env: { TZ: "Asia/Makassar" },
  },
});
