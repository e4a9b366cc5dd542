import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { formatStamp, fromWitaLocalInput } from "@kit/wita.ts";
import { models } from "./models.ts";
import { errorText, locale, t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { AUDIT_ACTIONS, auditSentence } from "./audit-sentence.ts";
import { JOB_DUTY_ACTIONS } from "./messages.ts";

/** A WITA day's start as an instant; `next` for the day after (the end of a range is exclusive). */
const dayStart = (day: string, next = false) => {
  const iso = fromWitaLocalInput(`${day}T00:00`);
  return iso ? new Date(Date.parse(iso) + (next ? 86_400_000 : 0)).toISOString() : undefined;
};

/**
 * The audit log as sentences ("Siti memverifikasi laporan LI-2026-00012 'Unjuk rasa …' — 29 Nov 2026
 * 14.03 WITA"), newest first; filtered by actions, actor and a date range, all applied by the server.
 */
export function AuditPage() {
  const { audit, mapData } = models;
  const actions = useSignal<string[]>(audit.filter.value.actions);
  const actor = useSignal(audit.filter.value.actor);
  const from = useSignal("");
  const to = useSignal("");
  useEffect(() => {
    void audit.load();
  }, [audit]);
  const zone = mapData.config.value?.timeZone;

  return (
    <div class="page">
      <h1>{t("audit.title")}</h1>
      <form
        class="filters audit-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void audit.search({ actions: actions.value, actor: actor.value.trim().toLowerCase(), from: from.value ? dayStart(from.value) : undefined, to: to.value ? dayStart(to.value, true) : undefined });
        }}
      >
        <details>
          <summary>{actions.value.length ? t("audit.actionsChosen", { count: actions.value.length }) : t("audit.filterAction")}</summary>
          <fieldset class="audit-actions">
            <legend>{t("audit.filterAction")}</legend>
            {[...AUDIT_ACTIONS, ...JOB_DUTY_ACTIONS].map((a) => (
              <label key={a}>
                <input
                  type="checkbox"
                  name="action"
                  value={a}
                  checked={actions.value.includes(a)}
                  onChange={(e) => (actions.value = e.currentTarget.checked ? [...actions.value, a] : actions.value.filter((x) => x !== a))}
                />{" "}
                <code>{a}</code>
              </label>
            ))}
          </fieldset>
        </details>
        <input name="actor" aria-label={t("audit.filterActor")} placeholder={t("audit.filterActor")} value={actor.value} onInput={(e) => (actor.value = e.currentTarget.value)} />
        <label>
          {t("audit.from")} <input type="date" name="from" value={from.value} onInput={(e) => (from.value = e.currentTarget.value)} />
        </label>
        <label>
          {t("audit.to")} <input type="date" name="to" value={to.value} onInput={(e) => (to.value = e.currentTarget.value)} />
        </label>
        <button type="submit" class="button" data-testid="audit-search">
          {t("common.search")}
        </button>
      </form>
      {audit.error.value ? <Banner kind="error">{errorText(audit.error.value)}</Banner> : null}
      {!audit.entries.value.length && !audit.loading.value ? <p class="muted">{t("audit.empty")}</p> : null}
      {audit.entries.value.length ? (
        <ol class="audit-list" data-testid="audit-table">
          {audit.entries.value.map((e) => (
            <li key={e.id} data-testid="audit-row" data-action={e.action}>
              <span data-testid="audit-sentence">{auditSentence(e, t, formatStamp(e.at, locale.value, zone, true))}</span>
              {Object.keys(e.details ?? {}).length || e.ip ? (
                <details class="audit-details">
                  <summary>{t("audit.colDetails")}</summary>
                  <code>{e.action}</code> · {t("audit.colIp")} {e.ip ?? t("common.none")} · <code>{JSON.stringify(e.details)}</code>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {audit.hasMore.value ? (
        <button type="button" class="button-quiet" data-testid="audit-more" disabled={audit.loading.value} onClick={() => void audit.more()}>
          {t("audit.more")}
        </button>
      ) : null}
    </div>
  );
}
