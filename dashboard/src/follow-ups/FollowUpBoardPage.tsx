import "../ops/ops.css";
import "../report-detail/report-detail.css";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { FollowUpBoard, FollowUpView } from "@contract/follow-ups.ts";
import { formatStamp } from "@kit/wita.ts";
import { api } from "../api/client.ts";
import { routePath } from "../app/access.ts";
import { Link } from "../app/Link.tsx";
import { models } from "../app/models.ts";
import { errorText, locale, t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { Table } from "../ui/Table.tsx";

/** Hours as "5,2 jam" / "2,1 hari" in the reader's language; a dash when nothing was answered yet. */
export function responseTime(hours: number | null, lang: string): string {
  if (hours === null) return "—";
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return hours >= 48 ? t("board.days", { n: fmt.format(hours / 24) }) : t("board.hours", { n: fmt.format(hours) });
}

/**
 * The leaders' follow-up board: per agency, what is open, what is past its deadline, what was answered
 * and how fast; and the overdue assignments themselves, oldest deadline first.
 */
export function FollowUpBoardPage() {
  const board = useSignal<FollowUpBoard | null>(null);
  const overdue = useSignal<FollowUpView[]>([]);
  const error = useSignal<unknown>(null);
  useEffect(() => {
    api.call("GET /api/follow-ups/board", {}).then((r) => (board.value = r.data), (err) => (error.value = err));
    api.call("GET /api/follow-ups", { query: { overdue: "true", limit: 200 } }).then((r) => (overdue.value = r.data), (err) => (error.value = err));
  }, []);
  const zone = models.mapData.config.value?.timeZone;
  const targetLink = (f: FollowUpView) => routePath(f.target.type === "report" ? "reportDetail" : "incidentDetail", { id: f.target.id });
  return (
    <div class="page" data-testid="follow-up-board">
      <h1>{t("board.title")}</h1>
      {error.value ? <Banner kind="error">{errorText(error.value)}</Banner> : null}
      {board.value ? (
        <>
          <p class="muted">{t("board.asOf", { at: formatStamp(board.value.asOf, locale.value, zone, true) })}</p>
          <Table columns={[t("board.agency"), t("board.open"), t("board.overdue"), t("board.responded"), t("board.closed"), t("board.avgResponse")]} testId="board">
            {board.value.agencies.map((row) => (
              <tr key={row.agency.id} data-testid="board-row" class={row.overdue ? "follow-up--overdue" : undefined}>
                <td>
                  {row.agency.name} {row.agency.active ? null : <span class="muted">({t("agency.inactive")})</span>}
                </td>
                <td>{row.open}</td>
                <td class={row.overdue ? "overdue-text" : undefined}>{row.overdue}</td>
                <td>{row.responded}</td>
                <td>{row.closed}</td>
                <td>{responseTime(row.avgResponseHours, locale.value)}</td>
              </tr>
            ))}
          </Table>
        </>
      ) : null}
      <h2>{t("board.overdueList")}</h2>
      {overdue.value.length ? (
        <Table columns={[t("board.target"), t("board.agency"), t("followUp.deadline"), t("followUp.instruction")]} testId="overdue-list">
          {overdue.value.map((f) => (
            <tr key={f.id} data-testid="overdue-row">
              <td>
                <Link href={targetLink(f)}>
                  {f.target.number} · {f.target.title}
                </Link>
              </td>
              <td>{f.agency.name}</td>
              <td class="overdue-text nowrap">{formatStamp(f.deadline, locale.value, zone, true)}</td>
              <td>{f.instruction}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p class="muted">{t("board.noneOverdue")}</p>
      )}
    </div>
  );
}
