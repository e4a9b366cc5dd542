import { describe, expect, it } from "vitest";
import type { ChangeEnvelope } from "@contract/events.ts";
import { restartTestApp, useTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, login, useAccount } from "../test/accounts.ts";
import { openSocket, type ClientSocket } from "../test/sockets.ts";
import { actorOfAccount, situationReport } from "../test/reports.ts";

const t = useTestApp();
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const admin = useAccount(t, "admin");

/** Everything after `after`, page by page, as a resuming dashboard does. */
async function catchUp(app: TestApp, cookie: string, after: number, limit = 200): Promise<ChangeEnvelope[]> {
  const all: ChangeEnvelope[] = [];
  for (;;) {
    const res = await api(app, "GET", `/api/changes?after=${after}&limit=${limit}`, { cookie });
    expect(res.status).toBe(200);
    const changes: ChangeEnvelope[] = res.body.data;
    all.push(...changes);
    if (res.body.page.next === null) return all;
    after = Number(res.body.page.next);
  }
}

function collect(socket: ClientSocket): ChangeEnvelope[] {
  const got: ChangeEnvelope[] = [];
  socket.on("report:created", (c) => got.push(c));
  return got;
}

async function submitMany(n: number, tag: string): Promise<string[]> {
  const actor = actorOfAccount(officer);
  const inputs = Array.from({ length: n }, (_, i) => situationReport({ perihal: `${tag} ${i}` }));
  // Concurrent, as many phones would: several commit groups, interleaved.
  const results = await Promise.all(inputs.map((input) => t.services.intake.submit(actor, input)));
  return results.map((r) => r.id);
}

describe("gap-free resume by seq", () => {
  it("a live dashboard socket gets each created report once, with increasing seq", async () => {
    const socket = await openSocket(t, { cookie: admin.cookie });
    const live = collect(socket);
    const ids = await submitMany(50, "langsung");
    await expect.poll(() => live.length, { timeout: 10_000 }).toBe(50);
    expect(new Set(live.map((c) => c.entityId))).toEqual(new Set(ids));
    const seqs = live.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    socket.close();
  });

  it("a dashboard disconnected while 500 reports arrive gets exactly those 500, in seq order, on resume", async () => {
    const socket = await openSocket(t, { cookie: admin.cookie });
    const live = collect(socket);
    const marker = (await submitMany(1, "sebelum"))[0];
    await expect.poll(() => live.some((c) => c.entityId === marker), { timeout: 10_000 }).toBe(true);
    const lastSeen = Math.max(...live.map((c) => c.seq));
    socket.close();

    const missed = await submitMany(500, "terputus");

    const resumed = await openSocket(t, { cookie: admin.cookie });
    const afterReconnect = collect(resumed);
    const caught = await catchUp(t, admin.cookie, lastSeen);
    expect(caught).toHaveLength(500);
    expect(caught.map((c) => c.entityId).sort()).toEqual([...missed].sort());
    const seqs = caught.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(500);
    expect(seqs[0]).toBeGreaterThan(lastSeen);
    expect((caught[0]!.data as { perihal: string }).perihal).toMatch(/^terputus /);

    // New reports after the reconnect arrive live, after the caught-up ones, none twice.
    const fresh = await submitMany(3, "sesudah");
    await expect.poll(() => afterReconnect.length, { timeout: 10_000 }).toBe(3);
    expect(afterReconnect.map((c) => c.entityId).sort()).toEqual([...fresh].sort());
    expect(Math.min(...afterReconnect.map((c) => c.seq))).toBeGreaterThan(seqs.at(-1)!);
    resumed.close();
  }, 120_000);

  it("resumes across a server restart: the change log is in the database, not in memory", async () => {
    const before = await catchUp(t, admin.cookie, 0, 1000);
    const lastSeen = before.at(-1)!.seq;
    const missed = await submitMany(20, "restart");
    await restartTestApp(t);
    const cookie = await login(t, await createAccount(t, "admin"));
    const caught = await catchUp(t, cookie, lastSeen);
    expect(caught.map((c) => c.entityId).sort()).toEqual([...missed].sort());
    // The officer resumes too, but sees only their own reports; a verifier of other regions sees none.
    const officerCookie = await login(t, officer);
    expect((await catchUp(t, officerCookie, lastSeen)).map((c) => c.entityId).sort()).toEqual([...missed].sort());
    const elsewhere = await login(t, await createAccount(t, "verifier", { verifierRegions: ["63.11.02"] }));
    expect(await catchUp(t, elsewhere, lastSeen)).toEqual([]);
  }, 120_000);

  it("a report list carries the seq to resume from: nothing after it is in the list, nothing before it is missing", async () => {
    const cookie = await login(t, await createAccount(t, "admin"));
    const list = await api(t, "GET", "/api/reports?limit=500", { cookie });
    const all = await catchUp(t, cookie, 0, 1000);
    expect(list.body.page.seq).toBe(all.at(-1)!.seq);
    const later = await submitMany(2, "setelah daftar");
    const caught = await catchUp(t, cookie, list.body.page.seq);
    expect(caught.map((c) => c.entityId).sort()).toEqual([...later].sort());
  });

  it("rejects a bad cursor with 400", async () => {
    const cookie = await login(t, await createAccount(t, "admin"));
    const res = await api(t, "GET", "/api/changes?after=-1&limit=5000", { cookie });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(["after", "limit"]));
  });
});
