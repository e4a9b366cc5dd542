import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { t } from "../i18n/i18n.ts";
import { models } from "./models.ts";

/** A held verification: the seconds left, and the undo. */
export function PendingNotice({ reportId, due }: { reportId: string; due: number }) {
  const now = useSignal(Date.now());
  useEffect(() => {
    const timer = setInterval(() => (now.value = Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((due - now.value) / 1000));
  return (
    <div class="decide-pending" data-testid="decide-pending" role="status">
      <span>{t("decide.pending", { seconds })}</span>
      <button type="button" class="button-quiet" data-testid="decide-undo" onClick={() => models.pending.undo(reportId)}>
        {t("decide.undo")}
      </button>
    </div>
  );
}
