import "../ops/ops.css";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { IncidentDetail } from "@contract/incidents.ts";
import { formatStamp } from "@kit/wita.ts";
import { api } from "../api/client.ts";
import type { PageProps } from "../app/lazy-page.tsx";
import { routePath } from "../app/access.ts";
import { Link } from "../app/Link.tsx";
import { models } from "../app/models.ts";
import { errorText, locale, t } from "../i18n/i18n.ts";
import { KerawananBadge } from "../ops/KerawananBadge.tsx";
import { Banner } from "../ui/Banner.tsx";
import { Table } from "../ui/Table.tsx";
import { AssignForm } from "../follow-ups/AssignForm.tsx";

/** One incident: its reports (each may be taken out again: unmerge), its span and who made it. */
export function IncidentDetailPage({ params }: PageProps) {
  const id = params.id!;
  const incident = useSignal<IncidentDetail | null>(null);
  const error = useSignal<unknown>(null);
  const load = () =>
    api.call("GET /api/incidents/:id", { params: { id } }).then(
      (r) => ((incident.value = r.data), (error.value = null)),
      (err) => (error.value = err),
    );
  useEffect(() => void load(), [id]);
  const role = models.session.role.value;
  const canManage = role === "verifier" || role === "admin";
  const zone = models.mapData.config.value?.timeZone;
  const i = incident.value;
  if (!i) return error.value ? <Banner kind="error">{errorText(error.value)}</Banner> : <p class="page-loading">{t("common.loading")}</p>;

  const unmerge = async (reportId: string) => {
    try {
      const { data } = await api.call("DELETE /api/incidents/:id/reports/:reportId", { params: { id, reportId } });
      incident.value = data;
    } catch (err) {
      error.value = err;
    }
  };
  return (
    <div class="page" data-testid="incident-detail" data-status={i.status}>
      <p>
        <Link href={routePath("incidents")}>← {t("incident.title")}</Link>
      </p>
      <p class="ops-number">{i.number}</p>
      <h1>
        {i.title} {i.rahasia ? <span class="tag tag--rahasia">{t("report.rahasia")}</span> : null}
      </h1>
      <p>
        <KerawananBadge level={i.kerawanan} /> {t("incident.reportCount", { count: i.reportCount })} · {formatStamp(i.firstAt, locale.value, zone)} –{" "}
        {formatStamp(i.lastAt, locale.value, zone)} · {t("incident.createdBy", { name: i.createdBy?.displayName ?? t("audit.system") })}
      </p>
      {i.status === "dissolved" ? <Banner kind="info">{t("incident.dissolved")}</Banner> : null}
      {error.value ? <Banner kind="error">{errorText(error.value)}</Banner> : null}
      <Table columns={[t("incident.colNumber"), t("incident.colTitle"), t("incident.colKerawanan"), t("queue.status"), t("incident.colKecamatan"), t("incident.colMerged"), ""]} testId="incident-reports">
        {i.reports.map((r) => (
          <tr key={r.id} data-testid="incident-report" data-report-id={r.id}>
            <td class="nowrap">
              <Link href={routePath("reportDetail", { id: r.id })}>{r.number}</Link>
            </td>
            <td>
              {r.perihal} {r.classification === "rahasia" ? <span class="tag tag--rahasia">{t("report.rahasia")}</span> : null}
            </td>
            <td>
              <KerawananBadge level={r.kerawanan} />
            </td>
            <td>{t(`status.${r.status}`)}</td>
            <td>{r.desa ? `${r.desa.nama}, ${r.kecamatan.nama}` : r.kecamatan.nama}</td>
            <td class="nowrap">
              {formatStamp(r.mergedAt, locale.value, zone)} {r.mergedBy ? `· ${r.mergedBy.displayName}` : ""}
            </td>
            <td>
              {canManage && i.status === "active" ? (
                <button type="button" class="button-quiet" data-testid="unmerge" onClick={() => void unmerge(r.id)}>
                  {t("incident.unmerge")}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </Table>
      {canManage && i.status === "active" ? (
        <details>
          <summary>{t("followUp.assignHeading")}</summary>
          <AssignForm target={{ incidentId: i.id }} onDone={() => void load()} />
        </details>
      ) : null}
    </div>
  );
}
