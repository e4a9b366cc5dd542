import type { WallReport } from "@contract/wall.ts";
import { formatStamp } from "@kit/wita.ts";
import { WALL_KERAWANAN_COLORS } from "./dot-layer.ts";
import { tx, wallI18n } from "./messages.ts";

/** The latest received reports: what just came in, newest first (the map pulses the same ones). */
export function IncomingList({ reports }: { reports: readonly WallReport[] }) {
  return (
    <div class="wall-incoming" data-testid="wall-incoming">
      {reports.length === 0 ? <p class="wall-empty">{tx("wall.incoming.none")}</p> : null}
      <ol class="wall-report-list">
        {reports.map((r) => (
          <li key={r.id} class="wall-report" data-testid="wall-incoming-item" data-report-id={r.id}>
            <span class="wall-dot" style={{ background: WALL_KERAWANAN_COLORS[r.kerawanan] }} title={tx(`wall.kerawanan.${r.kerawanan}`)} />
            <span class="wall-report-time">{formatStamp(r.receivedAt, wallI18n.locale.value)}</span>
            <span class="wall-report-place">{r.desaNama ? `${r.desaNama}, ${r.kecamatanNama}` : r.kecamatanNama}</span>
            <span class="wall-report-perihal">{r.perihal}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * The latest verified reports as a crawling line along the bottom. The crawl is one CSS transform
 * animation (the compositor's work, not the page's); the text changes only when a report is verified.
 */
export function Ticker({ reports }: { reports: readonly WallReport[] }) {
  return (
    <footer class="wall-ticker" aria-label={tx("wall.ticker.title")} data-testid="wall-ticker">
      <span class="wall-ticker-title">{tx("wall.ticker.title")}</span>
      <div class="wall-ticker-track">
        {reports.length === 0 ? (
          <span class="wall-empty">{tx("wall.ticker.none")}</span>
        ) : (
          <div class="wall-ticker-crawl" style={{ animationDuration: `${Math.max(30, reports.length * 8)}s` }}>
            {reports.map((r) => (
              <span key={r.id} class="wall-ticker-item" data-report-id={r.id}>
                <span class="wall-dot" style={{ background: WALL_KERAWANAN_COLORS[r.kerawanan] }} />
                <b>{r.number}</b> {r.kecamatanNama} — {r.perihal}
              </span>
            ))}
          </div>
        )}
      </div>
    </footer>
  );
}
