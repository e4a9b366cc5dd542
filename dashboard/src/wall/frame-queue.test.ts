import { describe, expect, it } from "vitest";
import { createFrameQueue } from "./frame-queue.ts";

// Node has no animation frames: the queue's timer fallback stands in, as it does in a hidden tab.
globalThis.requestAnimationFrame ??= (() => 0) as unknown as typeof requestAnimationFrame;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the wall's per-frame queue", () => {
  it("applies what arrived together in one batch, in arrival order", async () => {
    const batches: number[][] = [];
    const q = createFrameQueue<number>((items) => batches.push(items), { maxPerFrame: 250, minIntervalMs: 0, fallbackMs: 10 });
    [1, 2, 3].forEach((i) => q.push(i));
    await tick(40);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("spreads a large catch-up over several frames", async () => {
    const batches: number[][] = [];
    const q = createFrameQueue<number>((items) => batches.push(items), { maxPerFrame: 100, minIntervalMs: 0, fallbackMs: 5 });
    for (let i = 0; i < 250; i++) q.push(i);
    await tick(80);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it("keeps batches apart by the minimum interval, gathering what arrives meanwhile", async () => {
    const batches: number[][] = [];
    const q = createFrameQueue<number>((items) => batches.push(items), { minIntervalMs: 60, fallbackMs: 5 });
    q.push(1);
    await tick(20);
    q.push(2);
    await tick(10);
    q.push(3);
    expect(batches).toEqual([[1]]);
    await tick(120);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it("applies everything at once on flushNow, and nothing twice after it", async () => {
    const batches: number[][] = [];
    const q = createFrameQueue<number>((items) => batches.push(items), { maxPerFrame: 250, minIntervalMs: 0, fallbackMs: 10 });
    q.push(1);
    q.push(2);
    q.flushNow();
    await tick(40);
    expect(batches).toEqual([[1, 2]]);
  });
});
