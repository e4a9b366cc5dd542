import { describe, expect, it } from "vitest";
import { clusterPoints } from "./cluster.ts";

const at = (x: number, y: number, item: string) => ({ x, y, item });

describe("clusterPoints", () => {
  it("keeps far points apart and joins points on one spot", () => {
    const clusters = clusterPoints([at(10, 10, "a"), at(10, 10, "b"), at(300, 300, "c")]);
    expect(clusters.map((c) => c.items.sort())).toEqual([["a", "b"], ["c"]]);
    expect(clusters[0]).toMatchObject({ x: 10, y: 10 });
  });

  it("merges neighbours split by a cell boundary", () => {
    const clusters = clusterPoints([at(43, 20, "a"), at(45, 20, "b")], 44);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.x).toBeCloseTo(44);
  });

  it("gives the same clusters whatever the order of the points", () => {
    const points = Array.from({ length: 60 }, (_, i) => at((i * 37) % 400, (i * 53) % 300, `p${i}`));
    const shape = (ps: typeof points) =>
      clusterPoints(ps)
        .map((c) => c.items.sort().join(","))
        .sort();
    expect(shape([...points].reverse())).toEqual(shape(points));
    expect(shape(points).join(",").split(",")).toHaveLength(60);
  });
});
