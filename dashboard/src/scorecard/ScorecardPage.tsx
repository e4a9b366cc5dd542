import "../ui/lists.css";
import "../stats/stats.css";
import "./scorecard.css";
import { useEffect } from "preact/hooks";
import { witaDate } from "@kit/wita.ts";
import { kecamatanOptions } from "../map/map-data.model.ts";
import { currentPath, currentSearch, navigate } from "../app/router.ts";
import { errorText, locale, t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { periodLabel } from "../stats/periods.ts";
import { Drilldown } from "./Drilldown.tsx";
import { tx } from "./messages.ts";
import { models } from "./models.ts";
import { ScorecardFilters } from "./ScorecardFilters.tsx";
import { parseScorecardQuery, scorecardQueryString, type ScorecardView } from "./scorecard-query.ts";
import { KecamatanTable, OfficerTable } from "./ScoreTables.tsx";

/**
 * The reporting scorecard: per officer and per kecamatan over a week, month or quarter, the reports owed
 * and how they went, with a rating in colour and in words; an officer's name opens their duties and
 * reports below the tables. Period, kecamatan and the open officer live in the URL.
 */
export function ScorecardPage() {
  const { scorecard, mapData, session } = models;
  const today = witaDate(Date.now());
  const view = parseScorecardQuery(currentSearch.value, today);

  useEffect(() => void mapData.load(), [mapData]);
  useEffect(() => void scorecard.card.load({ period: view.period, kecamatan: view.kecamatan }), [scorecard, view.period, view.kecamatan]);
  useEffect(() => {
    if (view.officer) void scorecard.drill.load({ officerId: view.officer, period: view.period });
    else scorecard.drill.clear();
  }, [scorecard, view.officer, view.period]);

  const user = session.user.value;
  const region = user?.role === "verifier" && user.verifierRegions.length ? user.verifierRegions : null;
  const kecamatan = kecamatanOptions(mapData.kecamatan.value).filter((k) => !region || region.includes(k.kode));
  const names = new Map(kecamatanOptions(mapData.kecamatan.value).map((k) => [k.kode, k.nama]));
  const kecamatanName = (kode: string) => names.get(kode) ?? kode;
  const hrefOf = (next: Partial<ScorecardView>) => `${currentPath.value}${scorecardQueryString({ ...view, ...next })}`;
  const change = (next: Pick<ScorecardView, "period" | "kecamatan" | "officer">) => navigate(hrefOf(next), { replace: true });

  return (
    <div class="page scorecard-page" data-testid="scorecard-page">
      <h1>{tx("score.title")}</h1>
      <p class="muted">{tx("score.intro")}</p>
      <ScorecardFilters view={view} today={today} kecamatan={kecamatan} onChange={change} />
      <ScorecardBody view={view} kecamatanName={kecamatanName} hrefOf={hrefOf} />
    </div>
  );
}

interface BodyProps {
  view: ScorecardView;
  kecamatanName: (kode: string) => string;
  hrefOf: (next: Partial<ScorecardView>) => string;
}

function ScorecardBody({ view, kecamatanName, hrefOf }: BodyProps) {
  const { card, drill } = models.scorecard;
  const data = card.data.value;
  const retry = () => void card.load({ period: view.period, kecamatan: view.kecamatan });
  if (card.error.value)
    return (
      <Banner kind="error" testId="score-error">
        {errorText(card.error.value)}{" "}
        <button type="button" class="button-quiet" onClick={retry}>
          {t("common.retry")}
        </button>
      </Banner>
    );
  if (!data)
    return (
      <p class="page-loading" role="status">
        {tx("score.loading")}
      </p>
    );

  const loc = locale.value;
  const period = periodLabel(data.period, loc);
  const range = tx("score.range", { from: periodLabel(data.from, loc), to: periodLabel(data.to, loc) });
  const opened = drill.data.value;
  return (
    <div aria-busy={card.loading.value} data-testid="score-body" data-period={data.period} data-loading={String(card.loading.value)}>
      <p class="stats-range" role="status" data-testid="score-range">
        {period} · {range}
      </p>
      {data.officers.length ? (
        <>
          <section aria-labelledby="score-h-officers" class="stats-section">
            <h2 id="score-h-officers">{tx("score.officers")}</h2>
            <OfficerTable
              officers={data.officers}
              total={data.total}
              caption={tx("score.captionOfficers", { period })}
              kecamatanName={kecamatanName}
              hrefOf={(officer) => hrefOf({ officer })}
              openOfficer={view.officer}
            />
          </section>
          <section aria-labelledby="score-h-kecamatan" class="stats-section">
            <h2 id="score-h-kecamatan">{tx("score.byKecamatan")}</h2>
            <KecamatanTable rows={data.kecamatan} caption={tx("score.captionKecamatan", { period })} kecamatanName={kecamatanName} />
          </section>
        </>
      ) : (
        <p class="muted" data-testid="score-empty">
          {tx("score.empty")}
        </p>
      )}
      {view.officer && drill.error.value ? <Banner kind="error" testId="score-drill-error">{errorText(drill.error.value)}</Banner> : null}
      {view.officer && opened && opened.officer.id === view.officer ? <Drilldown drill={opened} kecamatanName={kecamatanName} closeHref={hrefOf({ officer: "" })} /> : null}
    </div>
  );
}
