import "uplot/dist/uPlot.min.css";
import uPlot from "uplot";
import { useEffect, useRef } from "preact/hooks";
import { axisSplits, type TrendChart as Chart } from "./trend-series.ts";

interface Props {
  chart: Chart;
  /** What the whole chart shows, for screen readers (the table beneath carries the numbers). */
  label: string;
  /** The y axis's unit or meaning. */
  yLabel: string;
  /** The legend's name for the x value ("Periode"). */
  xLabel: string;
  /** Counts: ticks on whole numbers only. */
  integer?: boolean;
  height?: number;
  testId?: string;
}

const INTEGER_INCRS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

/**
 * A uPlot line chart of aligned series (x: period starts). Drawn once per chart value and resized with
 * its box (a window resize, a phone turned sideways) rather than rebuilt. The x axis names periods as
 * the table does ("M48", "Nov 2026") instead of uPlot's clock ticks, which would fall between periods.
 */
export function TrendChart({ chart, label, xLabel, yLabel, integer = false, height = 260, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = chart.data[0];
    const labelOf = new Map(xs.map((x, i) => [x, chart.xLabels[i] ?? ""]));
    const opts: uPlot.Options = {
      width: Math.max(el.clientWidth, 200),
      height,
      scales: { x: { time: false } },
      // Room at the right for the latest period's label, which sits on the plot's edge.
      padding: [16, 40, 0, 8],
      series: [
        { label: xLabel, value: (_u, v) => (v == null ? "" : (labelOf.get(v) ?? "")) },
        ...chart.series.map(
          (s): uPlot.Series => ({ label: s.label, stroke: s.color, dash: s.dash, width: 2, points: { show: true, size: 6, fill: s.color }, spanGaps: false }),
        ),
      ],
      axes: [
        {
          splits: (u) => axisSplits(xs, u.width - 70),
          values: (_u, splits) => splits.map((v) => labelOf.get(v) ?? ""),
        },
        { label: yLabel, size: 60, ...(integer ? { incrs: INTEGER_INCRS } : {}) },
      ],
      legend: { live: true },
    };
    const plot = new uPlot(opts, chart.data as uPlot.AlignedData, el);
    const observer = new ResizeObserver(() => {
      const width = Math.max(el.clientWidth, 200);
      if (width !== plot.width) plot.setSize({ width, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [chart, xLabel, yLabel, integer, height]);

  return <div ref={box} class="stats-chart" role="img" aria-label={label} data-testid={testId} />;
}
