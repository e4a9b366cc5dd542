import "../ops/ops.css";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { IncidentView } from "@contract/incidents.ts";
import { formatStamp } from "@kit/wita.ts";
import { api } from "../api/client.ts";
import { routePath } from "../app/access.ts";
import { Link } from "../app/Link.tsx";
import { models } from "../app/models.ts";
import { errorText, locale, t } from "../i18n/i18n.ts";
import { KerawananBadge } from "../ops/KerawananBadge.tsx";
import { Banner } from "../ui/Banner.tsx";
import { Table } from "../ui/Table.tsx";

/** Active incidents (merged duplicates), newest activity first, with their report counts. */
export function IncidentsPage() {
  const items = useSignal<IncidentView[]>([]);
  const q = useSignal("");
  const error = useSignal<unknown>(null);
  const load = () =>
    api.call("GET /api/incidents", { query: { limit: 200, ...(q.value.trim() ? { q: q.value.trim() } : {}) } }).then(
      (p) => ((items.value = p.data), (error.value = null)),
      (err) => (error.value = err),
    );
  useEffect(() => void load(), []);
  const zone = models.mapData.config.value?.timeZone;
  return (
    <div class="page" data-testid="incidents-page">
      <h1>{t("incident.title")}</h1>
      <form class="filters" role="search" onSubmit={(e) => (e.preventDefault(), void load())}>
        <input aria-label={t("incident.search")} placeholder={t("incident.search")} value={q.value} onInput={(e) => (q.value = e.currentTarget.value)} />
        <button type="submit" class="button">
          {t("common.search")}
        </button>
      </form>
      {error.value ? <Banner kind="error">{errorText(error.value)}</Banner> : null}
      {items.value.length ? (
        <Table columns={[t("incident.colNumber"), t("incident.colTitle"), t("incident.colKerawanan"), t("incident.colReports"), t("incident.colSpan"), t("incident.colKecamatan")]} testId="incidents">
          {items.value.map((i) => (
            <tr key={i.id} data-testid="incident-row">
              <td class="nowrap">
                <Link href={routePath("incidentDetail", { id: i.id })}>{i.number}</Link>
              </td>
              <td>
                {i.title} {i.rahasia ? <span class="tag tag--rahasia">{t("report.rahasia")}</span> : null}
              </td>
              <td>
                <KerawananBadge level={i.kerawanan} />
              </td>
              <td>{i.reportCount}</td>
              <td class="nowrap">
                {formatStamp(i.firstAt, locale.value, zone)} – {formatStamp(i.lastAt, locale.value, zone)}
              </td>
              <td>{i.kecamatan?.nama ?? t("common.none")}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p class="muted">{t("incident.empty")}</p>
      )}
    </div>
  );
}
