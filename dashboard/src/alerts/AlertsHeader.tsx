import type { KecamatanAlertLevel } from "@contract/alerts.ts";
import type { AlertsConnection } from "./alerts.model.ts";
import { LevelBadge } from "./Badges.tsx";
import { unlockAudio } from "./beep.ts";
import { tx, type AlertsKey } from "./messages.ts";
import { models } from "./models.ts";

const CONNECTION_TEXT: Record<AlertsConnection, AlertsKey> = {
  idle: "alerts.live.connecting",
  connecting: "alerts.live.connecting",
  live: "alerts.live.live",
  offline: "alerts.live.offline",
};

/** Whether the page is hearing news as it happens (as on the ops page). */
export function ConnectionTag({ connection }: { connection: AlertsConnection }) {
  return (
    <span class={`alert-conn alert-conn--${connection}`} data-testid="alerts-connection" data-state={connection} role="status">
      {tx(CONNECTION_TEXT[connection])}
    </span>
  );
}

/**
 * Sound for news, off until switched on: the click that switches it on is also what lets the browser
 * play audio at all.
 */
export function SoundToggle() {
  const { sound } = models.alerts;
  return (
    <label class="check alert-sound" title={tx("alerts.sound.hint")}>
      <input
        type="checkbox"
        checked={sound.value}
        data-testid="alerts-sound"
        onChange={(e) => {
          const on = e.currentTarget.checked;
          sound.value = on && unlockAudio() !== null;
        }}
      />
      {tx("alerts.sound")}
    </label>
  );
}

/** The latest alert that opened or escalated, said aloud to screen readers, while it is still marked new. */
export function AlarmLine() {
  const { lastAlarm, fresh } = models.alerts;
  const alarm = lastAlarm.value;
  const showing = alarm && fresh.value.has(alarm.alert.id);
  return (
    <p class={showing ? "alert-alarm" : "alert-alarm alert-alarm--quiet"} role="status" aria-live="assertive" data-testid="alert-alarm">
      {showing ? tx(alarm.kind === "opened" ? "alerts.fresh.opened" : "alerts.fresh.escalated", { title: alarm.alert.title }) : null}
    </p>
  );
}

/** Each kecamatan's alert level in words: what the map's colours say, for every reader. */
export function KecamatanLevelList({ levels }: { levels: readonly KecamatanAlertLevel[] }) {
  if (!levels.length) return null;
  return (
    <ul class="alert-levels" aria-label={tx("alerts.level.legend")} data-testid="kecamatan-levels">
      {levels.map((l) => (
        <li
          key={l.kecamatanKode}
          data-testid="kecamatan-level"
          data-kode={l.kecamatanKode}
          data-level={l.level}
          title={tx("alerts.level.of", { kecamatan: l.kecamatanNama, level: tx(`alerts.level.${l.level}`), n: l.liveAlerts })}
        >
          <span class="alert-level-name">{l.kecamatanNama}</span> <LevelBadge level={l.level} />
        </li>
      ))}
    </ul>
  );
}
