import { ScrollBox } from "./ScrollBox.tsx";
import type { TrendTable } from "./trend-series.ts";

interface Props {
  table: TrendTable;
  caption: string;
  /** The first column's title (the periods, or the kecamatan). */
  rowHeader: string;
  totalLabel: string;
  /** How a cell reads: a count by default. */
  format: (value: number | null, column: number) => string;
  testId?: string;
}

/** The numbers of a chart as a table: caption, column and row headers, totals in the foot. */
export function DataTable({ table, caption, rowHeader, totalLabel, format, testId }: Props) {
  return (
    <ScrollBox label={caption}>
      <table class="table stats-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c} class="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.key} data-testid="stats-row" data-key={r.key}>
              <th scope="row">{r.label}</th>
              {r.cells.map((v, i) => (
                <td key={i} class="num">
                  {format(v, i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.totals ? (
          <tfoot>
            <tr data-testid="stats-total-row">
              <th scope="row">{totalLabel}</th>
              {table.totals.map((v, i) => (
                <td key={i} class="num">
                  {format(v, i)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollBox>
  );
}
