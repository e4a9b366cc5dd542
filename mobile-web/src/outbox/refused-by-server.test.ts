import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../server/test/test-app.ts";
import { useAccount } from "../../../server/test/accounts.ts";
import { openSocket, type ClientSocket } from "../../../server/test/sockets.ts";
import { createTestSync, makePayload } from "./outbox.testing.ts";
import { socketTransport, type Transport } from "./transports.ts";

/**
 * The phone's outbox against the real server: a report the server refuses for its content (here one queued
 * by an app version that did not yet check for a NUL) goes to the refused list with the server's reason,
 * and is never sent again by itself, while the report behind it is delivered.
 */

const t = useTestApp();
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
let socket: ClientSocket;
beforeAll(async () => {
  socket = await openSocket(t, { cookie: officer.cookie });
});
afterAll(() => {
  socket.close();
});

describe("an outbox report refused by the server's input rules", () => {
  it("moves to the refused list with the field named, is not retried, and does not hold up the next report", async () => {
    const sent: string[] = [];
    const real = socketTransport(() => socket);
    const transport: Transport = {
      submit: (payload) => (sent.push(payload.clientId), real.submit(payload)),
      uploadPhoto: () => Promise.reject(new Error("no photos in this test")),
    };
    const phone = await createTestSync({ transport, owner: { id: officer.id, username: officer.username, displayName: "Petugas" } });
    try {
      await phone.sync.start();
      const poisoned = await phone.sync.add(makePayload({ perihal: "Unjuk rasa\u0000 di kantor desa" }));
      const fine = await phone.sync.add(makePayload());
      for (let i = 0; i < 200 && (await phone.store.get(fine.clientId)); i++) await new Promise((r) => setTimeout(r, 10));
      await phone.sync.idle();

      expect(await phone.store.get(fine.clientId)).toBeUndefined(); // delivered and dropped from the outbox
      const kept = await phone.store.get(poisoned.clientId);
      expect(kept).toMatchObject({ state: "refused", lastError: { code: "invalid_input" } });
      expect(kept?.lastError?.fields).toHaveProperty("perihal");
      expect(kept?.lastError?.fieldIssues?.perihal).toEqual({ code: "bad_text" }); // shown translated on the refused list
      expect(phone.sync.status.refused.value.map((e) => e.clientId)).toEqual([poisoned.clientId]);

      await phone.advance(48 * 3_600_000);
      await phone.sync.kick();
      await phone.sync.idle();
      expect(sent.filter((id) => id === poisoned.clientId)).toHaveLength(1);
      expect((await phone.store.get(poisoned.clientId))?.state).toBe("refused");
    } finally {
      phone.close();
    }
  });
});
