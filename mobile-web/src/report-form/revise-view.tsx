import { useContext, useEffect, useMemo } from "preact/hooks";
import { useSignal } from "@preact/signals";
import { AppContext } from "../app/context.ts";
import { t } from "../i18n/i18n.ts";
import type { MyReport } from "../my-reports/my-reports.model.ts";
import type { QueuedPhoto } from "../outbox/outbox.store.ts";
import { canRevise, pendingRevisionOf, reviseTargetOf, revisionFormValues } from "./revision.ts";
import { SituationView } from "./situation-view.tsx";

type PhotoLoad = { state: "loading" } | { state: "ready"; photos: QueuedPhoto[] } | { state: "failed"; photos: QueuedPhoto[] };

/**
 * Revise a situation report a verifier sent back: the form filled with what the server last received,
 * the verifier's note above it. Saving queues a new submission (new clientId, `revises`) in the outbox
 * like any report, so it works offline and is delivered exactly once.
 */
export function ReviseView({ reportId }: { reportId: string }) {
  const { myReports, sync, router } = useContext(AppContext);
  // Decided when the form opens: the version it answers must not move under the officer's typing, and
  // saving (which queues the revision) must not swap the form for "already queued" mid-save.
  const opened = useMemo(() => {
    const report = myReports.reports.peek().find((r) => r.id === reportId);
    if (!report || !canRevise(report)) return { refusal: t("revise.notWaiting") };
    if (pendingRevisionOf(sync.status.mine.peek(), reportId)) return { refusal: t("revise.alreadyQueued") };
    return { report };
  }, []);
  if (!opened.report) return <NotRevisable onBack={() => router.home()} text={opened.refusal} />;
  return <ReviseForm report={opened.report} />;
}

function ReviseForm({ report }: { report: MyReport }) {
  const photos = useSignal<PhotoLoad>({ state: "loading" });
  useEffect(() => {
    let live = true;
    void loadServerPhotos(report).then((p) => live && (photos.value = p));
    return () => void (live = false);
  }, []);
  const load = photos.value;
  if (load.state === "loading") return <p class="muted pad">{t("app.loading")}</p>;
  const banner = (
    <div class="stack-s">
      {report.statusNote && (
        <p class="banner banner--warn" role="note" data-testid="revise-note">
          {t("my.note", { note: report.statusNote })}
        </p>
      )}
      <p class="banner banner--info" data-testid="revise-banner">
        {t("revise.banner", { number: report.number, revision: report.revision + 1 })}
      </p>
      {load.state === "failed" && <p class="banner banner--warn">{t("revise.photosMissing")}</p>}
    </div>
  );
  return (
    <SituationView
      initial={revisionFormValues(report)}
      initialPhotos={load.photos}
      uploadedPhotos={load.photos.map((p) => p.sha256)}
      revises={reviseTargetOf(report)}
      banner={banner}
    />
  );
}

function NotRevisable({ text, onBack }: { text: string; onBack: () => void }) {
  return (
    <div class="stack pad">
      <p class="banner banner--warn">{text}</p>
      <button type="button" class="btn" onClick={onBack}>
        {t("app.back")}
      </button>
    </div>
  );
}

/**
 * The report's photos from the server, so the revision keeps them (declared again, not uploaded again)
 * and the officer sees what was sent. Offline the ones that cannot be fetched are missing: the form says
 * so rather than keep photos it cannot show.
 */
async function loadServerPhotos(report: MyReport): Promise<PhotoLoad> {
  const uploaded = report.photos.filter((p) => p.uploaded);
  const got = await Promise.all(
    uploaded.map(async ({ sha256 }): Promise<QueuedPhoto | null> => {
      try {
        const res = await fetch(`/api/reports/${encodeURIComponent(report.id)}/photos/${sha256}`, { credentials: "same-origin" });
        if (!res.ok) return null;
        const blob = await res.blob();
        return { blob, sha256, mime: blob.type || "image/jpeg" };
      } catch {
        return null;
      }
    }),
  );
  const photos = got.filter((p): p is QueuedPhoto => p !== null);
  return { state: photos.length === report.photos.length ? "ready" : "failed", photos };
}
