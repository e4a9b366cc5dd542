import { useSignal, useSignalEffect } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { formatWita, formatWitaDay } from "@kit/wita.ts";
import { AccessScreen } from "./AccessScreen.tsx";
import { AlertsPanel } from "./AlertsPanel.tsx";
import { ConnectionBadge } from "./ConnectionBadge.tsx";
import { CountersPanel } from "./CountersPanel.tsx";
import { KecamatanTiles } from "./KecamatanTiles.tsx";
import { tx, wallI18n, type WallKey } from "./messages.ts";
import { IncomingList, Ticker } from "./ReportLists.tsx";
import { TrendPanel } from "./TrendPanel.tsx";
import { WallMap } from "./WallMap.tsx";
import type { WallModel } from "./wall.model.ts";

/** The side panels that take turns (the map, the tiles and the alerts stay). */
const ROTATING: { id: string; title: WallKey }[] = [
  { id: "trend", title: "wall.trend.title" },
  { id: "counters", title: "wall.counters.title" },
  { id: "incoming", title: "wall.incoming.title" },
];

/**
 * The wall: a header with the time and the connection, then the map, the kecamatan tiles and a column
 * of live alerts over a rotating panel, with the verified reports crawling along the bottom. One CSS
 * grid in viewport units, so it fills 1920×1080 to 3840×2160 without a scrollbar.
 */
export function WallApp({ model, refusedRetrySeconds }: { model: WallModel; refusedRetrySeconds: number }) {
  const access = model.access.value;
  if (access !== "ok" && access !== "loading") return <AccessScreen access={access} retrySeconds={refusedRetrySeconds} />;
  return (
    <div class="wall" data-testid="wall" data-access={access}>
      <WallHeader model={model} />
      <WallMap model={model} />
      {model.parts.ready.value ? <WallBody model={model} /> : <p class="wall-loading">{tx("wall.loading")}</p>}
    </div>
  );
}

function WallHeader({ model }: { model: WallModel }) {
  const now = useSignal(Date.now());
  useEffect(() => {
    const timer = setInterval(() => (now.value = Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const locale = wallI18n.locale.value;
  return (
    <header class="wall-header">
      <div class="wall-brand">
        <span class="wall-brand-name">SIKANDA</span>
        <span class="wall-brand-title">{tx("wall.title")}</span>
        <span class="wall-brand-sub">{tx("wall.subtitle")}</span>
      </div>
      <div class="wall-clock" data-testid="wall-clock">
        <span class="wall-clock-day">{formatWitaDay(now.value, locale)}</span>
        <span class="wall-clock-time">{formatWita(now.value, locale, now.value)}</span>
      </div>
      <ConnectionBadge connection={model.connection.value} />
    </header>
  );
}

function WallBody({ model }: { model: WallModel }) {
  const turn = useSignal(0);
  useSignalEffect(() => {
    const seconds = model.settings.value.rotateSeconds;
    const timer = setInterval(() => (turn.value = (turn.value + 1) % ROTATING.length), seconds * 1_000);
    return () => clearInterval(timer);
  });
  const active = ROTATING[turn.value]!;
  const shown = (id: string) => `wall-rotating-body${active.id === id ? " is-active" : ""}`;
  return (
    <>
      <TilesSlot model={model} />
      <div class="wall-side">
        <AlertsSlot model={model} />
        <section class="wall-panel wall-rotating" aria-label={tx(active.title)} data-testid="wall-rotating" data-panel={active.id}>
          <h2 class="wall-panel-title">
            {tx(active.title)}
            <span class="wall-rotation-dots" aria-hidden="true">
              {ROTATING.map((p) => (
                <span key={p.id} class={p.id === active.id ? "on" : ""} />
              ))}
            </span>
          </h2>
          {/* All stay mounted (the chart keeps its canvas); only the active one is shown. */}
          <div class={shown("trend")}>
            <TrendSlot model={model} />
          </div>
          <div class={shown("counters")}>
            <CountersSlot model={model} />
          </div>
          <div class={shown("incoming")}>
            <IncomingSlot model={model} />
          </div>
        </section>
      </div>
      <TickerSlot model={model} />
    </>
  );
}

/*
 * One small component per part, each reading only its own signal: at 100 reports a second the incoming
 * list changes every frame, and the tiles, the chart and the alerts must not re-render with it.
 */
const TilesSlot = ({ model }: { model: WallModel }) => <KecamatanTiles tiles={model.parts.tiles.value ?? []} />;
const AlertsSlot = ({ model }: { model: WallModel }) => <AlertsPanel alerts={model.parts.alerts.value ?? []} freshId={model.alarm.value?.id ?? null} />;
const TrendSlot = ({ model }: { model: WallModel }) => {
  const trend = model.parts.trend.value;
  return trend ? <TrendPanel trend={trend} /> : null;
};
const CountersSlot = ({ model }: { model: WallModel }) => {
  const counters = model.parts.counters.value;
  return counters ? <CountersPanel today={counters.today} week={counters.week} /> : null;
};
const IncomingSlot = ({ model }: { model: WallModel }) => <IncomingList reports={model.parts.incoming.value ?? []} />;
const TickerSlot = ({ model }: { model: WallModel }) => <Ticker reports={model.parts.ticker.value ?? []} />;
