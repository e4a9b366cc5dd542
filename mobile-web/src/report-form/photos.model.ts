import { action, createModel, signal } from "@preact/signals";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { preparePhoto } from "../outbox/photos.ts";
import type { QueuedPhoto } from "../outbox/outbox.store.ts";

export interface FormPhoto extends QueuedPhoto {
  /** Object URL of the prepared (shrunk) JPEG, for the thumbnail. */
  url: string;
}

/**
 * The photos of one report being written, already shrunk and hashed (`preparePhoto`) as they are
 * picked, so saving is instant and the outbox holds exactly the bytes that will be uploaded.
 */
export const PhotosModel = createModel((initial: QueuedPhoto[]) => {
  const photos = signal<FormPhoto[]>(initial.map(withUrl));
  const preparing = signal(0);
  const failed = signal<string[]>([]);
  /** True once the officer added or removed one (an edit then replaces the queued photos). */
  const changed = signal(false);

  async function add(files: File[]): Promise<void> {
    failed.value = [];
    const room = REPORT_LIMITS.photosMax - photos.value.length;
    const picked = files.slice(0, Math.max(0, room));
    if (files.length > picked.length) failed.value = [`>${REPORT_LIMITS.photosMax}`];
    preparing.value += picked.length;
    for (const file of picked) {
      try {
        const p = await preparePhoto(file);
        // The same picture picked twice is one photo.
        if (!photos.value.some((x) => x.sha256 === p.sha256)) photos.value = [...photos.value, withUrl(p)];
        changed.value = true;
      } catch {
        failed.value = [...failed.value, file.name];
      } finally {
        preparing.value--;
      }
    }
  }

  const remove = action((sha256: string) => {
    const gone = photos.value.find((p) => p.sha256 === sha256);
    if (gone) URL.revokeObjectURL(gone.url);
    photos.value = photos.value.filter((p) => p.sha256 !== sha256);
    changed.value = true;
  });

  const release = action(() => photos.value.forEach((p) => URL.revokeObjectURL(p.url)));

  return { photos, preparing, failed, changed, add, remove, release };
});

export type PhotosState = InstanceType<typeof PhotosModel>;

function withUrl(p: QueuedPhoto): FormPhoto {
  return { blob: p.blob, sha256: p.sha256, mime: p.mime, url: URL.createObjectURL(p.blob) };
}
