import { afterEach, describe, expect, it, vi } from "vitest";
import { parseRoute, RouterModel, routeHash, type Route } from "./router.ts";

describe("routes", () => {
  const routes: Route[] = [
    { name: "home" },
    { name: "situation" },
    { name: "periodic", kind: "daily" },
    { name: "periodic", kind: "weekly" },
    { name: "periodic", kind: "monthly" },
    { name: "edit", clientId: "5b0c8a1e-8f7e-4a59-9d5e-7b1f3c2a9e10" },
    { name: "my-reports" },
  ];

  it("round-trips every route through the hash", () => {
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });

  it("sends unknown or empty hashes home", () => {
    expect(parseRoute("")).toEqual({ name: "home" });
    expect(parseRoute("#/tidak-ada")).toEqual({ name: "home" });
    expect(parseRoute("#/ubah/")).toEqual({ name: "home" });
  });
});

describe("leaving a view for home", () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A browser history whose `back()` lands later, like the real one (popstate comes after a task). */
  function fakeBrowser() {
    const entries: { state: unknown; hash: string }[] = [{ state: null, hash: "" }];
    let index = 0;
    const listeners: (() => void)[] = [];
    const location = { hash: "" };
    const history = {
      get state() {
        return entries[index]!.state;
      },
      pushState(state: unknown, _title: string, hash: string) {
        entries.splice(++index, entries.length, { state, hash });
        location.hash = hash;
      },
      replaceState(state: unknown, _title: string, hash: string) {
        entries[index] = { state, hash };
        location.hash = hash;
      },
      back: vi.fn(() =>
        setTimeout(() => {
          index = Math.max(-1, index - 1); // -1: out of the app
          location.hash = entries[index]?.hash ?? "about:blank";
          listeners.forEach((l) => l());
        }, 0),
      ),
    };
    vi.stubGlobal("location", location);
    vi.stubGlobal("history", history);
    vi.stubGlobal("addEventListener", (type: string, l: () => void) => type === "hashchange" && listeners.push(l));
    return { history, location, position: () => index };
  }

  it("goes back once even when asked twice before the browser got there", async () => {
    const browser = fakeBrowser();
    const router = new RouterModel();
    router.navigate({ name: "edit", clientId: "c1" });
    router.home(); // the saved form
    router.home(); // the edit view: its entry left the outbox
    expect(router.route.value).toEqual({ name: "home" });
    await new Promise((r) => setTimeout(r, 5));
    expect(browser.history.back).toHaveBeenCalledTimes(1);
    expect(browser.position()).toBe(0);
    expect(router.route.value).toEqual({ name: "home" });
  });

  it("leaves a finished view for home only while it is still the one shown", async () => {
    fakeBrowser();
    const router = new RouterModel();
    const form = { name: "edit", clientId: "c2" } as const;
    router.navigate(form);
    router.navigate({ name: "my-reports" });
    router.leave(form); // the save finished after the officer opened their reports
    expect(router.route.value).toEqual({ name: "my-reports" });
    router.navigate(form);
    router.leave(form);
    expect(router.route.value).toEqual({ name: "home" });
    // history.back() lands a moment later (the fake browser's hashchange): let it, before the stubs go.
    await new Promise((r) => setTimeout(r, 5));
  });

  it("replaces the entry when the view was opened directly (a deep link)", () => {
    const browser = fakeBrowser();
    browser.location.hash = "#/situasi";
    const router = new RouterModel();
    router.home();
    expect(browser.history.back).not.toHaveBeenCalled();
    expect(browser.location.hash).toBe("#/");
    expect(router.route.value).toEqual({ name: "home" });
  });
});
