/** Fakes shared by the outbox tests: a manual clock, a server that dedupes like the real one, a payload. */
import { afterEach } from "vitest";
import type { Ack } from "@contract/events.ts";
import type { SubmitReportRaw, SubmitResult } from "@contract/reports.ts";
import type { ErrorCode } from "@contract/errors.ts";
import { openOutbox } from "./outbox.store.ts";
import type { OutboxOwner } from "./owner.ts";
import { OutboxSync, type OutboxSyncOptions, type Timers } from "./sync.ts";
import type { Transport } from "./transports.ts";

export class FakeClock implements Timers {
  t = Date.parse("2026-03-02T08:00:00+08:00");
  private seq = 0;
  private readonly pending = new Map<number, { at: number; run: () => void }>();

  now = () => this.t;
  setTimeout = (run: () => void, ms: number) => {
    this.pending.set(++this.seq, { at: this.t + ms, run });
    return this.seq;
  };
  clearTimeout = (handle: unknown) => void this.pending.delete(handle as number);

  /** Milliseconds until the earliest pending timer; null when none is set. */
  nextTimerIn(): number | null {
    const ats = [...this.pending.values()].map((p) => p.at);
    return ats.length ? Math.min(...ats) - this.t : null;
  }

  /** Move time forward, firing due timers in order and letting `settle` (the sync's idle) finish after each. */
  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const end = this.t + ms;
    for (let guard = 0; guard < 100_000; guard++) {
      const [id, next] = [...this.pending].filter(([, p]) => p.at <= end).sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || !next) break;
      this.pending.delete(id);
      this.t = Math.max(this.t, next.at);
      next.run();
      await settle();
    }
    this.t = end;
  }
}

type SubmitStep = "ok" | "commit-then-hang" | "commit-then-throw" | "throw" | ErrorCode;
type UploadStep = "ok" | "throw" | ErrorCode;

/** Answers like intake: one row per clientId; a repeat gets the original result with `duplicate: true`. */
export class FakeServer {
  readonly rows = new Map<string, SubmitResult>();
  readonly photos = new Set<string>();
  readonly submitted: { at: number; clientId: string }[] = [];
  readonly uploads: { reportId: string; sha256: string; ok: boolean }[] = [];
  /** What the next calls do; when empty, they succeed. */
  submitPlan: SubmitStep[] = [];
  uploadPlan: UploadStep[] = [];

  constructor(private readonly clock: FakeClock) {}

  readonly transport: Transport = {
    submit: (payload) => {
      this.submitted.push({ at: this.clock.t, clientId: payload.clientId });
      const step = this.submitPlan.shift() ?? "ok";
      if (step === "throw") return Promise.reject(new Error("offline"));
      if (step !== "ok" && !step.startsWith("commit")) return Promise.resolve(errorAck(step as ErrorCode));
      const ack: Ack<SubmitResult> = { data: this.commit(payload) };
      if (step === "commit-then-hang") return new Promise(() => undefined); // the page dies before the ack
      if (step === "commit-then-throw") return Promise.reject(new Error("connection lost"));
      return Promise.resolve(ack);
    },
    uploadPhoto: (reportId, sha256, blob, onProgress) => {
      const step = this.uploadPlan.shift() ?? "ok";
      this.uploads.push({ reportId, sha256, ok: step === "ok" });
      onProgress(0.5);
      this.lastProgressSeen?.();
      if (step === "throw") return Promise.reject(new Error("offline"));
      if (step !== "ok") return Promise.resolve(errorAck(step));
      if (blob.size === 0) return Promise.resolve(errorAck("invalid_input"));
      this.photos.add(`${reportId}/${sha256}`);
      return Promise.resolve({ data: { sha256 } });
    },
  };

  /** Called during each upload, after the first progress event (lets a test look at the status). */
  lastProgressSeen?: () => void;

  private commit(payload: SubmitReportRaw): SubmitResult {
    const existing = this.rows.get(payload.clientId);
    if (existing) return { ...existing, duplicate: true };
    const result: SubmitResult = {
      clientId: payload.clientId,
      id: crypto.randomUUID(),
      number: `LI-2026-${String(this.rows.size + 1).padStart(5, "0")}`,
      revision: 1,
      status: "submitted",
      kecamatan: { kode: "63.11.04", nama: "Paringin" },
      desa: null,
      outsideMeters: 0,
      duplicate: false,
    };
    this.rows.set(payload.clientId, result);
    return result;
  }
}

function errorAck(code: ErrorCode): Ack<never> {
  return { error: { code, message: `fake ${code}`, ...(code === "invalid_input" ? { fields: { perihal: "required" } } : {}) } };
}

/** A valid situation report as the form would queue it. */
export function makePayload(overrides: Partial<SubmitReportRaw> = {}): SubmitReportRaw {
  return {
    kind: "situation",
    clientId: crypto.randomUUID(),
    perihal: "Unjuk rasa di depan kantor desa",
    kerawanan: "sedang",
    occurredAt: "2026-03-02T07:30:00+08:00",
    sentAt: "2026-03-02T07:45:00+08:00",
    location: { lat: -2.33, lng: 115.47, accuracyM: 12, source: "gps" },
    bidang: "politik",
    subCategory: "unjuk rasa",
    body: {
      pendahuluan: { sumber: "warga", nilaiInformasi: "B2" },
      fakta: { siapa: "±50 warga", apa: "unjuk rasa", diMana: "kantor desa", bagaimana: "damai", bilamana: "pagi" },
      pendapat: {},
    },
    ...overrides,
  } as SubmitReportRaw;
}

export function photo(bytes: number[], mime = "image/jpeg") {
  return new Blob([new Uint8Array(bytes)], { type: mime });
}

let dbSeq = 0;
/** A fresh database name per test, so tests share nothing. */
export const freshDbName = () => `sikanda-outbox-test-${++dbSeq}-${crypto.randomUUID()}`;

/** Two officers sharing one phone. */
export const OFFICER_A: OutboxOwner = { id: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", username: "petugas.juai", displayName: "Ahmad" };
export const OFFICER_B: OutboxOwner = { id: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", username: "petugas.halong", displayName: "Budi" };

export interface TestSyncOptions {
  dbName?: string;
  clock?: FakeClock;
  server?: FakeServer;
  random?: () => number;
  /** Signed in at start; default officer A. */
  owner?: OutboxOwner | null;
  onDelivered?: OutboxSyncOptions["onDelivered"];
  /** Instead of the fake server's (e.g. a real socket to a real server). */
  transport?: Transport;
}

/** An `OutboxSync` on a fresh (or the given) database, a manual clock and the fake server. Call `close`. */
export async function createTestSync(opts: TestSyncOptions = {}) {
  const dbName = opts.dbName ?? freshDbName();
  const clock = opts.clock ?? new FakeClock();
  const server = opts.server ?? new FakeServer(clock);
  const store = await openOutbox(dbName);
  const online: (() => void)[] = [];
  const options: OutboxSyncOptions = {
    store,
    transport: opts.transport ?? server.transport,
    owner: opts.owner === undefined ? OFFICER_A : opts.owner,
    now: clock.now,
    random: opts.random ?? (() => 0.5),
    timers: clock,
    lock: (work) => work(),
    onOnline: (wake) => (online.push(wake), () => undefined),
    onDelivered: opts.onDelivered,
  };
  const sync = new OutboxSync(options);
  const advance = (ms: number) => clock.advance(ms, () => sync.idle());
  const close = () => (sync.stop(), store.close());
  return { dbName, clock, server, store, sync, advance, close, goOnline: () => online.forEach((w) => w()) };
}

export type TestSync = Awaited<ReturnType<typeof createTestSync>>;

/**
 * `createTestSync` for one test file: call once at its top level; every sync the returned function makes
 * is closed after the test that made it.
 */
export function useTestSyncs(): (opts?: TestSyncOptions) => Promise<TestSync> {
  const open: (() => void)[] = [];
  afterEach(() => open.splice(0).forEach((close) => close()));
  return async (opts = {}) => {
    const t = await createTestSync(opts);
    open.push(t.close);
    return t;
  };
}
