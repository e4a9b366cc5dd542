import type { Kerawanan, ReportStatus } from "@contract/reports.ts";
import type { CountsBy } from "@contract/wall.ts";
import { WALL_KERAWANAN_COLORS } from "./dot-layer.ts";
import { tx } from "./messages.ts";

const KERAWANAN: Kerawanan[] = ["rendah", "sedang", "tinggi", "sangat_tinggi"];
const STATUSES: ReportStatus[] = ["submitted", "verified", "published", "revision_requested", "rejected"];

/** Today and this week side by side: totals, then by kerawanan and by status. */
export function CountersPanel({ today, week }: { today: CountsBy; week: CountsBy }) {
  return (
    <div class="wall-counters" data-testid="wall-counters">
      <table>
        <thead>
          <tr>
            <th />
            <th scope="col">{tx("wall.counters.today")}</th>
            <th scope="col">{tx("wall.counters.week")}</th>
          </tr>
        </thead>
        <tbody>
          <tr class="wall-counters-total">
            <th scope="row">{tx("wall.counters.total")}</th>
            <td data-testid="wall-count-today">{today.total}</td>
            <td data-testid="wall-count-week">{week.total}</td>
          </tr>
          <tr class="wall-counters-group">
            <th colSpan={3}>{tx("wall.counters.kerawanan")}</th>
          </tr>
          {KERAWANAN.map((k) => (
            <tr key={k}>
              <th scope="row">
                <span class="wall-swatch" style={{ background: WALL_KERAWANAN_COLORS[k] }} />
                {tx(`wall.kerawanan.${k}`)}
              </th>
              <td>{today.kerawanan[k] ?? 0}</td>
              <td>{week.kerawanan[k] ?? 0}</td>
            </tr>
          ))}
          <tr class="wall-counters-group">
            <th colSpan={3}>{tx("wall.counters.status")}</th>
          </tr>
          {STATUSES.map((s) => (
            <tr key={s}>
              <th scope="row">{tx(`wall.status.${s}`)}</th>
              <td>{today.status[s] ?? 0}</td>
              <td>{week.status[s] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
