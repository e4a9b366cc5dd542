import { describe, expect, it } from "vitest";
import { fillPath, matchPath } from "./path-pattern.ts";

describe("path patterns of the dashboard's routes", () => {
  it("matches fixed paths exactly, trailing slash or not", () => {
    expect(matchPath("/", "/")).toEqual({});
    expect(matchPath("/ops", "/ops")).toEqual({});
    expect(matchPath("/ops", "/ops/")).toEqual({});
    expect(matchPath("/ops", "/opsx")).toBeNull();
    expect(matchPath("/ops", "/ops/reports")).toBeNull();
    expect(matchPath("/", "/ops")).toBeNull();
  });

  it("reads a :param from its segment, decoded", () => {
    expect(matchPath("/ops/reports/:id", "/ops/reports/5d3b-41")).toEqual({ id: "5d3b-41" });
    expect(matchPath("/ops/reports/:id", "/ops/reports/a%20b")).toEqual({ id: "a b" });
    expect(matchPath("/ops/reports/:id/photos/:sha", "/ops/reports/7/photos/ab")).toEqual({ id: "7", sha: "ab" });
  });

  it("refuses an empty or malformed parameter", () => {
    expect(matchPath("/ops/reports/:id", "/ops/reports/")).toBeNull();
    expect(matchPath("/ops/reports/:id", "/ops/reports//x")).toBeNull();
    expect(matchPath("/ops/reports/:id", "/ops/reports/%E0%A4%A")).toBeNull();
  });

  it("fills a pattern back into a path that matches it", () => {
    const path = fillPath("/ops/reports/:id", { id: "a/b c" });
    expect(path).toBe("/ops/reports/a%2Fb%20c");
    expect(matchPath("/ops/reports/:id", path)).toEqual({ id: "a/b c" });
    expect(() => fillPath("/ops/reports/:id")).toThrow(/missing path parameter id/);
  });
});
