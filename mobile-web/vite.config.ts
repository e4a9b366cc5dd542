import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import preact from "@preact/preset-vite";
import { aliases } from "../vite.aliases.ts";
import { precompress } from "../vite.precompress.ts";
import { serviceWorker } from "./build/service-worker.plugin.ts";
import { inlineCss } from "./build/inline-css.plugin.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../dist/mobile", import.meta.url));
const devServer = "http://localhost:3000";

/**
 * The officer PWA, served by the server under /m/. The service worker is built from src/sw/sw.ts into
 * /m/sw.js (a fixed name: its URL is its identity) with the precache list written in at build time.
 */
export default defineConfig({
  root,
  base: "/m/",
  plugins: [
    preact(),
    inlineCss(),
    serviceWorker({
      entry: fileURLToPath(new URL("./src/sw/sw.ts", import.meta.url)),
      // For the home screen, fetched by the browser when installing; the pages show only icon-192.
      skip: ["icons/icon-512.png", "icons/apple-touch-icon.png"],
    }),
    precompress(),
  ],
  resolve: { alias: aliases },
  build: {
    outDir,
    emptyOutDir: true,
    // Phones from ~2019 on; keeps the output free of down-levelling helpers.
    target: "es2020",
  },
  server: {
    proxy: {
      "/api": devServer,
      "/socket.io": { target: devServer, ws: true },
    },
  },
});
