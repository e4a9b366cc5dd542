import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { openOutbox } from "./outbox.store.ts";
import { freshDbName, makePayload, OFFICER_A, OFFICER_B, photo, useTestSyncs, type FakeServer } from "./outbox.testing.ts";
import { belongsTo, heldByOwner } from "./owner.ts";
import { sha256Hex } from "./photos.ts";

const HOUR = 3_600_000;
const setup = useTestSyncs();

const submittedIds = (server: { submitted: { clientId: string }[] }) => server.submitted.map((s) => s.clientId);

/** Officer A's sync with one report, sent once and answered `answer` (a fault or an error code). */
async function oneSentByA(answer: FakeServer["submitPlan"][number]) {
  const t = await setup({ owner: OFFICER_A });
  t.server.submitPlan = [answer];
  await t.sync.start();
  const entry = await t.sync.add(makePayload());
  await t.sync.idle();
  return { ...t, entry };
}

describe("outbox entries belong to their officer", () => {
  it("with B signed in, A's reports are neither sent nor dropped; when A signs in again each is sent once", async () => {
    const { sync, server, store, advance, goOnline, clock } = await setup({ owner: OFFICER_A });
    server.submitPlan = ["throw"]; // A has no signal
    await sync.start();
    const a1 = await sync.add(makePayload({ perihal: "A satu" }));
    const a2 = await sync.add(makePayload({ perihal: "A dua" }));
    await sync.idle();
    expect((await store.get(a1.clientId))?.owner).toEqual(OFFICER_A);
    const triedByA = server.submitted.length;

    // A logs out (the queue stays), B logs in on the same phone and the signal comes back.
    await sync.setOwner(null);
    expect(await store.list()).toHaveLength(2);
    await sync.setOwner(OFFICER_B);
    const b1 = await sync.add(makePayload({ perihal: "B satu" }));
    await sync.idle();
    goOnline();
    await sync.idle();
    // Held entries are never "due": the loop sleeps its full period instead of spinning on them.
    expect(clock.nextTimerIn()).toBe(60_000);
    expect(sync.status.retryAt.value).toBeNull();
    const list = vi.spyOn(store, "list");
    await advance(HOUR);

    expect(submittedIds(server).slice(triedByA)).toEqual([b1.clientId]);
    expect(server.rows.has(a1.clientId) || server.rows.has(a2.clientId)).toBe(false);
    expect((await store.list()).map((e) => [e.clientId, e.owner?.id, e.state])).toEqual([
      [a1.clientId, OFFICER_A.id, "pending"],
      [a2.clientId, OFFICER_A.id, "pending"],
    ]);
    expect(sync.status.pending.value).toBe(0);
    expect(sync.status.mine.value).toEqual([]);
    expect(sync.status.held.value.map((h) => [h.owner.username, h.entries.length])).toEqual([["petugas.juai", 2]]);
    expect(list.mock.calls.length).toBeLessThan(200); // about two a minute

    // A logs back in: both go, once each, in their order.
    await sync.setOwner(null);
    await sync.setOwner(OFFICER_A);
    await sync.idle();
    await advance(HOUR);
    expect(submittedIds(server).slice(triedByA + 1)).toEqual([a1.clientId, a2.clientId]);
    expect([...server.rows.keys()].sort()).toEqual([a1.clientId, a2.clientId, b1.clientId].sort());
    expect(await store.list()).toEqual([]);
    expect(sync.status.held.value).toEqual([]);
  });

  it("keeps the queue when the officer logs out, and saves nothing without an officer", async () => {
    const { sync, server, store, entry } = await oneSentByA("throw");
    await sync.setOwner(null);
    await sync.kick();
    await expect(sync.add(makePayload())).rejects.toThrow(/No officer/);
    expect((await store.list()).map((e) => e.clientId)).toEqual([entry.clientId]);
    expect(server.submitted).toHaveLength(1);
  });

  it("an entry saved before owners were recorded goes with the officer signed in, who keeps it", async () => {
    const dbName = freshDbName();
    const legacy = await openOutbox(dbName);
    const old = await legacy.add(makePayload({ perihal: "dari versi lama" })); // no owner, as before the upgrade
    legacy.close();

    const { sync, server, store } = await setup({ dbName, owner: OFFICER_A });
    expect(sync.status.mine.value).toEqual([]); // not loaded yet
    await sync.refresh();
    expect(sync.status.mine.value.map((e) => e.clientId)).toEqual([old.clientId]);
    expect(sync.status.held.value).toEqual([]);
    server.submitPlan = ["throw"];
    await sync.start();
    expect((await store.get(old.clientId))?.owner).toEqual(OFFICER_A); // adopted on its first attempt

    await sync.setOwner(OFFICER_B);
    await sync.kick();
    expect(server.submitted).toHaveLength(1);
    expect(sync.status.held.value.map((h) => h.owner.id)).toEqual([OFFICER_A.id]);
  });

  it("another officer's refused report cannot be edited, resent or discarded", async () => {
    const { sync, store, entry } = await oneSentByA("outside_region");
    expect(sync.status.refused.value).toHaveLength(1);

    await sync.setOwner(OFFICER_B);
    expect(sync.status.refused.value).toEqual([]);
    await expect(sync.edit(entry.clientId, entry.payload)).rejects.toThrow(/another officer/);
    await expect(sync.resend(entry.clientId)).rejects.toThrow(/another officer/);
    await expect(sync.discard(entry.clientId)).rejects.toThrow(/another officer/);
    expect(await store.get(entry.clientId)).toMatchObject({ state: "refused", owner: OFFICER_A });
  });

  it("stops before the next photo when another officer signs in mid-delivery, and A's next login finishes it", async () => {
    const { sync, server, store } = await setup({ owner: OFFICER_A });
    const photos = await Promise.all([photo([1, 2]), photo([3, 4])].map(async (blob) => ({ blob, sha256: await sha256Hex(blob), mime: blob.type })));
    let switched = false;
    server.lastProgressSeen = () => {
      if (!switched) void sync.setOwner(OFFICER_B);
      switched = true;
    };
    await sync.start();
    const entry = await sync.add(makePayload(), photos);
    await sync.idle();
    expect(server.uploads).toHaveLength(1);
    expect(await store.get(entry.clientId)).toMatchObject({ state: "uploading_photos", owner: OFFICER_A });

    await sync.setOwner(OFFICER_A);
    await sync.idle();
    expect(server.submitted).toHaveLength(1);
    expect(server.photos.size).toBe(2);
    expect(await store.list()).toEqual([]);
  });
});

describe("owner helpers", () => {
  it("treats an entry without owner as the signed-in officer's, and nobody's while signed out", () => {
    expect(belongsTo({}, OFFICER_B.id)).toBe(true);
    expect(belongsTo({ owner: OFFICER_A }, OFFICER_B.id)).toBe(false);
    expect(belongsTo({ owner: OFFICER_A }, OFFICER_A.id)).toBe(true);
    expect(belongsTo({}, null)).toBe(false);
  });

  it("groups other officers' entries per officer", () => {
    const e = (n: number, owner?: typeof OFFICER_A) => ({ n, ...(owner ? { owner } : {}) });
    const groups = heldByOwner([e(1, OFFICER_A), e(2), e(3, OFFICER_B), e(4, OFFICER_A)], OFFICER_B.id);
    expect(groups.map((g) => [g.owner.id, g.entries.map((x) => x.n)])).toEqual([[OFFICER_A.id, [1, 4]]]);
  });
});
