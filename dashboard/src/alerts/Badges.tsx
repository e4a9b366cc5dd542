import type { AlertLevel, AlertSeverity } from "@contract/alerts.ts";
import type { Kerawanan } from "@contract/reports.ts";
import { t } from "../i18n/i18n.ts";
import { KERAWANAN_COLORS } from "../map/kerawanan.ts";
import { LEVEL_COLORS, LEVEL_TEXT } from "./alert-levels.ts";
import { tx } from "./messages.ts";

/** An alert's severity as a coloured badge that says it in words too. */
export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return (
    <span class="alert-badge" data-severity={severity} style={{ background: LEVEL_COLORS[severity], color: LEVEL_TEXT[severity] }}>
      {tx(`alerts.severity.${severity}`)}
    </span>
  );
}

/** A kecamatan's alert level, likewise. */
export function LevelBadge({ level }: { level: AlertLevel }) {
  return (
    <span class="alert-badge" data-level={level} style={{ background: LEVEL_COLORS[level], color: LEVEL_TEXT[level] }}>
      {tx(`alerts.level.${level}`)}
    </span>
  );
}

/** A report's kerawanan as a small dot, its word for screen readers and on hover. */
export function KerawananDot({ level }: { level: Kerawanan }) {
  const word = t(`kerawanan.${level}`);
  return <span class="kerawanan-dot" style={{ background: KERAWANAN_COLORS[level] }} title={word} role="img" aria-label={word} />;
}
