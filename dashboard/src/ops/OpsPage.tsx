import "./ops.css";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { ReportFilterInput } from "@contract/report-queue.ts";
import { api } from "../api/client.ts";
import { models } from "./models.ts";
import { routePath } from "../app/access.ts";
import { currentSearch, navigate } from "../app/router.ts";
import { errorText, type MessageKey, t } from "../i18n/i18n.ts";
import { MapView } from "../map/MapView.tsx";
import { Banner } from "../ui/Banner.tsx";
import { BulkBar } from "./BulkBar.tsx";
import { BulkResults } from "./BulkResults.tsx";
import { liveClaim } from "./claims.ts";
import { decisionRequest } from "./DecisionBar.tsx";
import { KeyboardHelp } from "./KeyboardHelp.tsx";
import { OpsList } from "./OpsList.tsx";
import type { OpsConnection } from "./ops.model.ts";
import { QueueFilters } from "./QueueFilters.tsx";
import { filterFromSearch, searchFromFilter, tabOf } from "./queue-filter.ts";
import { followCursor, initialQueueKeys, queueKeys, type QueueKeysState } from "./queue-keys.ts";
import { overdueReportIds, STATUS_OF, typedInField } from "./queue-view.ts";
import { ReportMarkers } from "./ReportMarkers.tsx";
import { FacilitiesOverlay } from "../facilities/FacilitiesLayer.tsx";

const connectionLabel: Record<OpsConnection, MessageKey> = {
  idle: "ops.connecting",
  connecting: "ops.connecting",
  live: "ops.live",
  offline: "ops.offline",
};

/**
 * The verifier's queue: the filtered reports as a list beside the map, live. The filter lives in the URL;
 * the keyboard drives the list (j/k, Enter, v/r/t, x, ?); list and map select together; selected reports
 * go to bulk triage.
 */
export function OpsPage() {
  const { ops, mapData, session, pending } = models;
  const role = session.role.value;
  const me = session.user.value?.id ?? null;
  const keys = useSignal<QueueKeysState>(initialQueueKeys);
  const overdueFollowUps = useSignal<Set<string>>(new Set());

  useEffect(() => {
    ops.setFilter(filterFromSearch(currentSearch.value));
  }, [currentSearch.value]);
  useEffect(() => {
    void ops.start();
    void api
      .call("GET /api/follow-ups", { query: { overdue: "true", limit: 200 } })
      .then((page) => (overdueFollowUps.value = overdueReportIds(page.data, ops.incidents.value)), () => undefined);
    return () => {
      // Leaving the queue sends the verifications still counting down: they were made, not abandoned.
      void pending.flush();
      ops.stop();
    };
  }, [ops]);

  const reports = ops.reports.value;
  const ids = reports.map((r) => r.id);
  const prevIds = useSignal<string[]>(ids);
  if (prevIds.value !== ids && prevIds.value.join() !== ids.join()) {
    keys.value = followCursor(keys.value, prevIds.value, ids);
    prevIds.value = ids;
  }
  const state = keys.value;
  const cursorId = state.cursor >= 0 ? (ids[state.cursor] ?? null) : null;
  const canDecide = role === "verifier" || role === "admin";
  const filter = ops.filter.value;

  const focus = (id: string) => document.getElementById(`report-row-${id}`)?.scrollIntoView({ block: "nearest" });
  const select = (id: string) => {
    keys.value = { ...keys.value, cursor: ids.indexOf(id) };
    focus(id);
  };
  const toggle = (id: string) => {
    const selected = new Set(keys.value.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    keys.value = { ...keys.value, selected };
  };
  const setFilter = (next: ReportFilterInput) => {
    const search = searchFromFilter(next);
    navigate(`${routePath("ops")}${search ? `?${search}` : ""}`);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const result = queueKeys(keys.value, { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, inField: typedInField(e.target) }, ids);
      if (!result.handled) return;
      e.preventDefault();
      keys.value = result.state;
      const command = result.command;
      if (command?.type === "focus") focus(command.id);
      else if (command?.type === "open") navigate(routePath("reportDetail", { id: command.id }));
      else if (command?.type === "decide" && canDecide) decisionRequest.value = { reportId: command.id, status: STATUS_OF[command.decision], seq: Date.now() };
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [ids.join(), canDecide]);

  const connection = ops.connection.value;
  const situation = tabOf(filter) === "situation";
  return (
    <div class="page-ops">
      <aside class="ops-side" aria-label={t("ops.title")}>
        <div class="ops-head">
          <h1>{t("ops.title")}</h1>
          <span class={`conn conn--${connection}`} data-testid="ops-connection" data-state={connection}>
            {t(connectionLabel[connection])}
          </span>
          <button type="button" class="button-quiet" aria-keyshortcuts="?" data-testid="keys-toggle" onClick={() => (keys.value = { ...keys.value, help: !keys.value.help })}>
            {t("keys.button")}
          </button>
        </div>
        {state.help ? <KeyboardHelp onClose={() => (keys.value = { ...keys.value, help: false })} /> : null}
        <QueueFilters filter={filter} counts={ops.counts.value} kecamatan={mapData.kecamatan.value} onChange={setFilter} />
        <p class="muted" data-testid="ops-count">
          {t("ops.shown", { count: ops.count.value, total: ops.counts.value?.total ?? "…" })}
        </p>
        {ops.error.value && connection !== "live" ? <Banner kind="error">{errorText(ops.error.value)}</Banner> : null}
        {canDecide ? (
          <BulkBar
            selected={state.selected}
            reports={reports}
            filter={filter}
            total={ops.counts.value?.total ?? null}
            onDone={() => (keys.value = { ...keys.value, selected: new Set() })}
          />
        ) : null}
        <BulkResults reports={reports} />
        <OpsList
          reports={reports}
          timeZone={mapData.config.value?.timeZone}
          canDecide={canDecide}
          claimOf={(id) => liveClaim(ops.claims.value, id)}
          me={me}
          cursorId={cursorId}
          selectedIds={state.selected}
          overdue={overdueFollowUps.value}
          onSelect={select}
          onToggle={toggle}
        />
        {ops.next.value ? (
          <button type="button" class="button-quiet ops-more" data-testid="ops-more" disabled={ops.loadingMore.value} onClick={() => void ops.loadMore()}>
            {t("ops.more")}
          </button>
        ) : null}
      </aside>
      <section class="ops-map" aria-label={t("map.title")}>
        <MapView config={mapData.config.value} kecamatan={mapData.kecamatan.value} loadError={mapData.error.value}>
          {situation ? <ReportMarkers reports={reports.filter((r) => r.kind === "situation")} incidents={ops.incidents.value} selectedId={cursorId} onSelect={select} /> : null}
          <FacilitiesOverlay />
        </MapView>
        {!situation ? <p class="map-notice">{t("queue.periodicNotOnMap")}</p> : null}
      </section>
    </div>
  );
}
