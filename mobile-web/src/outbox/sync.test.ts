import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { makePayload, photo, useTestSyncs } from "./outbox.testing.ts";
import { sha256Hex } from "./photos.ts";
import { DEFAULT_BACKOFF } from "./retry.ts";
import { photoKey } from "./sync-status.ts";
import type { OutboxSync } from "./sync.ts";

const HOUR = 3_600_000;
const setup = useTestSyncs();

async function queued(sync: OutboxSync, n = 1, photos: Blob[] = []) {
  const prepared = await Promise.all(photos.map(async (blob) => ({ blob, sha256: await sha256Hex(blob), mime: blob.type })));
  const entries = [];
  for (let i = 0; i < n; i++) entries.push(await sync.add(makePayload(), prepared));
  await sync.idle();
  return entries;
}

async function until(cond: () => boolean) {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(cond()).toBe(true);
}

describe("OutboxSync", () => {
  it("resends with the same clientId after the page died between send and ack; the server keeps one row", async () => {
    const first = await setup();
    first.server.submitPlan = ["commit-then-hang"];
    await first.sync.start();
    const entry = await first.sync.add(makePayload());
    await until(() => first.server.submitted.length === 1);
    expect((await first.store.get(entry.clientId))?.state).toBe("sending");
    // The page dies: nothing more runs in it. A reload opens the same database afresh.
    first.sync.stop();
    first.store.close();

    const reloaded = await setup({ dbName: first.dbName, clock: first.clock, server: first.server });
    expect((await reloaded.store.get(entry.clientId))?.state).toBe("sending");
    await reloaded.sync.start();
    await reloaded.sync.idle();

    expect(first.server.submitted.map((s) => s.clientId)).toEqual([entry.clientId, entry.clientId]);
    expect(first.server.rows.size).toBe(1);
    expect(await reloaded.store.list()).toEqual([]);
    expect(reloaded.sync.status.pending.value).toBe(0);
    expect(reloaded.sync.status.lastSyncAt.value).toBe(first.clock.t);
  });

  it("tells who listens about each delivered report with its ack, once", async () => {
    const delivered: { clientId: string; ackedId: string }[] = [];
    const { sync, store } = await setup({ onDelivered: (entry, result) => delivered.push({ clientId: entry.clientId, ackedId: result.id }) });
    await sync.start();
    const [withPhoto, plain] = [...(await queued(sync, 1, [photo([1, 2, 3])])), ...(await queued(sync))];
    expect(await store.list()).toEqual([]);
    expect(delivered.map((d) => d.clientId)).toEqual([withPhoto!.clientId, plain!.clientId]);
    expect(delivered.every((d) => d.ackedId.length > 0)).toBe(true);
  });

  it("retries a submit whose ack was lost on the same page without creating a second row", async () => {
    const { sync, server, store, advance } = await setup();
    server.submitPlan = ["commit-then-throw"];
    await sync.start();
    const [entry] = await queued(sync);
    expect((await store.get(entry!.clientId))?.state).toBe("pending");
    await advance(DEFAULT_BACKOFF.baseMs);
    expect(server.submitted).toHaveLength(2);
    expect(server.rows.size).toBe(1);
    expect(await store.list()).toEqual([]);
  });

  it("keeps a report refused with client_id_conflict, with the reason, and never sends it again", async () => {
    const { sync, server, store, advance } = await setup();
    server.submitPlan = ["client_id_conflict"];
    await sync.start();
    const [refused, fine] = await queued(sync, 2);
    const kept = await store.get(refused!.clientId);
    expect(kept).toMatchObject({ state: "refused", lastError: { code: "client_id_conflict" } });
    expect(sync.status.refused.value.map((e) => e.clientId)).toEqual([refused!.clientId]);
    expect(server.rows.has(fine!.clientId)).toBe(true); // one refusal does not block the queue

    await advance(48 * HOUR);
    await sync.kick();
    expect(server.submitted.filter((s) => s.clientId === refused!.clientId)).toHaveLength(1);
    expect((await store.get(refused!.clientId))?.state).toBe("refused");
  });

  it("retries 5xx, not_ready, 429 and network errors with growing jittered backoff until it succeeds", async () => {
    const random = () => 0.75;
    const { sync, server, store, advance } = await setup({ random });
    server.submitPlan = ["internal", "throw", "not_ready", "too_many_requests", ...Array<"throw">(8).fill("throw")];
    await sync.start();
    const [entry] = await queued(sync);
    await advance(24 * HOUR);

    const at = server.submitted.map((s) => s.at);
    const delays = at.slice(1).map((t, i) => t - at[i]!);
    expect(delays).toHaveLength(12);
    delays.forEach((d, n) => {
      const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** n);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(ceiling);
      expect(d).toBe(Math.floor(0.75 * ceiling));
    });
    expect(delays.at(-1)).toBe(0.75 * DEFAULT_BACKOFF.capMs); // capped at 5 min
    expect(server.rows.size).toBe(1);
    expect(await store.get(entry!.clientId)).toBeUndefined();
  });

  it("keeps backoff bounds with real randomness, and holds the rest of the queue while backing off", async () => {
    const { sync, server, advance } = await setup({ random: Math.random });
    server.submitPlan = Array<"throw">(6).fill("throw");
    await queued(sync, 3); // saved before the loop starts: one pass sees all three
    await sync.start();
    expect(server.submitted).toHaveLength(1); // the first failure holds the others back
    await advance(HOUR);
    const first = server.submitted.filter((s) => s.clientId === server.submitted[0]!.clientId).map((s) => s.at);
    first.slice(1).forEach((t, n) => {
      expect(t - first[n]!).toBeLessThanOrEqual(Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** n));
    });
    expect(server.rows.size).toBe(3);
    expect(sync.status.pending.value).toBe(0);
  });

  it("counts persisted attempts so backoff survives a reload", async () => {
    const first = await setup({ random: () => 1 - Number.EPSILON });
    first.server.submitPlan = ["throw", "throw", "throw"];
    await first.sync.start();
    const [entry] = await queued(first.sync);
    await first.advance(2_000 + 4_000);
    const saved = await first.store.get(entry!.clientId);
    expect(saved?.attempts).toBe(3);
    expect(saved!.nextAttemptAt - first.clock.t).toBeGreaterThan(7_000); // third delay: up to 8 s
    first.sync.stop();
    first.store.close();

    const reloaded = await setup({ dbName: first.dbName, clock: first.clock, server: first.server });
    await reloaded.sync.start();
    expect(first.server.submitted).toHaveLength(3); // not due yet
    await reloaded.advance(8_000);
    expect(first.server.submitted).toHaveLength(4);
    expect(await reloaded.store.list()).toEqual([]);
  });

  it("pauses on 401 with loginNeeded, keeps the report pending, and resumes after login", async () => {
    const { sync, server, store, advance } = await setup();
    server.submitPlan = ["unauthenticated"];
    await sync.start();
    const [entry] = await queued(sync, 2);
    expect(sync.status.loginNeeded.value).toBe(true);
    expect(await store.get(entry!.clientId)).toMatchObject({ state: "pending", attempts: 0 });
    expect(sync.status.refused.value).toEqual([]);
    await advance(HOUR);
    await sync.kick();
    expect(server.submitted).toHaveLength(1);

    await sync.resume();
    expect(sync.status.loginNeeded.value).toBe(false);
    expect(server.rows.size).toBe(2);
    expect(await store.list()).toEqual([]);
  });

  it("an online event retries at once, ignoring the backoff", async () => {
    const { sync, server, store, goOnline } = await setup({ random: () => 0.99 });
    server.submitPlan = ["throw", "throw"];
    await sync.start();
    await queued(sync);
    await sync.kick(); // still held back: the entry is not due
    expect(server.submitted).toHaveLength(1);
    goOnline();
    await sync.idle();
    goOnline();
    await sync.idle();
    expect(server.submitted).toHaveLength(3);
    expect(await store.list()).toEqual([]);
  });
});

describe("OutboxSync with photos", () => {
  const photos = [photo([1, 2, 3]), photo([4, 5, 6, 7])];

  it("uploads photos after the ack and removes the entry only when all are up; a failed upload does not resubmit", async () => {
    const { sync, server, store, advance } = await setup();
    server.uploadPlan = ["ok", "throw"];
    let seen: number | undefined;
    await sync.start();
    const [entry] = await queued(sync, 1, photos);
    server.lastProgressSeen = () => (seen = sync.status.progress.value.get(photoKey(entry!.clientId, entry!.photos[0]!.sha256)));

    const waiting = await store.get(entry!.clientId);
    expect(waiting?.state).toBe("uploading_photos");
    expect(waiting?.result?.clientId).toBe(entry!.clientId);
    expect(waiting?.photos.map((p) => p.uploaded)).toEqual([true, false]);

    await advance(DEFAULT_BACKOFF.baseMs);
    expect(server.submitted).toHaveLength(1);
    expect(server.uploads.map((u) => u.ok)).toEqual([true, false, true]);
    const reportId = server.rows.get(entry!.clientId)!.id;
    expect([...server.photos].sort()).toEqual(entry!.photos.map((p) => `${reportId}/${p.sha256}`).sort());
    expect(await store.get(entry!.clientId)).toBeUndefined();
    expect(seen).toBeUndefined(); // progress is only kept while uploading
    expect(sync.status.progress.value.size).toBe(0);
  });

  it("shows per-photo progress while uploading", async () => {
    const { sync, server } = await setup();
    const seen: (number | undefined)[] = [];
    server.lastProgressSeen = () => seen.push(...sync.status.progress.value.values());
    await sync.start();
    await queued(sync, 1, photos);
    expect(seen).toEqual([0.5, 0.5]);
  });

  it("after a crash between the ack and the uploads, a reload uploads the photos without resubmitting", async () => {
    const first = await setup();
    first.server.uploadPlan = ["throw"];
    await first.sync.start();
    const [entry] = await queued(first.sync, 1, photos);
    first.sync.stop();
    first.store.close();

    const reloaded = await setup({ dbName: first.dbName, clock: first.clock, server: first.server });
    await reloaded.sync.start();
    expect(first.server.submitted).toHaveLength(1); // held by the backoff
    await reloaded.advance(DEFAULT_BACKOFF.baseMs);
    expect(first.server.submitted).toHaveLength(1);
    expect(first.server.photos.size).toBe(2);
    expect(await reloaded.store.get(entry!.clientId)).toBeUndefined();
  });

  it("a refused photo keeps the acked report as refused; it cannot be edited into a second report, only resent", async () => {
    const { sync, server, store } = await setup();
    server.uploadPlan = ["payload_too_large"];
    await sync.start();
    const [entry] = await queued(sync, 1, photos);
    expect(await store.get(entry!.clientId)).toMatchObject({ state: "refused", lastError: { code: "payload_too_large" } });
    await expect(sync.edit(entry!.clientId, entry!.payload)).rejects.toThrow(/already received/);

    await sync.resend(entry!.clientId);
    await sync.idle();
    expect(server.submitted).toHaveLength(1);
    expect(server.rows.size).toBe(1);
    expect(await store.list()).toEqual([]);
  });
});

describe("editing a refused report", () => {
  it("gives it a new clientId and sends it again", async () => {
    const { sync, server, store } = await setup();
    server.submitPlan = ["outside_region"];
    await sync.start();
    const [entry] = await queued(sync);
    expect((await store.get(entry!.clientId))?.lastError?.code).toBe("outside_region");

    const fixed = { ...entry!.payload, location: { lat: -2.35, lng: 115.45, accuracyM: 8, source: "pin" as const } };
    const edited = await sync.edit(entry!.clientId, fixed);
    expect(edited.clientId).not.toBe(entry!.clientId);
    expect(edited.payload.clientId).toBe(edited.clientId);
    await sync.idle();

    expect(server.submitted.map((s) => s.clientId)).toEqual([entry!.clientId, edited.clientId]);
    expect([...server.rows.keys()]).toEqual([edited.clientId]);
    expect(await store.list()).toEqual([]);
  });
});
