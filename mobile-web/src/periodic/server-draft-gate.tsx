import { Fragment, type ComponentChildren } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { PeriodicDraft } from "@contract/periodic-drafts.ts";
import { apiCall } from "../api/http.ts";
import { AppContext } from "../app/context.ts";
import { tx } from "./messages.ts";

/** The server's draft of a weekly or monthly report: compiled, or not available (offline, no answer, skipped). */
export type ServerDraft = { status: "ready"; draft: PeriodicDraft } | { status: "unavailable" } | { status: "skipped" };

/** A rural link may be slow, but the officer should not wait longer than this for a convenience. */
const DRAFT_TIMEOUT_MS = 15_000;

/**
 * Fetches the draft of `period` before the form mounts (its fields take their initial values once), with
 * a way to go on without it. `recompile` fetches another period's and remounts the form on it.
 */
export function ServerDraftGate(props: {
  kind: "weekly" | "monthly";
  period: string;
  children: (draft: ServerDraft, recompile: (period: string) => void) => ComponentChildren;
}) {
  const { connection } = useContext(AppContext);
  const [period, setPeriod] = useState(props.period);
  const [result, setResult] = useState<ServerDraft | null>(null);

  useEffect(() => {
    if (!connection.online.peek()) return setResult({ status: "unavailable" });
    const abort = new AbortController();
    setResult(null);
    void apiCall("GET /api/periodic/draft", { query: { kind: props.kind, period } }, { signal: abort.signal, timeoutMs: DRAFT_TIMEOUT_MS }).then(
      // Functional: an answer arriving after the officer chose to go on without it changes nothing.
      (r) => !abort.signal.aborted && setResult((now) => now ?? (r.ok ? { status: "ready", draft: r.data.data } : { status: "unavailable" })),
      () => undefined, // aborted: the officer left or skipped
    );
    return () => abort.abort();
  }, [period]);

  if (!result)
    return (
      <div class="stack pad" data-testid="draft-loading">
        <p class="muted">{tx("draft.loading")}</p>
        <button type="button" class="btn" onClick={() => setResult({ status: "skipped" })}>
          {tx("draft.skip")}
        </button>
      </div>
    );
  return <Fragment key={`${period}/${result.status}`}>{props.children(result, setPeriod)}</Fragment>;
}
