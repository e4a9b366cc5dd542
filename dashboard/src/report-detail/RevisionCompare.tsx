import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { RevisionSummary, RevisionView } from "@contract/report-detail.ts";
import { formatStamp } from "@kit/wita.ts";
import { api } from "../api/client.ts";
import { errorText, locale, t } from "../i18n/i18n.ts";
import { compareRevisions, leafText, onlyChanged } from "./revision-compare.ts";

/**
 * Two revisions of the report side by side: pick any two (the latest and the one before, to start);
 * changed fields are highlighted, and the unchanged ones can be hidden.
 */
export function RevisionCompare({ reportId, revisions, timeZone }: { reportId: string; revisions: RevisionSummary[]; timeZone?: string }) {
  const latest = revisions.at(-1)?.revision ?? 1;
  const from = useSignal(Math.max(1, latest - 1));
  const to = useSignal(latest);
  const changedOnly = useSignal(true);
  const payloads = useSignal<Record<number, RevisionView>>({});
  const error = useSignal<unknown>(null);
  useEffect(() => {
    from.value = Math.max(1, latest - 1);
    to.value = latest;
  }, [latest]);
  useEffect(() => {
    for (const n of [from.value, to.value]) {
      if (payloads.value[n]) continue;
      api.call("GET /api/reports/:id/revisions/:n", { params: { id: reportId, n } }).then(
        ({ data }) => (payloads.value = { ...payloads.value, [n]: data }),
        (err) => (error.value = err),
      );
    }
  }, [reportId, from.value, to.value]);
  if (revisions.length < 2) return <p class="muted">{t("revisions.only")}</p>;

  const a = payloads.value[from.value];
  const b = payloads.value[to.value];
  const rows = a && b ? compareRevisions(a.payload, b.payload) : [];
  const shown = changedOnly.value ? onlyChanged(rows) : rows;
  const picker = (label: string, value: number, set: (n: number) => void, testId: string) => (
    <label>
      {label}
      <select value={value} data-testid={testId} onChange={(e) => set(Number(e.currentTarget.value))}>
        {revisions.map((r) => (
          <option key={r.revision} value={r.revision}>
            {t("revisions.option", { n: r.revision, at: formatStamp(r.receivedAt, locale.value, timeZone) })}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="revisions" data-testid="revisions">
      <div class="revision-pickers">
        {picker(t("revisions.from"), from.value, (n) => (from.value = n), "revision-from")}
        {picker(t("revisions.to"), to.value, (n) => (to.value = n), "revision-to")}
        <label class="queue-check">
          <input type="checkbox" checked={changedOnly.value} onChange={(e) => (changedOnly.value = e.currentTarget.checked)} />
          {t("revisions.changedOnly")}
        </label>
      </div>
      {error.value ? <p class="field-error">{errorText(error.value)}</p> : null}
      {a && b ? (
        shown.length ? (
          <table class="table diff" data-testid="revision-diff">
            <thead>
              <tr>
                <th scope="col">{t("revisions.field")}</th>
                <th scope="col">{t("revisions.n", { n: from.value })}</th>
                <th scope="col">{t("revisions.n", { n: to.value })}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.path} class={r.changed ? "diff-changed" : undefined} data-testid="diff-row" data-path={r.path} data-changed={r.changed}>
                  <th scope="row">
                    <code>{r.path}</code>
                  </th>
                  <td class={r.changed ? "diff-before" : undefined}>{leafText(r.before)}</td>
                  <td class={r.changed ? "diff-after" : undefined}>{leafText(r.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t("revisions.same")}</p>
        )
      ) : (
        <p class="muted">{t("common.loading")}</p>
      )}
    </div>
  );
}
