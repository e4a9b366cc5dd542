import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDraftAutosave } from "./draft-autosave.ts";
import { draftPayload, dropDraft, dropDraftsOf, loadDraft, saveDraft, type Draft } from "./drafts.store.ts";

const draft = (perihal: string, savedAt = 1): Draft => ({
  fields: { perihal, fakta: { siapa: "Sekitar 50 warga" } },
  location: { lat: -2.3217, lng: 115.4584, accuracyM: 12, source: "gps" },
  photos: [{ blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" }), sha256: "a".repeat(64), mime: "image/jpeg" }],
  savedAt,
});

describe("drafts store", () => {
  it("keeps one draft per officer and kind, photos included, and forgets an officer's drafts at logout", async () => {
    await saveDraft("u1", "situation", draft("Unjuk rasa"));
    await saveDraft("u1", "daily", draft("Harian"));
    await saveDraft("u2", "situation", draft("Milik petugas lain"));
    await saveDraft("u1", "situation", draft("Unjuk rasa di pasar", 2));

    const mine = await loadDraft("u1", "situation");
    expect(mine).toMatchObject({ fields: { perihal: "Unjuk rasa di pasar" }, savedAt: 2, location: { source: "gps" } });
    expect(mine?.photos[0]?.sha256).toBe("a".repeat(64));
    expect(new Uint8Array(await mine!.photos[0]!.blob.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    expect(await loadDraft("u1", "weekly")).toBeNull();

    await dropDraft("u1", "daily");
    expect(await loadDraft("u1", "daily")).toBeNull();
    await dropDraftsOf("u1");
    expect(await loadDraft("u1", "situation")).toBeNull();
    expect((await loadDraft("u2", "situation"))?.fields.perihal).toBe("Milik petugas lain");
  });

  it("opens a form on the draft's fields with its location where the payload has it", () => {
    expect(draftPayload(draft("Unjuk rasa"))).toEqual({
      perihal: "Unjuk rasa",
      fakta: { siapa: "Sekitar 50 warga" },
      location: { lat: -2.3217, lng: 115.4584, accuracyM: 12, source: "gps" },
    });
    expect(draftPayload({ ...draft("Tanpa lokasi"), location: null })).toEqual({ perihal: "Tanpa lokasi", fakta: { siapa: "Sekitar 50 warga" } });
    expect(draftPayload(null)).toBeUndefined();
  });
});

describe("draft autosave", () => {
  afterEach(() => vi.useRealTimers());

  it("saves a while after the last change, at once when flushed, never before a change and never after close", async () => {
    vi.useFakeTimers();
    const saved: Draft[] = [];
    let text = "a";
    const autosave = createDraftAutosave({
      read: () => ({ fields: { perihal: text }, location: null, photos: [] }),
      save: async (d) => void saved.push(d),
      delayMs: 700,
      now: () => 42,
    });
    await autosave.flush();
    expect(saved).toEqual([]); // opened and left: no draft

    autosave.touch();
    text = "ab";
    autosave.touch();
    await vi.advanceTimersByTimeAsync(699);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([{ fields: { perihal: "ab" }, location: null, photos: [], savedAt: 42 }]);

    text = "abc";
    autosave.touch();
    await autosave.flush(); // the page is hidden: no waiting
    expect(saved.map((d) => d.fields.perihal)).toEqual(["ab", "abc"]);
    await autosave.flush();
    expect(saved).toHaveLength(2); // nothing new since

    text = "abcd";
    autosave.touch();
    await autosave.close();
    await vi.advanceTimersByTimeAsync(5_000);
    await autosave.flush();
    expect(saved).toHaveLength(2);
  });

  it("lets close wait for a save under way, so deleting the draft afterwards sticks", async () => {
    let release!: () => void;
    const order: string[] = [];
    const autosave = createDraftAutosave({
      read: () => ({ fields: {}, location: null, photos: [] }),
      save: () => new Promise<void>((r) => (release = () => (order.push("saved"), r()))),
    });
    autosave.touch();
    void autosave.flush();
    const closed = autosave.close().then(() => order.push("closed"));
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await closed;
    expect(order).toEqual(["saved", "closed"]);
  });
});
