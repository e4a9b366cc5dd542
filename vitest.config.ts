import { defineConfig } from "vitest/config";
import { aliases } from "./vite.aliases.ts";

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ["server/**/*.test.ts", "geo/**/*.test.ts", "dashboard/**/*.test.{ts,tsx}", "mobile-web/**/*.test.{ts,tsx}", "web-kit/**/*.test.{ts,tsx}", "seeds/**/*.test.ts"],
    globalSetup: ["server/test/global-setup.ts"],
    // Integration tests share one database; running files one after another keeps them independent
    // without per-file databases (the embedded one takes seconds to start).
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { TZ: "Asia/Makassar" },
  },
});
