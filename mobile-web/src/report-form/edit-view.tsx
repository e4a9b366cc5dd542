import { useContext, useEffect } from "preact/hooks";
import { AppContext } from "../app/context.ts";
import { t } from "../i18n/i18n.ts";
import { PeriodicView } from "../periodic/periodic-view.tsx";
import { SituationView } from "./situation-view.tsx";

/** Fix a report the server refused: the same form, filled from the outbox entry. */
export function EditView({ clientId }: { clientId: string }) {
  const { sync, router } = useContext(AppContext);
  const entry = sync.status.mine.value.find((e) => e.clientId === clientId);
  const gone = !entry && sync.loaded.value;
  // Sent, discarded or edited meanwhile (another tab): nothing left to fix here.
  useEffect(() => {
    if (gone) router.home();
  }, [gone]);
  if (!entry) return <p class="muted pad">{t("app.loading")}</p>;
  const photos = entry.photos.map(({ blob, sha256, mime }) => ({ blob, sha256, mime }));
  if (entry.kind === "situation") return <SituationView initial={entry.payload} editOf={clientId} initialPhotos={photos} />;
  return <PeriodicView kind={entry.kind} initial={entry.payload} editOf={clientId} />;
}
