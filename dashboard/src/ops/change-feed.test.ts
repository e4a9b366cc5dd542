import { describe, expect, it } from "vitest";
import type { ChangeEnvelope } from "@contract/events.ts";
import { createChangeFeed, type ChangesPage } from "./change-feed.ts";

const change = (seq: number, entityId = `r${seq}`): ChangeEnvelope<{ n: number }> => ({
  seq,
  entity: "report",
  entityId,
  kind: "created",
  at: new Date(1_700_000_000_000 + seq).toISOString(),
  data: { n: seq },
});

/** A fake change log: `fetchAfter` answers like the server, pages of `pageSize`, optionally paused. */
function fakeLog(seqs: number[], pageSize = 2, withMore = true) {
  const log = seqs.map((s) => change(s));
  const calls: number[] = [];
  let gate: Promise<void> | null = null;
  let failNext = 0;
  return {
    calls,
    append: (...more: number[]) => log.push(...more.map((s) => change(s))),
    pause() {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    },
    failTimes: (n: number) => void (failNext = n),
    async fetchAfter(after: number): Promise<ChangesPage<{ n: number }>> {
      calls.push(after);
      if (gate) await gate;
      if (failNext > 0) {
        failNext--;
        throw new Error("network down");
      }
      const changes = log.filter((c) => c.seq > after).slice(0, pageSize);
      const page: ChangesPage<{ n: number }> = { changes, lastSeq: changes.at(-1)?.seq ?? after };
      if (withMore) page.more = changes.length === pageSize;
      return page;
    },
  };
}

function setup(seqs: number[], opts: { pageSize?: number; withMore?: boolean; initialSeq?: number } = {}) {
  const log = fakeLog(seqs, opts.pageSize, opts.withMore);
  const applied: number[] = [];
  const feed = createChangeFeed({ fetchAfter: (a) => log.fetchAfter(a), apply: (c) => applied.push(c.seq) }, opts.initialSeq);
  return { log, applied, feed };
}

describe("change feed", () => {
  it("reads the log page by page until it is exhausted, in seq order", async () => {
    const { log, applied, feed } = setup([1, 2, 4, 7, 9]);
    await feed.catchUp();
    expect(applied).toEqual([1, 2, 4, 7, 9]);
    expect(feed.lastSeq).toBe(9);
    expect(log.calls).toEqual([0, 2, 7]);
  });

  it("reads until an empty page when the server does not say whether more follow", async () => {
    const { log, applied, feed } = setup([1, 2, 3], { withMore: false });
    await feed.catchUp();
    expect(applied).toEqual([1, 2, 3]);
    expect(log.calls).toEqual([0, 2, 3]);
  });

  it("holds socket events during catch-up and applies them after, each once", async () => {
    const { log, applied, feed } = setup([1, 2, 3], { pageSize: 10 });
    const release = log.pause();
    const done = feed.catchUp();
    // Committed while the first page was in flight: in the log and on the socket, out of order.
    log.append(4, 5);
    feed.receive(change(5));
    feed.receive(change(3));
    feed.receive(change(4));
    expect(applied).toEqual([]);
    release();
    await done;
    expect(applied).toEqual([1, 2, 3, 4, 5]);
    expect(feed.catchingUp).toBe(false);
  });

  it("applies live events directly and ignores those at or below lastSeq", async () => {
    const { applied, feed } = setup([1, 2]);
    await feed.catchUp();
    feed.receive(change(3));
    feed.receive(change(3));
    feed.receive(change(2));
    feed.receive(change(6));
    expect(applied).toEqual([1, 2, 3, 6]);
    expect(feed.lastSeq).toBe(6);
  });

  it("resumes from lastSeq on reconnect: nothing missing, nothing twice", async () => {
    const { log, applied, feed } = setup([1, 2, 3]);
    await feed.catchUp();
    feed.receive(change(4));
    log.append(4, 5, 6, 8); // 5..8 happened while disconnected
    log.calls.length = 0;
    await feed.catchUp();
    expect(log.calls[0]).toBe(4);
    expect(applied).toEqual([1, 2, 3, 4, 5, 6, 8]);
  });

  it("starts from a known seq and never re-applies older changes", async () => {
    const { log, applied, feed } = setup([1, 2, 3, 4], { initialSeq: 2 });
    await feed.catchUp();
    expect(log.calls[0]).toBe(2);
    expect(applied).toEqual([3, 4]);
  });

  it("keeps holding events when the log cannot be read, and continues where it stopped", async () => {
    const { log, applied, feed } = setup([1, 2, 3, 4, 5]);
    await feed.catchUp();
    log.append(6, 7, 8);
    log.failTimes(1);
    const failing = feed.catchUp();
    feed.receive(change(8));
    await expect(failing).rejects.toThrow("network down");
    expect(feed.catchingUp).toBe(true);
    feed.receive(change(9));
    log.append(9);
    expect(applied).toEqual([1, 2, 3, 4, 5]);
    await feed.catchUp();
    expect(applied).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("lets a newer catch-up supersede one still waiting for the server", async () => {
    const { log, applied, feed } = setup([1, 2], { pageSize: 10 });
    const release = log.pause();
    const stale = feed.catchUp();
    const fresh = feed.catchUp();
    log.append(3);
    release();
    await Promise.all([stale, fresh]);
    expect(applied).toEqual([1, 2, 3]);
    expect(feed.catchingUp).toBe(false);
  });
});
