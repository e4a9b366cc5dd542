import { t, type MessageKey } from "../i18n/i18n.ts";

export type BadgeStatus = "queued" | "refused" | "submitted" | "verified" | "rejected" | "revision_requested" | "published";

/** A status as a coloured word (colour never alone: the word says it). */
export function StatusBadge({ status }: { status: BadgeStatus }) {
  return (
    <span class={`badge status-${status}`} data-status={status}>
      {t(`status.${status}` as MessageKey)}
    </span>
  );
}
