import { useContext, useEffect, useRef } from "preact/hooks";
import { useSignal } from "@preact/signals";
import type { ReportKind } from "@contract/reports.ts";
import { AppContext } from "../app/context.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";
import { periodicResend } from "./periodic-resend.ts";

/**
 * Before a periodic report goes out for a period the officer already reported: say what the server will
 * do with it. A verified (or published) one is not sent back to review — the change is kept as an
 * amendment beside it — and the phone must not pretend otherwise.
 */
export function AmendmentNotice({ kind, initialPeriod }: { kind: ReportKind; initialPeriod: string }) {
  const { myReports } = useContext(AppContext);
  const period = useSignal(initialPeriod);
  const ref = useRef<HTMLDivElement>(null);
  // The period is an uncontrolled input of the enclosing form: follow its edits from there.
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const read = () => {
      const input = form.elements.namedItem("period");
      if (input instanceof HTMLInputElement) period.value = input.value;
    };
    read();
    form.addEventListener("input", read);
    form.addEventListener("change", read);
    return () => {
      form.removeEventListener("input", read);
      form.removeEventListener("change", read);
    };
  }, []);
  const outcome = periodicResend(myReports.reports.value, kind, period.value);
  return (
    <div ref={ref} aria-live="polite">
      {outcome !== "new" && (
        <p class={`banner ${outcome === "amendment" ? "banner--info" : "banner--warn"}`} data-testid="resend-notice" data-outcome={outcome}>
          {t(`revise.${outcome}` as MessageKey, { period: period.value })}
        </p>
      )}
    </div>
  );
}
