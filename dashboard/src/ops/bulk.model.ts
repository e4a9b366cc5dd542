import { createModel, signal } from "@preact/signals";
import { BULK_ITEMS_MAX, type BulkDecision, type BulkItemResult, type BulkOutcome } from "@contract/claims.ts";
import { QUEUE_LIMITS, type ReportFilterInput } from "@contract/report-queue.ts";
import type { ReportView } from "@contract/reports.ts";
import type { Http } from "@kit/http.ts";

export type BulkAction = BulkDecision | "assign";

export interface BulkRequest {
  action: BulkAction;
  note?: string;
  /** For `assign`. */
  agencyIds?: string[];
  deadline?: string;
}

export interface BulkItemRef {
  id: string;
  version: number;
}

/** A list cut into requests the server takes (at most BULK_ITEMS_MAX items each). */
export function chunk<T>(items: readonly T[], size = BULK_ITEMS_MAX): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** How many items ended each way, over several requests' results. */
export function countOutcomes(results: readonly BulkItemResult[]): Partial<Record<BulkOutcome, number>> {
  const counts: Partial<Record<BulkOutcome, number>> = {};
  for (const r of results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  return counts;
}

/**
 * Bulk triage: one decision (or one assignment) for many reports, each checked and applied on its own by
 * the server; the answer is kept per item for the verifier to read. "All matching the filter" pages the
 * queue for ids and versions first (the server takes at most 500 items a request).
 */
export const BulkModel = createModel((http: Http, putReports: (reports: ReportView[]) => void) => {
  const busy = signal(false);
  const results = signal<BulkItemResult[]>([]);
  const error = signal<unknown>(null);

  /** Every report of a filter, as ids and versions, newest first. */
  async function matching(filter: ReportFilterInput): Promise<BulkItemRef[]> {
    const refs: BulkItemRef[] = [];
    let before: string | undefined;
    do {
      const { data, page } = await http.call("GET /api/reports", { query: { ...filter, limit: QUEUE_LIMITS.pageMax, before } });
      refs.push(...data.map((r) => ({ id: r.id, version: r.version })));
      before = page.next ?? undefined;
    } while (before);
    return refs;
  }

  async function run(request: BulkRequest, items: BulkItemRef[] | { filter: ReportFilterInput }) {
    busy.value = true;
    error.value = null;
    results.value = [];
    try {
      const refs = Array.isArray(items) ? items : await matching(items.filter);
      for (const part of chunk(refs)) {
        const body =
          request.action === "assign"
            ? { action: "assign" as const, agencyIds: request.agencyIds ?? [], instruction: request.note ?? "", ...(request.deadline ? { deadline: request.deadline } : {}), items: part }
            : { action: request.action, ...(request.note ? { note: request.note } : {}), items: part };
        const { data } = await http.call("POST /api/reports/bulk", { body });
        results.value = [...results.value, ...data.results];
        putReports(data.results.flatMap((r) => (r.report ? [r.report] : [])));
      }
    } catch (err) {
      error.value = err;
    } finally {
      busy.value = false;
    }
  }

  const clear = () => ((results.value = []), (error.value = null));

  return { busy, results, error, run, clear };
});
