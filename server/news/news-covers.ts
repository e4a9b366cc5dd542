import { createHash, randomUUID } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { NEWS_LIMITS } from "@contract/news.ts";
import { createPhotoStore } from "../reports/photo-store.ts";

/**
 * News covers under DATA_DIR/news/. An upload goes through the report photo store's own rules first (size
 * cap, type sniffed from the bytes, header checked against the pixel limits, decoded in the decoder's
 * process and re-encoded without metadata), kept privately under news/photos/<newsId>/; the served file
 * is then re-encoded from that derivative to WebP of at most NEWS_LIMITS.coverSideMax px with sharp, which
 * writes no metadata (no EXIF, no GPS), under news/covers/<coverId>.webp.
 */
export function createNewsCovers(dataDir: string) {
  const root = path.resolve(dataDir, "news");
  const coversDir = path.join(root, "covers");
  const store = createPhotoStore(root);
  const fileOf = (coverId: string) => path.join(coversDir, `${coverId}.webp`);

  return {
    fileOf,

    /** Check, decode and re-encode an upload; the new cover's id and size. Errors are the store's (400/413/415/503). */
    async make(newsId: string, bytes: Buffer): Promise<{ id: string; width: number; height: number }> {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      await store.save(newsId, sha256, bytes);
      await mkdir(coversDir, { recursive: true });
      const id = randomUUID();
      const tmp = `${fileOf(id)}.${randomUUID()}.tmp`;
      try {
        const side = NEWS_LIMITS.coverSideMax;
        const info = await sharp(store.derivativePath(newsId, sha256))
          .resize({ width: side, height: side, fit: "inside", withoutEnlargement: true })
          .webp({ quality: 80 })
          .toFile(tmp);
        await rename(tmp, fileOf(id));
        return { id, width: info.width, height: info.height };
      } finally {
        await rm(tmp, { force: true });
      }
    },

    /** Remove a cover no row names any more (replaced, or its item deleted), and the item's private copies. */
    async discard(coverId: string | null, newsId?: string): Promise<void> {
      if (coverId) await rm(fileOf(coverId), { force: true });
      if (newsId) await rm(path.join(root, "photos", newsId), { recursive: true, force: true });
    },

    close: () => store.close(),
  };
}

export type NewsCovers = ReturnType<typeof createNewsCovers>;
