import { useContext, useEffect } from "preact/hooks";
import { AppContext } from "../app/context.ts";
import { t } from "../i18n/i18n.ts";
import { PeriodicView } from "../periodic/periodic-view.tsx";
import { ReviseView } from "./revise-view.tsx";
import { SituationView } from "./situation-view.tsx";

/**
 * "Ubah" (`#/ubah/<id>`): fix a report the server refused — the same form, filled from the outbox entry
 * whose clientId this is — or, when the id is one of my reports' ids, revise a report a verifier sent back
 * (see ReviseView). Both are UUIDs made on different sides; they never coincide.
 */
export function EditView({ clientId }: { clientId: string }) {
  const { sync, myReports } = useContext(AppContext);
  const entry = sync.status.mine.value.find((e) => e.clientId === clientId);
  const report = !entry && myReports.reports.value.find((r) => r.id === clientId);
  if (report) return <ReviseView reportId={report.id} />;
  // A deep link may come before my reports are read from the phone's cache or the server.
  const listing = myReports.state.value === "idle" || myReports.state.value === "loading";
  return <RefusedEdit clientId={clientId} gone={!entry && sync.loaded.value && !listing} />;
}

function RefusedEdit({ clientId, gone }: { clientId: string; gone: boolean }) {
  const { sync, router } = useContext(AppContext);
  const entry = sync.status.mine.value.find((e) => e.clientId === clientId);
  // Sent, discarded or edited meanwhile (another tab): nothing left to fix here.
  useEffect(() => {
    if (gone) router.home();
  }, [gone]);
  if (!entry) return <p class="muted pad">{t("app.loading")}</p>;
  const photos = entry.photos.map(({ blob, sha256, mime }) => ({ blob, sha256, mime }));
  if (entry.kind === "situation") {
    // A refused revision stays a revision of its report when fixed; its kept photos stay uploaded.
    const revises = "revises" in entry.payload ? entry.payload.revises : undefined;
    const uploaded = revises ? entry.photos.filter((p) => p.uploaded).map((p) => p.sha256) : undefined;
    return <SituationView initial={entry.payload} editOf={clientId} initialPhotos={photos} revises={revises} uploadedPhotos={uploaded} />;
  }
  return <PeriodicView kind={entry.kind} initial={entry.payload} editOf={clientId} />;
}
