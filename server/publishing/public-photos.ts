import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { PUBLIC_LIMITS } from "@contract/public-reports.ts";
import type { NewPublicPhoto } from "./publications.repo.ts";

/** Where a report's stored photo (the private, already decoded derivative) is read from. */
export type SourcePhotoPath = (reportId: string, sha256: string) => string;

/**
 * Public derivatives of report photos, under DATA_DIR/public-photos/<id>.webp. Each is made from the
 * photo store's own derivative (decoded once already, in the decoder's process, at most 1600 px), not the
 * original: sharp re-encodes it to WebP of at most 1280 px and, by default, writes no metadata at all (no
 * EXIF, no GPS, no ICC profile name). A new id per derivative, so the public URL names nothing of the source.
 */
export function createPublicPhotos(dataDir: string, sourcePath: SourcePhotoPath) {
  const root = path.resolve(dataDir, "public-photos");
  const fileOf = (id: string) => path.join(root, `${id}.webp`);

  async function make(reportId: string, sha256: string): Promise<NewPublicPhoto> {
    await mkdir(root, { recursive: true });
    const id = randomUUID();
    const tmp = `${fileOf(id)}.${randomUUID()}.tmp`;
    try {
      const side = PUBLIC_LIMITS.photoSideMax;
      const info = await sharp(sourcePath(reportId, sha256))
        .resize({ width: side, height: side, fit: "inside", withoutEnlargement: true })
        .webp({ quality: 80 })
        .toFile(tmp);
      await rename(tmp, fileOf(id));
      return { id, reportId, sourceSha256: sha256, mime: "image/webp", width: info.width, height: info.height, sizeBytes: info.size };
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /** Remove derivatives never published (the publication was refused after they were made). */
  async function discard(ids: string[]): Promise<void> {
    await Promise.all(ids.map((id) => rm(fileOf(id), { force: true })));
  }

  return {
    fileOf,
    discard,

    /** One derivative per photo, in order. If any fails, those made already are removed. */
    async makeAll(reportId: string, hashes: string[]): Promise<NewPublicPhoto[]> {
      const made: NewPublicPhoto[] = [];
      try {
        // One at a time: up to five photos of 1600 px, and the decoder's processes share the cores.
        for (const sha of hashes) made.push(await make(reportId, sha));
        return made;
      } catch (err) {
        await discard(made.map((p) => p.id));
        throw err;
      }
    },

    async exists(id: string): Promise<boolean> {
      return stat(fileOf(id)).then(
        () => true,
        () => false,
      );
    },
  };
}

export type PublicPhotos = ReturnType<typeof createPublicPhotos>;
