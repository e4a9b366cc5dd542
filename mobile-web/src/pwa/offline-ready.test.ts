import { signal } from "@preact/signals";
import { describe, expect, it } from "vitest";
import { markOfflineReady, offlineReadiness } from "./offline-ready.ts";

function phone() {
  const deps = { shellCached: signal(false), signedIn: signal(false), boundariesStored: signal(false), subCategoriesKept: signal(false) };
  return { deps, ready: offlineReadiness(deps) };
}

describe("offline readiness", () => {
  it("signed out, needs only the shell: logging in takes the network anyway", () => {
    const { deps, ready } = phone();
    expect(ready.value).toBe(false);
    deps.shellCached.value = true;
    expect(ready.value).toBe(true);
  });

  it("signed in, waits for the boundaries and the sub-categories as well", () => {
    const { deps, ready } = phone();
    deps.shellCached.value = true;
    deps.signedIn.value = true;
    expect(ready.value).toBe(false);
    deps.boundariesStored.value = true;
    expect(ready.value).toBe(false);
    deps.subCategoriesKept.value = true;
    expect(ready.value).toBe(true);
    deps.shellCached.value = false; // e.g. storage cleared: the shell is gone
    expect(ready.value).toBe(false);
  });

  it("marks <html data-offline-ready> while ready, and only then", () => {
    const { deps, ready } = phone();
    const root = { dataset: {} as DOMStringMap } as HTMLElement;
    const stop = markOfflineReady(ready, root);
    expect(root.dataset.offlineReady).toBeUndefined();
    deps.shellCached.value = true;
    expect(root.dataset.offlineReady).toBe("true");
    deps.signedIn.value = true; // a login: not ready until the officer's data is kept
    expect(root.dataset.offlineReady).toBeUndefined();
    stop();
  });
});
