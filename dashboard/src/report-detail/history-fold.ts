import type { ReportHistoryEntry } from "@contract/report-detail.ts";

/** The publication entries that follow their status change in the same transaction. */
const PUBLICATION_ACTIONS = new Set<ReportHistoryEntry["action"]>(["published", "unpublished"]);
/** One transaction writes both; a few seconds allow for clocks read twice within it. */
const SAME_MOMENT_MS = 5_000;

/**
 * Publishing writes two trail entries in one transaction: the report's own `status_changed`
 * (verified → published) and the publication's `published` with its facts; unpublishing likewise. Read
 * as history they say the same thing twice, so the status change folds into the publication entry that
 * follows it (carrying its from → to). Anything else — a status change alone, entries by another person
 * or at another time — is left as it is.
 */
export function foldPublicationEntries(entries: readonly ReportHistoryEntry[]): ReportHistoryEntry[] {
  const out: ReportHistoryEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const next = entries[i + 1];
    if (e.action === "status_changed" && next && PUBLICATION_ACTIONS.has(next.action) && sameActor(e, next) && Math.abs(Date.parse(next.at) - Date.parse(e.at)) <= SAME_MOMENT_MS) {
      out.push({ ...next, fromStatus: next.fromStatus ?? e.fromStatus, toStatus: next.toStatus ?? e.toStatus, note: next.note ?? e.note });
      i++;
      continue;
    }
    out.push(e);
  }
  return out;
}

const sameActor = (a: ReportHistoryEntry, b: ReportHistoryEntry) => (a.actor?.id ?? null) === (b.actor?.id ?? null);
