import "../ui/lists.css";
import "./stats.css";
import type { ComponentChildren } from "preact";
import { useEffect, useMemo } from "preact/hooks";
import { kecamatanOptions } from "../map/map-data.model.ts";
import { currentPath, currentSearch, navigate } from "../app/router.ts";
import { errorText, lang, locale, t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { BIDANG } from "../sub-categories/bidang.ts";
import { DataTable } from "./DataTable.tsx";
import { formatDuration } from "./duration.ts";
import { tx } from "./messages.ts";
import { models } from "./models.ts";
import { periodLabel } from "./periods.ts";
import { StatsFilters } from "./StatsFilters.tsx";
import { parseStatsQuery, statsQueryString, type StatsFilter } from "./stats-query.ts";
import { SUMMARY_DURATION_COLUMNS, summaryTable } from "./summary-rows.ts";
import { TrendChart } from "./TrendChart.tsx";
import { isEmptyTrend, trendChart, trendTable, verifyChart, verifyTable, type Labels } from "./trend-series.ts";

/**
 * Report statistics from the rollups: trends per bidang and per kecamatan, time to verify, and a summary
 * per kecamatan — each chart with its numbers in a table beneath. The filters live in the URL, so a view
 * can be shared as a link.
 */
export function StatsPage() {
  const { stats, mapData, session } = models;
  const filter = parseStatsQuery(currentSearch.value);
  const query = statsQueryString(filter);

  useEffect(() => void mapData.load(), [mapData]);
  useEffect(() => void stats.load(filter, query), [stats, query]);

  const user = session.user.value;
  const region = user?.role === "verifier" && user.verifierRegions.length ? user.verifierRegions : null;
  const kecamatan = kecamatanOptions(mapData.kecamatan.value).filter((k) => !region || region.includes(k.kode));
  const change = (next: StatsFilter) => navigate(`${currentPath.value}${statsQueryString(next)}`, { replace: true });

  return (
    <div class="page stats-page" data-testid="stats-page">
      <h1>{tx("stats.title")}</h1>
      <p class="muted">{tx("stats.intro")}</p>
      <StatsFilters filter={filter} kecamatan={kecamatan} onChange={change} />
      <StatsBody kecamatan={kecamatan} retry={() => void stats.load(filter, query)} />
    </div>
  );
}

function StatsBody({ kecamatan, retry }: { kecamatan: { kode: string; nama: string }[]; retry: () => void }) {
  const { stats } = models;
  const answer = stats.answer.value;
  const names = useMemo(() => new Map(kecamatan.map((k) => [k.kode, k.nama])), [kecamatan.map((k) => k.kode).join()]);
  const loc = locale.value;

  const view = useMemo(() => {
    if (!answer) return null;
    const period = (key: string, short: boolean) => periodLabel(key, loc, short);
    const kecamatanName = (kode: string) => names.get(kode) ?? kode;
    const bidangLabels: Labels = { series: (k) => (k === null ? tx("stats.periodic") : t(`bidang.${k}` as "bidang.politik")), period, total: tx("stats.colTotal") };
    const kecLabels: Labels = { series: (k) => (k === null ? "—" : kecamatanName(k)), period, total: tx("stats.colTotal") };
    const kecOrder = [...names.keys()].sort();
    const verifyLabels = { n: tx("stats.verifiedCount"), median: tx("stats.median"), p90: tx("stats.p90"), period };
    const range = tx("stats.range", { from: period(answer.byBidang.from, false), to: period(answer.byBidang.to, false) });
    return {
      range,
      empty: isEmptyTrend(answer.byBidang),
      bidang: { chart: trendChart(answer.byBidang, bidangLabels, BIDANG), table: trendTable(answer.byBidang, bidangLabels, BIDANG) },
      kecamatan: { chart: trendChart(answer.byKecamatan, kecLabels, kecOrder), table: trendTable(answer.byKecamatan, kecLabels, kecOrder) },
      verify: { chart: verifyChart(answer.byBidang, verifyLabels), table: verifyTable(answer.byBidang, verifyLabels), any: answer.byBidang.verify.n.some((n) => n > 0) },
      summary: summaryTable(answer.summary, {
        kecamatan: kecamatanName,
        columns: {
          total: tx("stats.colTotal"),
          verified: tx("stats.colVerified"),
          rejected: tx("stats.colRejected"),
          open: tx("stats.colOpen"),
          high: tx("stats.colHigh"),
          median: tx("stats.colMedian"),
          p90: tx("stats.colP90"),
        },
      }),
    };
  }, [answer, loc, names, lang.value]);

  const numbers = new Intl.NumberFormat(loc);
  const count = (v: number | null) => (v === null ? "—" : numbers.format(v));
  const duration = (v: number | null) => formatDuration(v, lang.value);

  if (stats.error.value)
    return (
      <Banner kind="error" testId="stats-error">
        {errorText(stats.error.value)}{" "}
        <button type="button" class="button-quiet" onClick={retry}>
          {t("common.retry")}
        </button>
      </Banner>
    );
  if (!view)
    return (
      <p class="page-loading" role="status">
        {tx("stats.loading")}
      </p>
    );

  const section = (id: string, title: string, body: ComponentChildren) => (
    <section class="stats-section" aria-labelledby={`stats-h-${id}`} data-testid={`stats-section-${id}`}>
      <h2 id={`stats-h-${id}`}>{title}</h2>
      {body}
    </section>
  );

  return (
    <div aria-busy={stats.loading.value} data-testid="stats-body" data-loading={String(stats.loading.value)}>
      <p class="stats-range" role="status" data-testid="stats-range">
        {view.range}
      </p>
      {view.empty ? (
        <p class="muted stats-empty" data-testid="stats-empty">
          {tx("stats.empty")}
        </p>
      ) : (
        <>
          {section(
            "bidang",
            tx("stats.byBidang"),
            <>
              <TrendChart chart={view.bidang.chart} label={`${tx("stats.byBidang")}. ${tx("stats.chartNote")}`} xLabel={tx("stats.colPeriod")} yLabel={tx("stats.colTotal")} integer testId="stats-chart-bidang" />
              <DataTable
                table={view.bidang.table}
                caption={tx("stats.caption", { what: tx("stats.byBidang"), range: view.range })}
                rowHeader={tx("stats.colPeriod")}
                totalLabel={tx("stats.rowTotal")}
                format={count}
                testId="stats-table-bidang"
              />
            </>,
          )}
          {section(
            "kecamatan",
            tx("stats.byKecamatan"),
            <>
              <TrendChart chart={view.kecamatan.chart} label={`${tx("stats.byKecamatan")}. ${tx("stats.chartNote")}`} xLabel={tx("stats.colPeriod")} yLabel={tx("stats.colTotal")} integer testId="stats-chart-kecamatan" />
              <DataTable
                table={view.kecamatan.table}
                caption={tx("stats.caption", { what: tx("stats.byKecamatan"), range: view.range })}
                rowHeader={tx("stats.colPeriod")}
                totalLabel={tx("stats.rowTotal")}
                format={count}
                testId="stats-table-kecamatan"
              />
            </>,
          )}
          {section(
            "verify",
            tx("stats.verifyTimes"),
            <>
              <p class="muted">{tx("stats.verifyNote")}</p>
              {view.verify.any ? (
                <TrendChart chart={view.verify.chart} label={`${tx("stats.verifyTimes")}. ${tx("stats.chartNote")}`} xLabel={tx("stats.colPeriod")} yLabel={tx("stats.minutes")} testId="stats-chart-verify" />
              ) : (
                <p class="muted">{tx("stats.noVerify")}</p>
              )}
              <DataTable
                table={view.verify.table}
                caption={tx("stats.caption", { what: tx("stats.verifyTimes"), range: view.range })}
                rowHeader={tx("stats.colPeriod")}
                totalLabel={tx("stats.rowTotal")}
                format={(v, col) => (col === 0 ? count(v) : duration(v))}
                testId="stats-table-verify"
              />
            </>,
          )}
          {section(
            "summary",
            tx("stats.summary"),
            <DataTable
              table={view.summary}
              caption={tx("stats.caption", { what: tx("stats.summary"), range: view.range })}
              rowHeader={tx("stats.colKecamatan")}
              totalLabel={tx("stats.allKecamatan")}
              format={(v, col) => (SUMMARY_DURATION_COLUMNS.includes(col) ? duration(v) : count(v))}
              testId="stats-table-summary"
            />,
          )}
        </>
      )}
    </div>
  );
}
