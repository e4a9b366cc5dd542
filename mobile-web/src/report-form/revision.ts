import type { ReviseTarget, SubmitReportRaw } from "@contract/reports.ts";
import type { OutboxEntry } from "../outbox/outbox.store.ts";
import type { MyReport } from "../my-reports/my-reports.model.ts";

/**
 * Revisions from the phone, the pure part: which report may be revised, the form filled from its last
 * submitted content, the submission that revises it. Types only from the contract: "my reports" reads
 * this, and must not pull in zod (see periodic-resend.ts for the part that needs the contract's values).
 */

/** A situation report a verifier sent back: its author may change it and send it again. */
export function canRevise(report: Pick<MyReport, "kind" | "status">): boolean {
  return report.kind === "situation" && report.status === "revision_requested";
}

/**
 * The form's starting values: the report as last submitted (the server's stored content, every default
 * filled in). Without clientId, sentAt and photos: the form makes those when it saves.
 */
export function revisionFormValues(report: MyReport): Record<string, unknown> {
  return {
    kind: report.kind,
    perihal: report.perihal,
    classification: report.classification,
    kerawanan: report.kerawanan,
    occurredAt: report.occurredAt,
    bidang: report.bidang,
    subCategory: report.subCategory,
    body: structuredClone(report.body),
    location: { ...report.location },
  };
}

/** What the revision answers: the report and the version the officer saw with the verifier's note. */
export function reviseTargetOf(report: Pick<MyReport, "id" | "version">): ReviseTarget {
  return { reportId: report.id, version: report.version };
}

/**
 * The submission of a revision: the form's payload (already with its new clientId) plus `revises`. Only a
 * situation report is revised this way; a periodic one is simply sent again for its period.
 */
export function withRevises<T extends Record<string, unknown>>(raw: T, target: ReviseTarget | undefined): T & { revises?: ReviseTarget } {
  if (!target || raw.kind !== "situation") return raw;
  return { ...raw, revises: { ...target } };
}

/** The report an outbox entry revises, if it is a revision. */
export function revisedReportId(payload: SubmitReportRaw): string | null {
  return "revises" in payload && payload.revises ? payload.revises.reportId : null;
}

/** The revision of this report still on the phone (queued or refused), if any: one at a time. */
export function pendingRevisionOf<E extends Pick<OutboxEntry, "payload">>(entries: readonly E[], reportId: string): E | undefined {
  return entries.find((e) => revisedReportId(e.payload) === reportId);
}

/**
 * A refused revision whose report moved on (a verifier decided meanwhile, or it was revised from another
 * phone): resending it unchanged can never succeed. The officer opens the report again, or drops this copy.
 */
export function isStaleRevision(entry: Pick<OutboxEntry, "state" | "payload" | "lastError">): boolean {
  return entry.state === "refused" && revisedReportId(entry.payload) !== null && entry.lastError?.code === "conflict";
}
