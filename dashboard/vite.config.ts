import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import preact from "@preact/preset-vite";
import { aliases } from "../vite.aliases.ts";
import { precompress } from "../vite.precompress.ts";

const dashboardRoot = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../dist/dashboard", import.meta.url));
const devServer = "http://localhost:3000";

/**
 * The dashboard build. The Preact preset aliases react / react-dom to preact/compat, which is how
 * react-leaflet runs here without React in the bundle.
 */
export default defineConfig({
  root: dashboardRoot,
  base: "/",
  plugins: [preact(), precompress()],
  resolve: { alias: aliases },
  build: {
    outDir,
    emptyOutDir: true,
    // The wall (/wall) is a page of its own: its entry pulls in neither the dashboard shell nor its routes.
    rolldownOptions: { input: { index: `${dashboardRoot}index.html`, wall: `${dashboardRoot}wall.html` } },
  },
  server: {
    proxy: {
      "/api": devServer,
      "/socket.io": { target: devServer, ws: true },
    },
  },
});
