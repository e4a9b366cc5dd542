import { useEffect } from "preact/hooks";
import { models } from "../app/models.ts";
import { errorText, type MessageKey, t } from "../i18n/i18n.ts";
import { MapView } from "../map/MapView.tsx";
import { Banner } from "../ui/Banner.tsx";
import { OpsList } from "./OpsList.tsx";
import type { OpsConnection } from "./ops.model.ts";
import { ReportMarkers } from "./ReportMarkers.tsx";

const connectionLabel: Record<OpsConnection, MessageKey> = {
  idle: "ops.connecting",
  connecting: "ops.connecting",
  live: "ops.live",
  offline: "ops.offline",
};

/** The verifier's live view: incoming reports as a list beside the map. */
export function OpsPage() {
  const { ops, mapData, session } = models;
  const role = session.role.value;
  useEffect(() => {
    void ops.start();
    return () => ops.stop();
  }, [ops]);

  const reports = ops.reports.value;
  const connection = ops.connection.value;
  return (
    <div class="page-ops">
      <aside class="ops-side">
        <div class="ops-head">
          <h1>{t("ops.title")}</h1>
          <span class={`conn conn--${connection}`} data-testid="ops-connection" data-state={connection}>
            {t(connectionLabel[connection])}
          </span>
        </div>
        <p class="muted">{t("ops.count", { count: ops.count.value })}</p>
        {ops.error.value && connection !== "live" ? <Banner kind="error">{errorText(ops.error.value)}</Banner> : null}
        <OpsList reports={reports} timeZone={mapData.config.value?.timeZone} canDecide={role === "verifier" || role === "admin"} />
      </aside>
      <section class="ops-map">
        <MapView config={mapData.config.value} kecamatan={mapData.kecamatan.value} loadError={mapData.error.value}>
          <ReportMarkers reports={reports} />
        </MapView>
      </section>
    </div>
  );
}
