/** A point already projected to screen pixels at the map's current zoom. */
export interface ScreenPoint<T> {
  x: number;
  y: number;
  item: T;
}

export interface Cluster<T> {
  /** Where the cluster is drawn: the mean of its members' pixels. */
  x: number;
  y: number;
  items: T[];
}

/**
 * Greedy grid clustering in screen space: points whose cells (of `cellPx`) coincide are one cluster, and
 * neighbouring clusters closer than `cellPx` merge. Published points are generalized to desa centres, so
 * many share a spot exactly; a few hundred points cluster in well under a millisecond, recomputed on each
 * zoom. Deterministic: the same points give the same clusters whatever their order.
 */
export function clusterPoints<T>(points: readonly ScreenPoint<T>[], cellPx = 44): Cluster<T>[] {
  const cells = new Map<string, ScreenPoint<T>[]>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cellPx)}:${Math.floor(p.y / cellPx)}`;
    const cell = cells.get(key);
    if (cell) cell.push(p);
    else cells.set(key, [p]);
  }
  const clusters: Cluster<T>[] = [...cells.keys()].sort().map((key) => {
    const members = cells.get(key)!;
    return { x: mean(members.map((m) => m.x)), y: mean(members.map((m) => m.y)), items: members.map((m) => m.item) };
  });
  // Cells split clusters that straddle a boundary: merge centres closer than a cell, biggest first.
  clusters.sort((a, b) => b.items.length - a.items.length || a.x - b.x || a.y - b.y);
  const merged: Cluster<T>[] = [];
  for (const c of clusters) {
    const near = merged.find((m) => Math.hypot(m.x - c.x, m.y - c.y) < cellPx);
    if (!near) {
      merged.push({ ...c, items: [...c.items] });
      continue;
    }
    const n = near.items.length + c.items.length;
    near.x = (near.x * near.items.length + c.x * c.items.length) / n;
    near.y = (near.y * near.items.length + c.y * c.items.length) / n;
    near.items.push(...c.items);
  }
  return merged;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
