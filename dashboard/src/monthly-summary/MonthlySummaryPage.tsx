import "../ui/lists.css";
import "./monthly-summary.css";
import { useEffect } from "preact/hooks";
import type { KabupatenSummary, SummaryText } from "@contract/kabupaten-summary.ts";
import { formatStamp, witaMonth } from "@kit/wita.ts";
import { currentPath, navigate, queryParam } from "../app/router.ts";
import { errorText, locale, t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { tx } from "./messages.ts";
import { isMonth, monthLabel, previousMonth, tallyLabel } from "./month.ts";
import { models } from "./models.ts";

/**
 * The kabupaten monthly situation summary for the leadership: compiled by the server from the kecamatan
 * monthly reports of a month, readable on screen and printable on A4 (the print styles drop the top bar
 * and these controls). The month and the unverified switch live in the URL, so a summary can be shared.
 * By default the month just ended: its reports are due by the 5th of this one.
 */
export function MonthlySummaryPage() {
  const { monthlySummary } = models;
  const requested = queryParam("month");
  const month = isMonth(requested) ? requested : previousMonth(witaMonth(Date.now()));
  const includeUnverified = queryParam("unverified") === "1";
  useEffect(() => void monthlySummary.load(month, includeUnverified), [monthlySummary, month, includeUnverified]);
  const go = (next: { month?: string; unverified?: boolean }) => {
    const q = new URLSearchParams({ month: next.month ?? month });
    if (next.unverified ?? includeUnverified) q.set("unverified", "1");
    navigate(`${currentPath.value}?${q}`, { replace: true });
  };

  const summary = monthlySummary.summary.value;
  return (
    <div class="page monthly-summary-page" data-testid="monthly-summary-page">
      <form class="filters summary-controls" onSubmit={(e) => e.preventDefault()}>
        <label>
          {tx("summary.month")}{" "}
          <input type="month" name="month" value={month} required onChange={(e) => isMonth(e.currentTarget.value) && go({ month: e.currentTarget.value })} />
        </label>
        <label>
          <input type="checkbox" name="unverified" checked={includeUnverified} onChange={(e) => go({ unverified: e.currentTarget.checked })} /> {tx("summary.includeUnverified")}
        </label>
        <button type="button" class="button" onClick={() => window.print()} data-testid="summary-print">
          {tx("summary.print")}
        </button>
      </form>
      {monthlySummary.error.value ? (
        <Banner kind="error">
          {errorText(monthlySummary.error.value)}{" "}
          <button type="button" class="button-quiet" onClick={() => void monthlySummary.load(month, includeUnverified)}>
            {t("common.retry")}
          </button>
        </Banner>
      ) : null}
      {monthlySummary.loading.value && !summary ? <p class="muted">{t("common.loading")}</p> : null}
      {summary && summary.month === month ? <SummaryDocument summary={summary} /> : null}
    </div>
  );
}

function SummaryDocument({ summary }: { summary: KabupatenSummary }) {
  const loc = locale.value;
  const statuses = summary.countedStatuses.map((s) => t(`status.${s}`)).join(", ");
  const arrived = summary.kecamatan.some((k) => k.reports.length);
  return (
    <article class="summary-document" data-testid="summary-document">
      <header class="summary-head">
        <h1>{tx("summary.title")}</h1>
        <p class="summary-month">{tx("summary.subtitle", { month: monthLabel(summary.month, loc) })}</p>
        <p class="muted summary-intro">{tx("summary.intro")}</p>
        <p class="muted">{tx("summary.compiledAt", { when: formatStamp(new Date().toISOString(), loc, undefined, true), statuses })}</p>
      </header>

      <section>
        <h2>1. {tx("summary.arrivals")}</h2>
        <ArrivalsTable summary={summary} />
        <p data-testid="summary-missing">
          {summary.missing.length ? tx("summary.missing", { list: summary.missing.map((k) => k.nama).join(", ") }) : tx("summary.allArrived")}
        </p>
      </section>
      {!arrived ? <p class="muted">{tx("summary.empty")}</p> : null}

      <section>
        <h2>2. {tx("summary.statistik")}</h2>
        <TallyTable summary={summary} />
      </section>

      <section>
        <h2>3. {tx("summary.athg")}</h2>
        {summary.athg.map((a) => (
          <div class="summary-bidang" key={a.bidang}>
            <h3>{t(`bidang.${a.bidang}`)}</h3>
            <Texts items={a.entries} />
          </div>
        ))}
      </section>

      <section>
        <h2>4. {tx("summary.kejadianMenonjol")}</h2>
        <Texts items={summary.kejadianMenonjol} testId="summary-kejadian" />
      </section>
      <section>
        <h2>5. {tx("summary.prakiraan")}</h2>
        <Texts items={summary.prakiraan} />
      </section>
      <section>
        <h2>6. {tx("summary.saran")}</h2>
        <Texts items={summary.saran} />
      </section>
    </article>
  );
}

function ArrivalsTable({ summary }: { summary: KabupatenSummary }) {
  const loc = locale.value;
  return (
    <table class="table summary-table" data-testid="summary-arrivals">
      <thead>
        <tr>
          <th scope="col">{tx("summary.col.kecamatan")}</th>
          <th scope="col">{tx("summary.col.report")}</th>
          <th scope="col">{tx("summary.col.officer")}</th>
          <th scope="col">{tx("summary.col.status")}</th>
          <th scope="col">{tx("summary.col.received")}</th>
        </tr>
      </thead>
      <tbody>
        {summary.kecamatan.flatMap((k) =>
          k.reports.length
            ? k.reports.map((r, i) => (
                <tr key={r.id} class={r.counted ? "" : "summary-uncounted"}>
                  {i === 0 ? <th scope="row" rowSpan={k.reports.length}>{k.nama}</th> : null}
                  <td>{r.number}</td>
                  <td>{r.officerName}</td>
                  <td>
                    {t(`status.${r.status}`)}
                    {r.counted ? "" : ` (${tx("summary.notCounted")})`}
                  </td>
                  <td>{formatStamp(r.receivedAt, loc, undefined, true)}</td>
                </tr>
              ))
            : [
                <tr key={k.kode} class="summary-none">
                  <th scope="row">{k.nama}</th>
                  <td colSpan={4}>{tx("summary.none")}</td>
                </tr>,
              ],
        )}
      </tbody>
    </table>
  );
}

/** The statistik items down the side, the kabupaten total, then a column per kecamatan that reported any. */
function TallyTable({ summary }: { summary: KabupatenSummary }) {
  if (!summary.statistik.length) return <p class="muted">{tx("summary.noStatistik")}</p>;
  const columns = summary.kecamatan.filter((k) => summary.statistik.some((s) => s.byKecamatan.some((b) => b.kecamatanKode === k.kode)));
  return (
    <table class="table summary-table" data-testid="summary-statistik">
      <thead>
        <tr>
          <th scope="col">{tx("summary.col.item")}</th>
          <th scope="col" class="num">
            {tx("summary.col.total")}
          </th>
          {columns.map((k) => (
            <th scope="col" class="num" key={k.kode}>
              {k.nama}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {summary.statistik.map((s) => (
          <tr key={s.key}>
            <th scope="row">{tallyLabel(s.key)}</th>
            <td class="num">
              <strong>{s.total.toLocaleString(locale.value)}</strong>
            </td>
            {columns.map((k) => (
              <td class="num" key={k.kode}>
                {(s.byKecamatan.find((b) => b.kecamatanKode === k.kode)?.n ?? 0).toLocaleString(locale.value)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Texts gathered from the kecamatan reports, each under the kecamatan it came from; "Nihil." when none. */
function Texts({ items, testId }: { items: SummaryText[]; testId?: string }) {
  if (!items.length) return <p class="muted">{tx("summary.nihil")}</p>;
  return (
    <dl class="summary-texts" data-testid={testId}>
      {items.map((x) => (
        <div key={`${x.reportNumber}`} class="summary-text">
          <dt>
            {x.kecamatanNama} <span class="muted">({x.reportNumber}, {x.officerName})</span>
          </dt>
          <dd>{x.text}</dd>
        </div>
      ))}
    </dl>
  );
}
