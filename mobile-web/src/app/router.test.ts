import { describe, expect, it } from "vitest";
import { parseRoute, routeHash, type Route } from "./router.ts";

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
