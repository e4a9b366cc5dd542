import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { openOutbox, type OutboxStore } from "./outbox.store.ts";
import { freshDbName, makePayload, OFFICER_A, photo } from "./outbox.testing.ts";
import { sha256Hex } from "./photos.ts";

const open: OutboxStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));
async function openStore(name = freshDbName()) {
  const store = await openOutbox(name);
  open.push(store);
  return store;
}
async function queuedPhoto(bytes: number[]) {
  const blob = photo(bytes);
  return { blob, sha256: await sha256Hex(blob), mime: blob.type };
}

describe("outbox store", () => {
  it("keeps entries, photo bytes included, across a reload", async () => {
    const name = freshDbName();
    const store = await openStore(name);
    const p = await queuedPhoto([9, 8, 7]);
    const saved = await store.add(makePayload(), [p], 1000);
    store.close();

    const reopened = await openStore(name);
    const [entry] = await reopened.list();
    expect(entry).toMatchObject({ clientId: saved.clientId, kind: "situation", state: "pending", attempts: 0, nextAttemptAt: 0, createdAt: 1000 });
    expect(entry!.payload).toEqual(saved.payload);
    expect(entry!.photos[0]).toMatchObject({ sha256: p.sha256, mime: "image/jpeg", size: 3, uploaded: false });
    expect([...new Uint8Array(await entry!.photos[0]!.blob.arrayBuffer())]).toEqual([9, 8, 7]);
  });

  it("derives payload.photos from the photos, once per distinct hash", async () => {
    const store = await openStore();
    const a = await queuedPhoto([1]);
    const b = await queuedPhoto([2]);
    const entry = await store.add(makePayload({ photos: ["f".repeat(64)] }), [a, b, a]);
    expect(entry.payload.photos).toEqual([a.sha256, b.sha256]);
    expect(entry.photos.map((p) => p.sha256)).toEqual([a.sha256, b.sha256]);
  });

  it("lists oldest first, even within one millisecond", async () => {
    const store = await openStore();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await store.add(makePayload(), [], 42)).clientId);
    expect((await store.list()).map((e) => e.clientId)).toEqual(ids);
  });

  it("refuses a second entry with the same clientId", async () => {
    const store = await openStore();
    const payload = makePayload();
    await store.add(payload);
    await expect(store.add(payload)).rejects.toThrow();
    expect(await store.list()).toHaveLength(1);
  });

  it("updates in place, never resurrects a removed entry, and counts what is still on its way", async () => {
    const store = await openStore();
    const a = await store.add(makePayload());
    const b = await store.add(makePayload());
    await store.add(makePayload());
    expect(await store.update(a.clientId, (e) => ({ attempts: e.attempts + 1, state: "refused" }))).toMatchObject({ attempts: 1 });
    await store.remove(b.clientId);
    expect(await store.update(b.clientId, { state: "pending" })).toBeUndefined();
    expect(await store.get(b.clientId)).toBeUndefined();
    expect(await store.countPending()).toBe(1);
  });

  it("edits a refused entry into a new pending one with a new clientId, in the same place in the queue", async () => {
    const store = await openStore();
    const p = await queuedPhoto([5, 5]);
    const old = await store.add(makePayload(), [p]);
    const later = await store.add(makePayload());
    await store.update(old.clientId, { state: "refused", attempts: 0, lastError: { code: "invalid_input", message: "no" } });

    const edited = await store.edit(old.clientId, { ...old.payload, perihal: "Diperbaiki" });
    expect(edited.clientId).not.toBe(old.clientId);
    expect(edited).toMatchObject({ state: "pending", attempts: 0, nextAttemptAt: 0, payload: { clientId: edited.clientId, perihal: "Diperbaiki", photos: [p.sha256] } });
    expect(edited.lastError).toBeUndefined();
    expect(await store.get(old.clientId)).toBeUndefined();
    expect((await store.list()).map((e) => e.clientId)).toEqual([edited.clientId, later.clientId]);
  });

  it("edits a refused entry on a plain-HTTP page, where crypto.randomUUID does not exist", async () => {
    const store = await openStore();
    const old = await store.add(makePayload());
    await store.update(old.clientId, { state: "refused" });
    // Browsers expose randomUUID only in secure contexts; getRandomValues everywhere.
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      const edited = await store.edit(old.clientId, old.payload);
      expect(edited.clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(edited.clientId).not.toBe(old.clientId);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).toBe("function");
  });

  it("keeps who saved an entry, across a reload and an edit; older entries simply have no owner", async () => {
    const name = freshDbName();
    const store = await openStore(name);
    const mine = await store.add(makePayload(), [], 1, OFFICER_A);
    const legacy = await store.add(makePayload(), [], 2);
    store.close();
    const reopened = await openStore(name);
    expect((await reopened.get(mine.clientId))?.owner).toEqual(OFFICER_A);
    expect((await reopened.get(legacy.clientId))?.owner).toBeUndefined();
    await reopened.update(mine.clientId, { state: "refused" });
    expect((await reopened.edit(mine.clientId, mine.payload)).owner).toEqual(OFFICER_A);
  });

  it("edits only refused entries that the server never accepted", async () => {
    const store = await openStore();
    const pending = await store.add(makePayload());
    await expect(store.edit(pending.clientId, pending.payload)).rejects.toThrow(/Only a refused/);
    expect(await store.get(pending.clientId)).toMatchObject({ state: "pending" });
  });
});
