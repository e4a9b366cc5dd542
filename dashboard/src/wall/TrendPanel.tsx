import "uplot/dist/uPlot.min.css";
import uPlot from "uplot";
import { useEffect, useRef } from "preact/hooks";
import type { Kerawanan } from "@contract/reports.ts";
import type { WallSnapshot } from "@contract/wall.ts";
import { WALL_KERAWANAN_COLORS } from "./dot-layer.ts";
import { tx } from "./messages.ts";

type Trend = WallSnapshot["trend"];
const KERAWANAN: Kerawanan[] = ["rendah", "sedang", "tinggi", "sangat_tinggi"];
/** Live reports move today's point; the chart follows at most this often (a redraw per frame is waste). */
const REDRAW_MS = 1_000;

function dataOf(trend: Trend): uPlot.AlignedData {
  return [trend.map((_, i) => i), trend.map((d) => d.total), ...KERAWANAN.map((k) => trend.map((d) => d.kerawanan[k] ?? 0))];
}

/**
 * Reports per day over 30 days, all and by kerawanan (uPlot: a canvas, small and quick). Built once and
 * sized to its box; new data is set in place, at most once a second.
 */
export function TrendPanel({ trend }: { trend: Trend }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const days = useRef<string[]>([]);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const el = box.current!;
    const px = Math.max(12, Math.round(window.innerWidth / 120));
    const font = `${px}px system-ui, sans-serif`;
    // Tick spacing and axis room in the font's own size: on a 4K wall the labels are twice as large.
    const axis = { stroke: "#cfd8e3", font, size: px * 2.5, gap: px / 3, grid: { stroke: "rgba(255,255,255,0.08)" }, ticks: { stroke: "rgba(255,255,255,0.2)", size: px / 2 } };
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: Math.max(120, el.clientHeight),
      scales: { x: { time: false } },
      legend: { show: false },
      cursor: { show: false },
      padding: [12, 16, 0, 0],
      series: [
        {},
        { label: tx("wall.trend.total"), stroke: "#e3f2fd", width: 3, points: { show: false } },
        ...KERAWANAN.map((k): uPlot.Series => ({ label: tx(`wall.kerawanan.${k}`), stroke: WALL_KERAWANAN_COLORS[k], width: 2, points: { show: false } })),
      ],
      axes: [
        { ...axis, space: px * 5, incrs: [1, 2, 3, 5, 7, 10, 14], values: (_u, splits) => splits.map((i) => (days.current[i] ?? "").slice(8, 10) + "/" + (days.current[i] ?? "").slice(5, 7)) },
        { ...axis, space: px * 2.5, size: px * 3.5 },
      ],
    };
    days.current = trend.map((d) => d.day);
    plot.current = new uPlot(opts, dataOf(trend), el);
    const observer = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, el.clientWidth), height: Math.max(120, el.clientHeight) }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (pending.current) clearTimeout(pending.current);
      plot.current?.destroy();
      plot.current = null;
    };
    // Built once: data changes go through setData below.
  }, []);

  const latest = useRef(trend);
  latest.current = trend;
  useEffect(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      days.current = latest.current.map((d) => d.day);
      plot.current?.setData(dataOf(latest.current));
    }, REDRAW_MS);
  });

  return (
    <div class="wall-trend" data-testid="wall-trend">
      <div ref={box} class="wall-trend-chart" role="img" aria-label={tx("wall.trend.label")} />
      <ul class="wall-legend wall-legend--inline">
        <li>
          <span class="wall-swatch" style={{ background: "#e3f2fd" }} />
          {tx("wall.trend.total")}
        </li>
        {KERAWANAN.map((k) => (
          <li key={k}>
            <span class="wall-swatch" style={{ background: WALL_KERAWANAN_COLORS[k] }} />
            {tx(`wall.kerawanan.${k}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
