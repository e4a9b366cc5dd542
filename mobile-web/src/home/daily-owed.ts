import type { ReportKind, ReportStatus } from "@contract/reports.ts";
import { witaDate } from "@kit/wita.ts";

interface QueuedLike {
  kind: ReportKind;
  payload: object;
}
interface ReportLike {
  kind: ReportKind;
  period: string | null;
  status: ReportStatus;
}

/**
 * Whether today's daily report (the WITA date) is still owed: none waiting in the outbox (refused ones
 * included — they have their own prompt to fix) and none on the server that was not rejected.
 */
export function isDailyOwed(now: number, outbox: readonly QueuedLike[], mine: readonly ReportLike[]): boolean {
  const today = witaDate(now);
  if (outbox.some((e) => e.kind === "daily" && (e.payload as { period?: unknown }).period === today)) return false;
  return !mine.some((r) => r.kind === "daily" && r.period === today && r.status !== "rejected");
}
