import "./alerts.css";
import { useEffect } from "preact/hooks";
import { routePath } from "../app/access.ts";
import { currentSearch, navigate } from "../app/router.ts";
import { t } from "../i18n/i18n.ts";
import { MapView } from "../map/MapView.tsx";
import { PageNotices, useNotice } from "../ui/notice.tsx";
import { AlertDetail } from "./AlertDetail.tsx";
import { AlertList } from "./AlertList.tsx";
import { EvidenceMarkers, HotspotAreas, KecamatanLevels, LevelLegend } from "./AlertMapLayers.tsx";
import type { AlertScope } from "./alert-list.ts";
import { AlarmLine, ConnectionTag, KecamatanLevelList, SoundToggle } from "./AlertsHeader.tsx";
import { tx } from "./messages.ts";
import { models } from "./models.ts";
import { RuleSettingsForm } from "./RuleSettingsForm.tsx";

type Tab = "live" | "history" | "rules";

/** The page's state in its address, so a link opens the same alert and view: `?tab=history&status=all&alert=…`. */
function readSearch(search: string): { tab: Tab; history: "closed" | "all"; alertId: string | null } {
  const q = new URLSearchParams(search);
  const tab = q.get("tab");
  return {
    tab: tab === "history" || tab === "rules" ? tab : "live",
    history: q.get("status") === "all" ? "all" : "closed",
    alertId: q.get("alert"),
  };
}

function searchOf(s: { tab: Tab; history: "closed" | "all"; alertId: string | null }): string {
  const q = new URLSearchParams();
  if (s.tab !== "live") q.set("tab", s.tab);
  if (s.tab === "history" && s.history === "all") q.set("status", "all");
  if (s.alertId && s.tab !== "rules") q.set("alert", s.alertId);
  const text = q.toString();
  return `${routePath("alerts")}${text ? `?${text}` : ""}`;
}

/**
 * Early warning (issue #16): the live alerts (or their history) beside a map of Balangan coloured by
 * each kecamatan's alert level, with hotspot areas and the selected alert's evidence reports; the
 * selected alert in full, with acknowledge and close for leaders and admins; the rules' settings for
 * admins. Live over `alert:changed`, with a visual cue (and, if switched on, a beep) for news.
 */
export function AlertsPage() {
  const { alerts, mapData, session } = models;
  const { notice, run } = useNotice();
  const role = session.role.value;
  const canAct = role === "leader" || role === "admin";
  const isAdmin = role === "admin";
  const state = readSearch(currentSearch.value);
  const tab = state.tab === "rules" && !isAdmin ? "live" : state.tab;
  const scope: AlertScope = tab === "history" ? state.history : "live";

  // Before `start`: the first read is already of the scope the address names.
  useEffect(() => void alerts.setScope(scope), [scope]);
  useEffect(() => {
    void alerts.start();
    return () => alerts.stop();
  }, [alerts]);
  useEffect(() => {
    if (tab === "rules") void alerts.loadRules().catch((err: unknown) => (alerts.error.value = err));
  }, [tab]);
  useEffect(() => void alerts.select(tab === "rules" ? null : state.alertId), [state.alertId, tab]);

  const go = (next: Partial<typeof state>) => navigate(searchOf({ ...state, tab, ...next }), { replace: true });
  const select = (id: string | null) => {
    go({ alertId: id });
    if (id) document.getElementById(`alert-row-${id}`)?.scrollIntoView({ block: "nearest" });
  };

  const list = alerts.alerts.value;
  const selected = alerts.selected.value;
  const timeZone = mapData.config.value?.timeZone;
  const tabs: Tab[] = isAdmin ? ["live", "history", "rules"] : ["live", "history"];

  return (
    <div class={`page-alerts${selected && tab !== "rules" ? " page-alerts--detail" : ""}${tab === "rules" ? " page-alerts--rules" : ""}`}>
      <aside class="alerts-side" aria-label={tx("alerts.title")}>
        <div class="alerts-head">
          <h1>{tx("alerts.title")}</h1>
          <ConnectionTag connection={alerts.connection.value} />
          <SoundToggle />
        </div>
        <AlarmLine />
        <PageNotices notice={notice.value} testId="alerts-notice" loadError={alerts.error.value} />
        <div class="alert-tabs" role="group" aria-label={tx("alerts.tabs")}>
          {tabs.map((name) => (
            <button key={name} type="button" aria-pressed={tab === name} class="alert-tab" data-testid={`alerts-tab-${name}`} onClick={() => go({ tab: name, alertId: null })}>
              {tx(`alerts.tab.${name}`)}
            </button>
          ))}
        </div>
        {tab === "rules" ? null : (
          <>
            <KecamatanLevelList levels={alerts.levels.value} />
            {tab === "history" ? (
              <label class="alert-history-filter">
                {tx("alerts.history.filter")}{" "}
                <select value={state.history} onChange={(e) => go({ history: e.currentTarget.value === "all" ? "all" : "closed", alertId: null })} data-testid="alerts-history-status">
                  <option value="closed">{tx("alerts.history.closed")}</option>
                  <option value="all">{tx("alerts.history.all")}</option>
                </select>
              </label>
            ) : null}
            <p class="muted" data-testid="alerts-count">
              {alerts.loading.value && !list.length ? t("common.loading") : list.length ? tx("alerts.count", { n: list.length }) : tx(tab === "live" ? "alerts.empty.live" : "alerts.empty.history")}
            </p>
            <AlertList alerts={list} selectedId={selected?.id ?? null} fresh={alerts.fresh.value} timeZone={timeZone} onSelect={(id) => select(id)} />
            {alerts.hasMore.value ? (
              <button type="button" class="button-quiet alerts-more" disabled={alerts.loading.value} onClick={() => void alerts.more()} data-testid="alerts-more">
                {tx("alerts.more")}
              </button>
            ) : null}
          </>
        )}
      </aside>
      {tab === "rules" ? (
        <section class="alerts-rules">
          {alerts.rules.value ? <RuleSettingsForm initial={alerts.rules.value} run={run} notice={notice} /> : <p class="muted">{t("common.loading")}</p>}
        </section>
      ) : (
        <section class="alerts-map" aria-label={t("map.title")}>
          <MapView config={mapData.config.value} kecamatan={mapData.kecamatan.value} loadError={mapData.error.value}>
            {mapData.kecamatan.value ? <KecamatanLevels kecamatan={mapData.kecamatan.value} levels={alerts.levels.value} /> : null}
            <HotspotAreas alerts={alerts.areas.value} selectedId={selected?.id ?? null} onSelect={select} />
            {selected ? <EvidenceMarkers alert={selected} evidence={alerts.evidence.value} /> : null}
          </MapView>
          <LevelLegend />
        </section>
      )}
      {selected && tab !== "rules" ? (
        <aside class="alerts-detail-pane">
          <AlertDetail
            alert={selected}
            evidence={alerts.evidence.value}
            canAct={canAct}
            timeZone={timeZone}
            onClose={() => select(null)}
            onDone={(text) => (notice.value = { kind: "success", text })}
          />
        </aside>
      ) : null}
    </div>
  );
}
