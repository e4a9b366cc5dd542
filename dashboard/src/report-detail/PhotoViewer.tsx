import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { ReportDetail } from "@contract/report-detail.ts";
import { t } from "../i18n/i18n.ts";

type Photo = ReportDetail["photos"][number];

const photoUrl = (reportId: string, sha256: string) => `/api/reports/${encodeURIComponent(reportId)}/photos/${sha256}`;

/** The index after a key in the viewer: ←/→ wrap around; null closes (Esc); undefined: not the viewer's key. */
export function viewerKey(key: string, index: number, count: number): number | null | undefined {
  if (key === "Escape") return null;
  if (key === "ArrowRight") return (index + 1) % count;
  if (key === "ArrowLeft") return (index - 1 + count) % count;
  return undefined;
}

/**
 * The report's photos as thumbnails; one opens full size in a dialog, ←/→ step through them, Esc closes.
 * A photo declared but not uploaded yet (the phone is still sending it) says so.
 */
export function PhotoViewer({ reportId, photos }: { reportId: string; photos: Photo[] }) {
  const open = useSignal<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const uploaded = photos.filter((p) => p.uploaded);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open.value !== null && !d.open) d.showModal();
    if (open.value === null && d.open) d.close();
  }, [open.value]);
  if (!photos.length) return <p class="muted">{t("photos.none")}</p>;

  const index = open.value;
  const current = index !== null ? uploaded[index] : undefined;
  return (
    <div class="photos">
      <ul class="photo-thumbs">
        {photos.map((p) => {
          const i = uploaded.indexOf(p);
          return (
            <li key={p.sha256}>
              {p.uploaded ? (
                <button type="button" class="photo-thumb" data-testid="photo-thumb" onClick={() => (open.value = i)} aria-label={t("photos.open", { n: i + 1, count: uploaded.length })}>
                  <img src={photoUrl(reportId, p.sha256)} alt="" loading="lazy" width={96} height={72} />
                </button>
              ) : (
                <span class="photo-missing">{t("photos.pending")}</span>
              )}
            </li>
          );
        })}
      </ul>
      <dialog
        ref={dialog}
        class="photo-dialog"
        data-testid="photo-dialog"
        aria-label={t("photos.title")}
        onClose={() => (open.value = null)}
        onKeyDown={(e) => {
          if (index === null) return;
          const next = viewerKey(e.key, index, uploaded.length);
          if (next === undefined) return;
          e.preventDefault();
          open.value = next;
        }}
      >
        {current ? (
          <figure>
            <img src={photoUrl(reportId, current.sha256)} alt={t("photos.open", { n: index! + 1, count: uploaded.length })} data-testid="photo-full" />
            <figcaption>
              {t("photos.position", { n: index! + 1, count: uploaded.length })} · {current.width && current.height ? `${current.width}×${current.height}` : ""}
            </figcaption>
          </figure>
        ) : null}
        <div class="decide-buttons">
          <button type="button" class="button-quiet" onClick={() => (open.value = (index! - 1 + uploaded.length) % uploaded.length)}>
            ← {t("common.previous")}
          </button>
          <button type="button" class="button-quiet" onClick={() => (open.value = (index! + 1) % uploaded.length)}>
            {t("common.next")} →
          </button>
          <button type="button" class="button" onClick={() => (open.value = null)}>
            {t("common.close")}
          </button>
        </div>
      </dialog>
    </div>
  );
}
