import type { WallKecamatanTile } from "@contract/wall.ts";
import { LEVEL_COLORS, LEVEL_TEXT } from "../alerts/alert-levels.ts";
import { tx } from "./messages.ts";

/** One tile per kecamatan, coloured by its alert level, which is also said in words. */
export function KecamatanTiles({ tiles }: { tiles: readonly WallKecamatanTile[] }) {
  return (
    <section class="wall-tiles" aria-label={tx("wall.tiles.title")} data-testid="wall-tiles">
      {tiles.map((t) => (
        <article
          key={t.kecamatanKode}
          class={`wall-tile wall-tile--${t.level}`}
          style={{ borderColor: LEVEL_COLORS[t.level] }}
          data-testid="wall-tile"
          data-kode={t.kecamatanKode}
          data-level={t.level}
        >
          <header class="wall-tile-head">
            <span class="wall-tile-name">{t.kecamatanNama}</span>
            <span class="wall-tile-level" style={{ background: LEVEL_COLORS[t.level], color: LEVEL_TEXT[t.level] }}>
              {tx(`wall.level.${t.level}`)}
            </span>
          </header>
          <div class="wall-tile-figures">
            <div class="wall-fig">
              <span class="wall-fig-n" data-testid="wall-tile-today">{t.reportsToday}</span>
              <span class="wall-fig-l">{tx("wall.tile.today")}</span>
            </div>
            <div class="wall-fig">
              <span class={`wall-fig-n${t.openAlerts ? " wall-fig-n--alert" : ""}`}>{t.openAlerts}</span>
              <span class="wall-fig-l">{tx("wall.tile.alerts")}</span>
            </div>
            <div class="wall-fig">
              <span class={`wall-fig-n${t.receivedToday < t.owedToday ? " wall-fig-n--owed" : ""}`}>
                {t.receivedToday}/{t.owedToday}
              </span>
              <span class="wall-fig-l">{tx("wall.tile.owed")}</span>
            </div>
          </div>
        </article>
      ))}
    </section>
  );
}
