import { action, createModel, signal } from "@preact/signals";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { ReportView } from "@contract/reports.ts";
import { apiCall } from "../api/http.ts";
import { cacheGet, cacheSet } from "../storage/kv.ts";

/** A report of mine as the server has it; `statusNote` is the verifier's note on a rejection or revision request. */
export type MyReport = ReportView;

export type LoadState = "idle" | "loading" | "ready" | "failed";

const LIMIT = 50;

/**
 * The officer's own reports from `GET /api/reports?mine=true`, kept in IndexedDB so the list (and the
 * "daily report owed" banner) works offline, and patched live by `report:updated` on the officer's room.
 */
export const MyReportsModel = createModel(() => {
  const reports = signal<MyReport[]>([]);
  const state = signal<LoadState>("idle");
  /** When the list last came from the server (epoch ms); null: never on this phone. */
  const fetchedAt = signal<number | null>(null);
  let owner: string | null = null;
  /** Live changes that arrived while a fetch was in flight: its snapshot may predate them. */
  let duringFetch: Map<string, MyReport> | null = null;

  const cacheKey = (userId: string) => `my-reports:${userId}`;

  let inflight: Promise<void> | null = null;
  let again = false;

  /** Fetch my list. One fetch at a time; a call during one asks for one more afterwards. */
  function load(userId: string): Promise<void> {
    if (inflight && owner === userId) {
      again = true;
      return inflight;
    }
    inflight = fetchList(userId).finally(() => {
      inflight = null;
      if (again && owner === userId) {
        again = false;
        void load(userId);
      }
    });
    return inflight;
  }

  async function fetchList(userId: string): Promise<void> {
    if (owner !== userId) {
      // Another officer on this phone: never show the previous one's list, even for a moment.
      owner = userId;
      reports.value = [];
      fetchedAt.value = null;
      const cached = await cacheGet<MyReport[]>(cacheKey(userId));
      if (cached && owner === userId) {
        reports.value = cached.value;
        fetchedAt.value = cached.at;
      }
    }
    state.value = "loading";
    const live = (duringFetch = new Map());
    const r = await apiCall("GET /api/reports", { query: { mine: "true", limit: LIMIT } });
    duringFetch = null;
    if (owner !== userId) return;
    if (r.ok) {
      reports.value = sortNewestFirst(mergeNewer(r.data.data, [...live.values()])).slice(0, LIMIT);
      fetchedAt.value = Date.now();
      state.value = "ready";
      await cacheSet(cacheKey(userId), reports.value);
    } else {
      state.value = "failed";
    }
  }

  /** A live change: replace or add the report if it is one of mine. */
  const applyChange = action((change: ChangeEnvelope) => {
    const report = change.data;
    if (change.entity !== "report" || report.author.id !== owner) return;
    const others = reports.value.filter((r) => r.id !== report.id);
    const previous = reports.value.find((r) => r.id === report.id);
    // A stale event (lower version) must not undo a newer state we already have.
    if (previous && typeof previous.version === "number" && report.version < previous.version) return;
    reports.value = sortNewestFirst([report, ...others]).slice(0, LIMIT);
    duringFetch?.set(report.id, report);
    if (owner) void cacheSet(cacheKey(owner), reports.value);
  });

  /**
   * A report this phone just delivered (see provisional.ts), until the server's view of it arrives. A new
   * revision of a report already listed (a revision, an amendment) replaces it, with the listed version
   * kept so any later view from the server still wins; the server's own view of that revision or a newer
   * one is never replaced.
   */
  const addDelivered = action((report: MyReport) => {
    if (!owner || report.author.id !== owner) return;
    const listed = reports.value.find((r) => r.id === report.id);
    if (listed && listed.revision >= report.revision) return;
    const shown = listed ? { ...report, version: listed.version, receivedAt: listed.receivedAt } : report;
    reports.value = sortNewestFirst([shown, ...reports.value.filter((r) => r.id !== report.id)]).slice(0, LIMIT);
    void cacheSet(cacheKey(owner), reports.value);
  });

  return { reports, state, fetchedAt, load, applyChange, addDelivered };
});

export type MyReports = InstanceType<typeof MyReportsModel>;

/** The union by id, keeping the higher version of a report present in both. */
export function mergeNewer(a: MyReport[], b: MyReport[]): MyReport[] {
  const byId = new Map(a.map((r) => [r.id, r]));
  for (const r of b) {
    const prev = byId.get(r.id);
    if (!prev || r.version > prev.version) byId.set(r.id, r);
  }
  return [...byId.values()];
}

function sortNewestFirst(list: MyReport[]): MyReport[] {
  return [...list].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
}
