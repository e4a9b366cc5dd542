import type { ScorecardCounts, ScorecardKecamatan, ScorecardOfficer } from "@contract/duties.ts";
import { Link } from "../app/Link.tsx";
import { locale } from "../i18n/i18n.ts";
import { tx } from "./messages.ts";
import { complianceOf, formatRate } from "./scorecard-rows.ts";
import { ToneBadge } from "./ToneBadge.tsx";
import { ScrollBox } from "../stats/ScrollBox.tsx";

/** The count columns both tables share, in order. */
function countHeaders() {
  return [
    tx("score.colOwed"),
    tx("score.colOnTime"),
    tx("score.colLate"),
    tx("score.colMissing"),
    tx("score.colPending"),
    tx("score.colOnTimeRate"),
    tx("score.colReports"),
    tx("score.colVerificationRate"),
    tx("score.colRating"),
  ];
}

function CountCells({ c }: { c: ScorecardCounts }) {
  const loc = locale.value;
  const n = new Intl.NumberFormat(loc);
  const compliance = complianceOf(c);
  return (
    <>
      <td class="num" data-col="owed">{n.format(c.owed)}</td>
      <td class="num" data-col="onTime">{n.format(c.onTime)}</td>
      <td class={`num${c.late ? " cell-warn" : ""}`} data-col="late">{n.format(c.late)}</td>
      <td class={`num${c.missing ? " cell-bad" : ""}`} data-col="missing">{n.format(c.missing)}</td>
      <td class="num" data-col="pending">{n.format(c.pending)}</td>
      <td class="num" data-col="onTimeRate">{formatRate(compliance.onTimeRate, loc)}</td>
      <td class="num" data-col="reports">{n.format(c.reports)}</td>
      <td class="num" data-col="verificationRate">{formatRate(c.verificationRate, loc)}</td>
      <td>
        <ToneBadge tone={compliance.tone} />
      </td>
    </>
  );
}

interface OfficerProps {
  officers: ScorecardOfficer[];
  total: ScorecardCounts;
  caption: string;
  kecamatanName: (kode: string) => string;
  /** The link that opens an officer's drill-down. */
  hrefOf: (officerId: string) => string;
  openOfficer: string;
}

/** Per officer: what was owed, how it went, the rating; the officer's name opens their drill-down. */
export function OfficerTable({ officers, total, caption, kecamatanName, hrefOf, openOfficer }: OfficerProps) {
  return (
    <ScrollBox label={caption}>
      <table class="table stats-table score-table" data-testid="score-officers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tx("score.colOfficer")}</th>
            <th scope="col">{tx("score.colKecamatan")}</th>
            {countHeaders().map((h) => (
              <th scope="col" key={h} class="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {officers.map((o) => (
            <tr key={o.officerId} data-testid="score-officer" data-officer-id={o.officerId} class={o.officerId === openOfficer ? "row-open" : undefined}>
              <th scope="row">
                <Link href={hrefOf(o.officerId)} data-testid="score-open">
                  {o.name}
                </Link>
              </th>
              <td>{kecamatanName(o.kecamatanKode)}</td>
              <CountCells c={o} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="score-officers-total">
            <th scope="row" colSpan={2}>
              {tx("score.total")}
            </th>
            <CountCells c={total} />
          </tr>
        </tfoot>
      </table>
    </ScrollBox>
  );
}

/** Per kecamatan: its officers' counts added up. */
export function KecamatanTable({ rows, caption, kecamatanName }: { rows: ScorecardKecamatan[]; caption: string; kecamatanName: (kode: string) => string }) {
  return (
    <ScrollBox label={caption}>
      <table class="table stats-table score-table" data-testid="score-kecamatan">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tx("score.colKecamatan")}</th>
            <th scope="col" class="num">
              {tx("score.colOfficers")}
            </th>
            {countHeaders().map((h) => (
              <th scope="col" key={h} class="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((k) => (
            <tr key={k.kecamatanKode} data-testid="score-kecamatan-row" data-kecamatan={k.kecamatanKode}>
              <th scope="row">{kecamatanName(k.kecamatanKode)}</th>
              <td class="num">{k.officers}</td>
              <CountCells c={k} />
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
