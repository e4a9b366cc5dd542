import "./public-map.css";
import { useEffect, useState } from "preact/hooks";
import { CircleMarker } from "react-leaflet";
import type { PublicReport } from "@contract/public-reports.ts";
import { api } from "../api/client.ts";
import { Link } from "../app/Link.tsx";
import { models } from "../app/models.ts";
import { locale } from "../i18n/i18n.ts";
import { MapView } from "../map/MapView.tsx";
import { KERAWANAN_COLORS } from "../map/kerawanan.ts";
import { formatDayKey, formatStamp } from "@kit/wita.ts";
import { pt } from "./messages.ts";
import type { PageProps } from "../app/lazy-page.tsx";

type State = { kind: "loading" } | { kind: "shown"; report: PublicReport } | { kind: "gone"; withdrawnNow: boolean } | { kind: "error" };

/**
 * One published report at its shareable address (`/laporan/:id`): its public shape only. Withdrawn while
 * open, it goes at once (the public feed says so); a link to a report no longer published says that.
 */
export function PublicReportPage({ params }: PageProps) {
  const reportId = params.id ?? "";
  const { mapData } = models;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [copied, setCopied] = useState(false);
  useEffect(() => void mapData.load(), [mapData]);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void api.send("GET /api/public/reports/:id", { params: { id: reportId } }).then((res) => {
      if (gone) return;
      if (res.ok) setState({ kind: "shown", report: res.data.data });
      else setState(res.status === 404 || res.status === 400 ? { kind: "gone", withdrawnNow: false } : { kind: "error" });
    });
    void import("./public-live.ts").then(({ openPublicLive }) => {
      if (gone) return;
      stop = openPublicLive({
        published: (r) => r.id === reportId && setState({ kind: "shown", report: r }),
        withdrawn: (id) => id === reportId && setState({ kind: "gone", withdrawnNow: true }),
        resumed: () => undefined,
        connection: () => undefined,
      });
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [reportId]);

  const share = async () => {
    const url = location.href;
    if (navigator.share) await navigator.share({ url, title: state.kind === "shown" ? state.report.title : document.title }).catch(() => undefined);
    else await navigator.clipboard?.writeText(url).then(() => setCopied(true), () => undefined);
  };

  return (
    <article class="public-report" data-testid="public-report">
      <Link href="/" class="public-back">
        ← {pt("pub.detail.back")}
      </Link>
      {state.kind === "loading" ? <p>{pt("pub.list.loading")}</p> : null}
      {state.kind === "error" ? <p role="alert">{pt("pub.error")}</p> : null}
      {state.kind === "gone" ? (
        <p role="status" data-testid="public-report-gone">
          {state.withdrawnNow ? pt("pub.detail.withdrawn") : pt("pub.detail.gone")}
        </p>
      ) : null}
      {state.kind === "shown" ? (
        <>
          <h1>{state.report.title}</h1>
          <p class="public-item-meta">
            <span class="public-swatch" style={{ background: KERAWANAN_COLORS[state.report.kerawanan] }} /> {pt(`pub.kerawanan.${state.report.kerawanan}`)} ·{" "}
            {pt(`pub.bidang.${state.report.bidang}`)} ·{" "}
            {state.report.desa ? pt("pub.where.desa", { desa: state.report.desa.nama, kecamatan: state.report.kecamatan.nama }) : pt("pub.where.kecamatan", { kecamatan: state.report.kecamatan.nama })}
          </p>
          <dl class="public-report-facts">
            <dt>{pt("pub.detail.day")}</dt>
            <dd>
              <time dateTime={state.report.day}>{formatDayKey(state.report.day, locale.value)}</time>
            </dd>
            <dt>{pt("pub.detail.published")}</dt>
            <dd>{formatStamp(state.report.publishedAt, locale.value, undefined, true)}</dd>
          </dl>
          <p class="public-report-summary">{state.report.summary}</p>
          {state.report.photos.length ? (
            <section aria-label={pt("pub.detail.photos")} class="public-report-photos">
              {state.report.photos.map((p) => (
                <img key={p.id} src={p.url} width={p.width} height={p.height} alt="" loading="lazy" />
              ))}
            </section>
          ) : null}
          <div class="public-report-map">
            <MapView config={mapData.config.value} kecamatan={mapData.kecamatan.value}>
              <CircleMarker center={[state.report.location.lat, state.report.location.lng]} radius={10} pathOptions={{ color: "#fff", weight: 2, fillColor: KERAWANAN_COLORS[state.report.kerawanan], fillOpacity: 0.95 }} />
            </MapView>
          </div>
          <p class="public-item-meta">{pt("pub.detail.generalized")}</p>
          <button type="button" class="button-quiet" onClick={() => void share()}>
            {copied ? pt("pub.detail.copied") : pt("pub.detail.share")}
          </button>
        </>
      ) : null}
    </article>
  );
}
