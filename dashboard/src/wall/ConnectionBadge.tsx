import { formatWita } from "@kit/wita.ts";
import { tx, wallI18n } from "./messages.ts";
import type { WallConnection } from "./wall.model.ts";

/** Online, reconnecting since hh:mm, or offline since hh:mm: a screen nobody touches must say when it lost the feed. */
export function ConnectionBadge({ connection }: { connection: WallConnection }) {
  const since = connection.since === null ? "" : formatWita(connection.since, wallI18n.locale.value);
  const text =
    connection.state === "online"
      ? tx("wall.conn.online")
      : connection.state === "connecting"
        ? tx("wall.conn.connecting")
        : connection.state === "reconnecting"
          ? tx("wall.conn.reconnecting", { time: since })
          : tx("wall.conn.offline", { time: since });
  return (
    <div class={`wall-conn wall-conn--${connection.state}`} role="status" aria-label={tx("wall.conn.label")} data-testid="wall-connection" data-state={connection.state}>
      <span class="wall-conn-light" />
      {text}
    </div>
  );
}
