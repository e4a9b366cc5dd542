import { describe, expect, it } from "vitest";
import type { NotificationView } from "@contract/notifications.ts";
import { createHttp } from "@kit/http.ts";
import type { NotificationSocketHandlers } from "./notification-socket.ts";
import { mergeNotifications, NotificationsModel } from "./notifications.model.ts";

const note = (id: number, readAt: string | null = null): NotificationView => ({
  id: String(id),
  kind: "report_published",
  title: `Laporan ${id}`,
  body: "Ringkasan",
  params: null,
  link: `/laporan/${id}`,
  createdAt: "2026-03-02T05:00:00.000Z",
  readAt,
});

/** The notifications API behind plain fetch: `held` is what the server holds now. */
function fakeServer(held: NotificationView[]) {
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input), "http://x");
    const unread = () => held.filter((n) => !n.readAt).length;
    if (url.pathname === "/api/notifications") return Response.json({ data: held, page: { total: null, next: null }, unread: unread() });
    if (url.pathname === "/api/notifications/read") {
      const body = JSON.parse(String(init?.body)) as { ids?: string[]; all?: true };
      held = held.map((n) => (body.all || body.ids?.includes(n.id) ? { ...n, readAt: n.readAt ?? "2026-03-02T06:00:00.000Z" } : n));
      return Response.json({ data: { unread: unread() } });
    }
    return Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 });
  };
  return createHttp({ fetch });
}

function fakeSocket() {
  let handlers: NotificationSocketHandlers | null = null;
  return {
    connect: (h: NotificationSocketHandlers) => ((handlers = h), () => (handlers = null)),
    push: (n: NotificationView) => handlers!.received(n),
    remove: (ids: string[]) => handlers!.removed(ids),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the notification centre", () => {
  it("keeps newest first, one per id", () => {
    expect(mergeNotifications([note(2), note(1)], [note(3), note(2, "x")]).map((n) => [n.id, n.readAt])).toEqual([
      ["3", null],
      ["2", "x"],
      ["1", null],
    ]);
  });

  it("keeps a notification heard live while a slower, older read of the list was on its way", async () => {
    const socket = fakeSocket();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The first read answers late with the list as it was before the publication.
    const slowFirst: typeof globalThis.fetch = async () => {
      await held;
      return Response.json({ data: [note(1)], page: { total: null, next: null }, unread: 1 });
    };
    const model = new NotificationsModel(createHttp({ fetch: slowFirst }), socket.connect);
    model.start();
    socket.push(note(2));
    release();
    await settle();
    await settle();
    expect(model.items.value.map((n) => n.id)).toEqual(["2", "1"]);
    expect(model.unread.value).toBe(2);
  });

  it("counts a live notification once, and takes the server's count after marking read", async () => {
    const socket = fakeSocket();
    const model = new NotificationsModel(fakeServer([note(2), note(1, "2026-03-01T00:00:00.000Z")]), socket.connect);
    model.start();
    await settle();
    expect(model.unread.value).toBe(1);
    socket.push(note(3));
    socket.push(note(3));
    expect(model.items.value.map((n) => n.id)).toEqual(["3", "2", "1"]);
    expect(model.unread.value).toBe(2);
    await model.markRead("2");
    expect(model.items.value.find((n) => n.id === "2")!.readAt).not.toBeNull();
    expect(model.unread.value).toBe(0); // the fake server never saw 3: its count wins
    model.stop();
    expect(model.items.value).toEqual([]);
  });

  it("drops the notices of an unpublished report live, with the unread count, and a late page does not bring them back", async () => {
    const socket = fakeSocket();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let reads = 0;
    // The first read is fast; the second (after the removal) answers late with the list as it was before.
    const fetch: typeof globalThis.fetch = async () => {
      reads++;
      if (reads === 2) await held;
      return Response.json({ data: [note(3), note(2), note(1, "2026-03-01T00:00:00.000Z")], page: { total: null, next: null }, unread: 2 });
    };
    const model = new NotificationsModel(createHttp({ fetch }), socket.connect);
    model.start();
    await settle();
    expect(model.unread.value).toBe(2);

    socket.remove(["3", "1"]);
    expect(model.items.value.map((n) => n.id)).toEqual(["2"]);
    expect(model.unread.value).toBe(1); // 3 was unread, 1 was read
    expect(reads).toBe(1); // both were listed: nothing to ask the server

    socket.remove(["99"]); // one beyond the pages read: the list is read again
    expect(reads).toBe(2);
    release();
    await settle();
    await settle();
    expect(model.items.value.map((n) => n.id)).toEqual(["2"]);
    model.stop();
  });
});
