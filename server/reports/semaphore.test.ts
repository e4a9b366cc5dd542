import { describe, expect, it } from "vitest";
import { createSemaphore } from "./semaphore.ts";

/** A task that finishes when told to, recording that it started. */
function gatedTask(started: number[], n: number) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { run: () => (started.push(n), done), finish };
}

describe("semaphore", () => {
  it("runs at most its limit at once and lets the others in by arrival", async () => {
    const gate = createSemaphore(2);
    const started: number[] = [];
    const tasks = [0, 1, 2, 3].map((n) => gatedTask(started, n));
    const results = tasks.map((t) => gate.run(t.run));
    await expect.poll(() => started).toEqual([0, 1]);
    expect([gate.running, gate.waiting]).toEqual([2, 2]);
    tasks[1]!.finish();
    await expect.poll(() => started).toEqual([0, 1, 2]);
    expect([gate.running, gate.waiting]).toEqual([2, 1]);
    tasks.forEach((t) => t.finish());
    await Promise.all(results);
    expect(started).toEqual([0, 1, 2, 3]);
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });

  it("gives the slot of a task that fails to the next one", async () => {
    const gate = createSemaphore(1);
    const failing = gate.run(() => Promise.reject(new Error("decoder gone")));
    const next = gate.run(async () => "decoded");
    await expect(failing).rejects.toThrow("decoder gone");
    await expect(next).resolves.toBe("decoded");
    expect(gate.running).toBe(0);
  });
});
