import { useSignal } from "@preact/signals";
import { fieldErrors } from "../i18n/i18n.ts";
import type { RunAction } from "../ui/notice.tsx";
import { models } from "./models.ts";
import { tx } from "./messages.ts";

/** Name a screen and issue its token; the address is then shown once (IssuedKiosk). */
export function IssueKioskForm({ run }: { run: RunAction }) {
  const label = useSignal("");
  const error = useSignal<unknown>(null);
  const busy = useSignal(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    const name = label.value.trim();
    const ok = await run(async () => {
      try {
        await models.kiosks.issue(name, location.origin);
      } catch (err) {
        error.value = err;
        throw err;
      }
    }, tx("kiosks.issue.done", { label: name }));
    busy.value = false;
    if (ok) label.value = "";
  };

  const message = fieldErrors(error.value).label;
  return (
    <form class="kiosks-issue" onSubmit={submit} noValidate data-testid="kiosk-issue">
      <h2>{tx("kiosks.issue.title")}</h2>
      <div class={message ? "field field--invalid" : "field"}>
        <label for="kiosk-label">{tx("kiosks.issue.label")}</label>
        <div class="kiosks-row">
          <input
            id="kiosk-label"
            name="label"
            maxLength={120}
            placeholder={tx("kiosks.issue.hint")}
            value={label.value}
            onInput={(e) => (label.value = e.currentTarget.value)}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? "kiosk-label-error" : undefined}
          />
          <button type="submit" class="button" data-testid="kiosk-issue-submit" disabled={busy.value || !label.value.trim()}>
            {tx("kiosks.issue.submit")}
          </button>
        </div>
        {message ? (
          <p class="field-error" id="kiosk-label-error" role="alert">
            {message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
