import { Fragment, type ComponentChildren } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { ReportKind } from "@contract/reports.ts";
import { AppContext } from "../app/context.ts";
import { t } from "../i18n/i18n.ts";
import { dropDraft, loadDraft, type Draft } from "./drafts.store.ts";

/** Where a form keeps its draft, and what it was started from. */
export interface DraftTarget {
  ownerId: string;
  kind: ReportKind;
  /** When the restored draft was last changed; null for a fresh form. */
  restoredAt: number | null;
  /** Forget the draft and start the form again from its defaults. */
  discard(): void;
}

/**
 * A new report's form, opened on the officer's draft of that kind when there is one (read from
 * IndexedDB before the form mounts: its fields take their initial values once).
 */
export function DraftGate({ kind, children }: { kind: ReportKind; children: (draft: Draft | null, target: DraftTarget | null) => ComponentChildren }) {
  const { session } = useContext(AppContext);
  const ownerId = session.user.value?.id ?? null;
  const [state, setState] = useState<{ draft: Draft | null; generation: number } | null>(null);

  useEffect(() => {
    let live = true;
    if (!ownerId) setState({ draft: null, generation: 0 });
    else void loadDraft(ownerId, kind).then((draft) => live && setState({ draft, generation: 0 }));
    return () => void (live = false);
  }, [ownerId, kind]);

  if (!state) return <p class="muted pad">{t("app.loading")}</p>;
  const target: DraftTarget | null = ownerId
    ? {
        ownerId,
        kind,
        restoredAt: state.draft?.savedAt ?? null,
        discard: () => void dropDraft(ownerId, kind).then(() => setState({ draft: null, generation: state.generation + 1 })),
      }
    : null;
  // A new generation remounts the form, so its fields take the defaults again.
  return <Fragment key={state.generation}>{children(state.draft, target)}</Fragment>;
}
