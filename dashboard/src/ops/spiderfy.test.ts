import { describe, expect, it } from "vitest";
import { spiderLayout, stackPoints } from "./spiderfy.ts";

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe("spiderfy", () => {
  it("stacks points that sit on one spot and leaves the others alone", () => {
    const stacks = stackPoints([
      { x: 100, y: 100, item: "a" },
      { x: 102, y: 101, item: "b" },
      { x: 300, y: 100, item: "c" },
      { x: 100, y: 99, item: "d" },
    ]);
    expect(stacks.map((s) => s.items)).toEqual([["a", "b", "d"], ["c"]]);
    expect(stacks[0]!.at).toEqual({ x: 100, y: 100 });
  });

  it("does not chain a line of near points into one stack", () => {
    const line = [0, 3, 6, 9].map((x, i) => ({ x, y: 0, item: i }));
    expect(stackPoints(line).map((s) => s.items)).toEqual([[0, 1], [2, 3]]);
  });

  it("fans a small stack out on a circle around its spot, evenly, starting at the top", () => {
    const center = { x: 50, y: 50 };
    const spots = spiderLayout(center, 4);
    const r = dist(spots[0]!, center);
    expect(r).toBeGreaterThanOrEqual(18);
    for (const p of spots) expect(dist(p, center)).toBeCloseTo(r, 6);
    expect(spots[0]!.x).toBeCloseTo(50, 6);
    expect(spots[0]!.y).toBeCloseTo(50 - r, 6);
    expect(dist(spots[0]!, spots[1]!)).toBeCloseTo(dist(spots[1]!, spots[2]!), 6);
  });

  it("puts a large stack on a spiral where no two markers overlap", () => {
    const spots = spiderLayout({ x: 0, y: 0 }, 40);
    expect(spots).toHaveLength(40);
    for (let i = 0; i < spots.length; i++) for (let j = i + 1; j < spots.length; j++) expect(dist(spots[i]!, spots[j]!)).toBeGreaterThan(14);
  });

  it("keeps a single point in place and lays out nothing for none", () => {
    expect(spiderLayout({ x: 5, y: 6 }, 1)).toEqual([{ x: 5, y: 6 }]);
    expect(spiderLayout({ x: 5, y: 6 }, 0)).toEqual([]);
  });
});
