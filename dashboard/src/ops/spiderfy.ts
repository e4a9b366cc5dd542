/**
 * Markers that sit on one spot (several reports from one village hall) drawn as one stack, and fanned
 * out around it when opened: a small spiderfy in screen pixels, pure, so it is tested without a map.
 * Positions are container pixels at the current zoom; the map turns them back into coordinates.
 */

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface Placed<T> extends ScreenPoint {
  item: T;
}

export interface Stack<T> {
  /** The stack's spot: its first member's position. */
  at: ScreenPoint;
  items: T[];
}

/**
 * Items whose points lie within `tolerancePx` of a stack's first member join that stack, in input order
 * (greedy, so a line of near points does not chain into one long stack).
 */
export function stackPoints<T>(points: readonly Placed<T>[], tolerancePx = 4): Stack<T>[] {
  const stacks: Stack<T>[] = [];
  const tol2 = tolerancePx * tolerancePx;
  for (const p of points) {
    const stack = stacks.find((s) => (s.at.x - p.x) ** 2 + (s.at.y - p.y) ** 2 <= tol2);
    if (stack) stack.items.push(p.item);
    else stacks.push({ at: { x: p.x, y: p.y }, items: [p.item] });
  }
  return stacks;
}

export interface SpiderOptions {
  /** Arc length between neighbours on the circle, pixels. */
  spacingPx?: number;
  /** Up to this many go on one circle; more go on a spiral so none overlap. */
  circleMax?: number;
  minRadiusPx?: number;
}

/**
 * Where each of `count` members of a stack at `center` goes when it is opened: evenly on a circle
 * (starting at the top, clockwise), or on an outward spiral for a large stack.
 */
export function spiderLayout(center: ScreenPoint, count: number, opts: SpiderOptions = {}): ScreenPoint[] {
  const spacing = opts.spacingPx ?? 22;
  const circleMax = opts.circleMax ?? 9;
  const minRadius = opts.minRadiusPx ?? 18;
  if (count <= 0) return [];
  if (count === 1) return [{ ...center }];
  if (count <= circleMax) {
    const radius = Math.max(minRadius, (spacing * count) / (2 * Math.PI));
    return Array.from({ length: count }, (_, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
      return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
    });
  }
  // Archimedean spiral: each step advances `spacing` along the curve, so neighbours stay apart.
  const out: ScreenPoint[] = [];
  let angle = 0;
  let radius = minRadius;
  for (let i = 0; i < count; i++) {
    out.push({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    angle += spacing / radius;
    radius = minRadius + (spacing * angle) / (2 * Math.PI);
  }
  return out;
}
