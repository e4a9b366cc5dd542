import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { AuditEntry } from "@contract/users.ts";
import { formatStamp } from "@kit/wita.ts";
import { models } from "../app/models.ts";
import { errorText, locale, t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { Table } from "../ui/Table.tsx";

const details = (e: AuditEntry) => (Object.keys(e.details ?? {}).length ? JSON.stringify(e.details) : "");

/** A username where the entry carries one; else the id shortened (the full id stays in the tooltip). */
function target(e: AuditEntry): string {
  if (!e.targetType) return t("common.none");
  const name = typeof e.details?.username === "string" ? e.details.username : e.targetId?.slice(0, 8);
  return name ? `${e.targetType} ${name}` : e.targetType;
}

/** The security audit log (logins, account changes), newest first, filterable by action and actor. */
export function AuditPage() {
  const { audit, mapData } = models;
  const action = useSignal(audit.filter.value.action);
  const actor = useSignal(audit.filter.value.actor);
  useEffect(() => {
    void audit.load();
  }, [audit]);
  const zone = mapData.config.value?.timeZone;

  return (
    <div class="page">
      <h1>{t("audit.title")}</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void audit.search({ action: action.value.trim(), actor: actor.value.trim().toLowerCase() });
        }}
      >
        <input name="action" aria-label={t("audit.filterAction")} placeholder={t("audit.filterAction")} value={action.value} onInput={(e) => (action.value = e.currentTarget.value)} />
        <input name="actor" aria-label={t("audit.filterActor")} placeholder={t("audit.filterActor")} value={actor.value} onInput={(e) => (actor.value = e.currentTarget.value)} />
        <button type="submit" class="button" data-testid="audit-search">
          {t("common.search")}
        </button>
      </form>
      {audit.error.value ? <Banner kind="error">{errorText(audit.error.value)}</Banner> : null}
      {!audit.entries.value.length && !audit.loading.value ? <p class="muted">{t("audit.empty")}</p> : null}
      {audit.entries.value.length ? (
        <Table columns={[t("audit.colAt"), t("audit.colAction"), t("audit.colActor"), t("audit.colTarget"), t("audit.colIp"), t("audit.colDetails")]} testId="audit-table">
          {audit.entries.value.map((e) => (
            <tr key={e.id} data-testid="audit-row" data-action={e.action}>
              <td class="nowrap">{formatStamp(e.at, locale.value, zone, true)}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.actorUsername ?? t("audit.system")}</td>
              <td title={e.targetId ?? undefined}>{target(e)}</td>
              <td>{e.ip ?? t("common.none")}</td>
              <td class="details">{details(e)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      {audit.hasMore.value ? (
        <button type="button" class="button-quiet" data-testid="audit-more" disabled={audit.loading.value} onClick={() => void audit.more()}>
          {t("audit.more")}
        </button>
      ) : null}
    </div>
  );
}
