import { useContext, useEffect, useRef } from "preact/hooks";
import { useSignal } from "@preact/signals";
import { periodicTitle, periodLabel, type PeriodicKind } from "@contract/period-titles.ts";
import type { Kerawanan } from "@contract/reports.ts";
import { AppContext } from "../app/context.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";
import { tx } from "./messages.ts";
import { periodicStamp, type KnownSituation } from "./periodic-stamp.ts";

export interface StampProps {
  kind: PeriodicKind;
  initialPeriod: string;
  /** The server draft the form opened on, if any: its period and highest kerawanan. */
  draft?: { period: string; highestKerawanan: Kerawanan | null } | null;
  /** Compile the server draft again for another period (the officer changed it). */
  onRecompile?: (period: string) => void;
}

/**
 * The incident time and kerawanan of a periodic report as hidden fields (see periodic-stamp.ts for why and
 * how they are derived), following the period field; a title still the default follows it too.
 */
export function PeriodicStampFields({ kind, initialPeriod, draft, onRecompile }: StampProps) {
  const { myReports, sync } = useContext(AppContext);
  const period = useSignal(initialPeriod);
  const ref = useRef<HTMLDivElement>(null);

  // The period is an uncontrolled input of the enclosing form: follow its edits from there.
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const read = () => {
      const input = form.elements.namedItem("period");
      if (!(input instanceof HTMLInputElement) || input.value === period.peek()) return;
      const perihal = form.elements.namedItem("perihal");
      if (perihal instanceof HTMLInputElement && perihal.value === periodicTitle(kind, period.peek())) perihal.value = periodicTitle(kind, input.value);
      period.value = input.value;
    };
    form.addEventListener("input", read);
    form.addEventListener("change", read);
    return () => {
      form.removeEventListener("input", read);
      form.removeEventListener("change", read);
    };
  }, []);

  const situations: KnownSituation[] = [
    ...myReports.reports.value.filter((r) => r.kind === "situation" && r.status !== "rejected"),
    ...sync.status.mine.value.filter((e) => e.kind === "situation").map((e) => e.payload as unknown as KnownSituation),
  ];
  const sameAsDraft = draft?.period === period.value;
  const stamp = periodicStamp(kind, period.value, Date.now(), situations, sameAsDraft ? draft.highestKerawanan : null);
  return (
    <div ref={ref} class="stack-s">
      <input type="hidden" name="occurredAt" value={stamp.occurredAt} />
      <input type="hidden" name="kerawanan" value={stamp.kerawanan} />
      <p class="muted small" data-testid="periodic-stamp" data-kerawanan={stamp.kerawanan}>
        {tx("stamp.note", { level: t(`f.kerawanan.${stamp.kerawanan}` as MessageKey) })}
      </p>
      {draft && !sameAsDraft && onRecompile && (
        <div class="banner banner--info" aria-live="polite">
          <p>{tx("draft.otherPeriod", { range: periodLabel(kind, draft.period) })}</p>
          <button type="button" class="btn btn--small" onClick={() => onRecompile(period.value)}>
            {tx("draft.recompile")}
          </button>
        </div>
      )}
    </div>
  );
}
