import type { AlertView } from "@contract/alerts.ts";
import { formatStamp } from "@kit/wita.ts";
import { LEVEL_COLORS, LEVEL_TEXT } from "../alerts/alert-levels.ts";
import { tx, wallI18n } from "./messages.ts";

const SHOWN = 6;
const RANK = { waspada: 1, siaga: 2, awas: 3 } as const;

/** Live alerts, the most severe and not yet acknowledged first; the newest alarm is marked. */
export function AlertsPanel({ alerts, freshId }: { alerts: readonly AlertView[]; freshId: string | null }) {
  const sorted = [...alerts].sort(
    (a, b) => Number(a.status !== "open") - Number(b.status !== "open") || RANK[b.severity] - RANK[a.severity] || b.openedAt.localeCompare(a.openedAt),
  );
  const shown = sorted.slice(0, SHOWN);
  return (
    <section class="wall-panel wall-alerts" aria-label={tx("wall.alerts.title")} data-testid="wall-alerts">
      <h2 class="wall-panel-title">
        {tx("wall.alerts.title")} <span class="wall-panel-count">{alerts.length}</span>
      </h2>
      {shown.length === 0 ? <p class="wall-empty">{tx("wall.alerts.none")}</p> : null}
      {/* Up to three alerts take two lines each for their titles; more, one line each, so six still fit. */}
      <ul class={`wall-alert-list${shown.length > 3 ? " wall-alert-list--dense" : ""}`}>
        {shown.map((a) => (
          <li key={a.id} class={`wall-alert${a.id === freshId ? " wall-alert--fresh" : ""}`} data-testid="wall-alert" data-alert-id={a.id} data-severity={a.severity}>
            <span class="wall-alert-sev" style={{ background: LEVEL_COLORS[a.severity], color: LEVEL_TEXT[a.severity] }}>
              {tx(`wall.level.${a.severity}`)}
            </span>
            <span class="wall-alert-body">
              <span class="wall-alert-title">{a.title}</span>
              <span class="wall-alert-meta">
                {a.kecamatanNama ?? ""} · {formatStamp(a.openedAt, wallI18n.locale.value)} · {a.status === "open" ? tx("wall.alerts.open") : tx("wall.alerts.acknowledged")}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {sorted.length > SHOWN ? <p class="wall-more">{tx("wall.alerts.more", { n: sorted.length - SHOWN })}</p> : null}
    </section>
  );
}
