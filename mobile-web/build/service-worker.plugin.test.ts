import { describe, expect, it } from "vitest";
import { precacheManifest } from "./service-worker.plugin.ts";

describe("precacheManifest", () => {
  const files: Record<string, string> = {
    "index.html": "<html>v1</html>",
    "assets/index-abc.js": "main",
    "assets/map-picker-def.js": "leaflet",
    "assets/index-abc.js.map": "{}",
    "sw.js": "worker",
    "icons/icon-192.png": "png",
  };
  const read = (f: string) => files[f]!;

  it("lists every built file under the base except the worker and source maps, the page as the base", () => {
    const { urls } = precacheManifest(Object.keys(files), read, "/m/");
    expect(urls).toEqual(["/m/assets/index-abc.js", "/m/assets/map-picker-def.js", "/m/icons/icon-192.png", "/m/"]);
  });

  it("leaves out the files it is told to skip (icons only the installing browser fetches)", () => {
    const { urls } = precacheManifest([...Object.keys(files), "icons/icon-512.png"], (f) => files[f] ?? "big png", "/m/", ["icons/icon-512.png"]);
    expect(urls).toEqual(["/m/assets/index-abc.js", "/m/assets/map-picker-def.js", "/m/icons/icon-192.png", "/m/"]);
  });

  it("changes the version when any cached byte changes, and only then", () => {
    const a = precacheManifest(Object.keys(files), read, "/m/").version;
    expect(precacheManifest(Object.keys(files).reverse(), read, "/m/").version).toBe(a);
    const changed = precacheManifest(Object.keys(files), (f) => (f === "index.html" ? "<html>v2</html>" : read(f)), "/m/").version;
    expect(changed).not.toBe(a);
    const workerOnly = precacheManifest(Object.keys(files), (f) => (f === "sw.js" ? "other" : read(f)), "/m/").version;
    expect(workerOnly).toBe(a);
  });
});
