import type { DutyStatus, ScorecardDrilldown } from "@contract/duties.ts";
import { useEffect, useRef } from "preact/hooks";
import { formatStamp } from "@kit/wita.ts";
import { Link } from "../app/Link.tsx";
import { routePath } from "../app/access.ts";
import { locale, t } from "../i18n/i18n.ts";
import { periodLabel } from "../stats/periods.ts";
import { ScrollBox } from "../stats/ScrollBox.tsx";
import { tx } from "./messages.ts";

const DUTY_TONE: Record<DutyStatus, string> = { on_time: "good", late: "warn", missing: "bad", pending: "none" };

interface Props {
  drill: ScorecardDrilldown;
  kecamatanName: (kode: string) => string;
  closeHref: string;
}

/** One officer's duties of the period (each with its status in words and colour) and their reports, each a link to its detail. */
export function Drilldown({ drill, kecamatanName, closeHref }: Props) {
  const loc = locale.value;
  const name = drill.officer.name;
  const period = periodLabel(drill.period, loc);
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened below a long table: bring it into view and move focus to it, so a keyboard or screen-reader
  // user lands on what they opened.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: "start" });
    heading.current?.focus({ preventScroll: true });
  }, [drill.officer.id, drill.period]);
  const tally = (["on_time", "late", "missing", "pending"] as const)
    .map((status) => ({ status, n: drill.duties.filter((d) => d.status === status).length }))
    .filter((x) => x.n > 0);
  return (
    <section ref={panel} class="score-drill" aria-labelledby="score-drill-h" data-testid="score-drilldown" data-officer-id={drill.officer.id}>
      <div class="score-drill-head">
        <h2 id="score-drill-h" ref={heading} tabIndex={-1}>{tx("score.drillTitle", { name })}</h2>
        <span class="muted">
          {kecamatanName(drill.officer.kecamatanKode)} · {period}
        </span>
        <Link href={closeHref} class="button-quiet" data-testid="score-drill-close">
          {tx("score.drillClose")}
        </Link>
      </div>

      <h3>{tx("score.reports")}</h3>
      {drill.reports.length ? (
        <ScrollBox label={tx("score.captionReports", { name, period })}>
          <table class="table stats-table" data-testid="score-reports">
            <caption>{tx("score.captionReports", { name, period })}</caption>
            <thead>
              <tr>
                <th scope="col">{tx("score.colNumber")}</th>
                <th scope="col">{tx("score.colPerihal")}</th>
                <th scope="col">{tx("score.colKind")}</th>
                <th scope="col">{tx("score.colBidang")}</th>
                <th scope="col">{tx("score.colStatus")}</th>
                <th scope="col">{tx("score.colWhen")}</th>
              </tr>
            </thead>
            <tbody>
              {drill.reports.map((r) => (
                <tr key={r.id} data-testid="score-report" data-report-id={r.id}>
                  <th scope="row">
                    <Link href={routePath("reportDetail", { id: r.id })} data-testid="score-report-link">
                      {r.number}
                    </Link>
                  </th>
                  <td>{r.perihal}</td>
                  <td>{t(`kind.${r.kind}` as "kind.daily")}</td>
                  <td>{r.bidang ? t(`bidang.${r.bidang}`) : t("common.none")}</td>
                  <td>{t(`status.${r.status}` as "status.submitted")}</td>
                  <td>{r.period ? periodLabel(r.period, loc) : formatStamp(r.occurredAt, loc, undefined, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : (
        <p class="muted">{tx("score.noReports")}</p>
      )}
      <h3>{tx("score.duties")}</h3>
      {tally.length ? (
        <p class="score-tally" data-testid="score-duty-tally">
          {tally.map((x) => (
            <span key={x.status} class={`tone tone--${DUTY_TONE[x.status]}`}>
              {tx(`score.duty.${x.status}`)}: {x.n}
            </span>
          ))}
        </p>
      ) : null}
      {drill.duties.length ? (
        <ScrollBox label={tx("score.captionDuties", { name, period })}>
          <table class="table stats-table" data-testid="score-duties">
            <caption>{tx("score.captionDuties", { name, period })}</caption>
            <thead>
              <tr>
                <th scope="col">{tx("score.colPeriod")}</th>
                <th scope="col">{tx("score.colKind")}</th>
                <th scope="col">{tx("score.colDue")}</th>
                <th scope="col">{tx("score.colSent")}</th>
                <th scope="col">{tx("score.colStatus")}</th>
                <th scope="col">{tx("score.colReport")}</th>
              </tr>
            </thead>
            <tbody>
              {drill.duties.map((d) => (
                <tr key={`${d.kind}|${d.period}`} data-testid="score-duty" data-status={d.status} data-period={d.period}>
                  <th scope="row">{periodLabel(d.period, loc)}</th>
                  <td>{t(`kind.${d.kind}`)}</td>
                  <td>{formatStamp(d.dueAt, loc, undefined, true)}</td>
                  <td>{formatStamp(d.sentAt, loc, undefined, true)}</td>
                  <td>
                    <span class={`tone tone--${DUTY_TONE[d.status]}`}>{tx(`score.duty.${d.status}`)}</span>
                  </td>
                  <td>
                    {d.reportId ? (
                      <Link href={routePath("reportDetail", { id: d.reportId })} data-testid="score-duty-report">
                        {tx("score.viewReport")}
                      </Link>
                    ) : (
                      t("common.none")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : (
        <p class="muted">{tx("score.noDuties")}</p>
      )}

    </section>
  );
}
