import type { AlertView } from "@contract/alerts.ts";
import { formatStamp } from "@kit/wita.ts";
import { locale } from "../i18n/i18n.ts";
import { SeverityBadge } from "./Badges.tsx";
import { tx } from "./messages.ts";

interface Props {
  alerts: readonly AlertView[];
  selectedId: string | null;
  fresh: ReadonlySet<string>;
  timeZone?: string;
  onSelect(id: string): void;
}

/**
 * The alerts, each as a button that selects it: severity (badge with its word), rule, title, summary,
 * kecamatan, when it opened (WITA), how many reports stand behind it, and whether anyone acknowledged it.
 * One that just opened or escalated is marked for a while.
 */
export function AlertList({ alerts, selectedId, fresh, timeZone, onSelect }: Props) {
  return (
    <ul class="alert-list" data-testid="alert-list">
      {alerts.map((a) => {
        const classes = ["alert-item", `alert-item--${a.status}`];
        if (a.id === selectedId) classes.push("alert-item--selected");
        if (fresh.has(a.id)) classes.push("alert-item--fresh");
        return (
          <li key={a.id} id={`alert-row-${a.id}`} class={classes.join(" ")} data-testid="alert-row" data-alert-id={a.id} data-status={a.status} data-severity={a.severity}>
            <button type="button" class="alert-item-button" aria-pressed={a.id === selectedId} onClick={() => onSelect(a.id)}>
              <span class="alert-item-head">
                <SeverityBadge severity={a.severity} />
                <span class="alert-rule">{tx(`alerts.rule.${a.rule}`)}</span>
                <span class="alert-number">{a.number}</span>
              </span>
              <span class="alert-title">{a.title}</span>
              <span class="alert-summary">{a.summary}</span>
              <span class="alert-meta">
                {a.kecamatanNama ?? tx("alerts.noKecamatan")} · {tx("alerts.openedAt", { when: formatStamp(a.openedAt, locale.value, timeZone) })} ·{" "}
                {tx("alerts.evidenceCount", { n: a.reportIds.length })}
              </span>
              <span class={`alert-status alert-status--${a.status}`} data-testid="alert-status">
                {tx(`alerts.status.${a.status}`)}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
