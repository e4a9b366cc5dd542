import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { FACILITY_LIMITS } from "@contract/facilities.ts";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { AppError, invalid } from "../core/errors.ts";
import { createPhotoDecoder } from "../reports/photo-decoder.ts";
import { PHOTO_INPUT_PIXELS_MAX, sniffImage } from "../reports/photo-store.ts";

/**
 * Facility photos under DATA_DIR/facility-photos/<facility id>.webp, by the rules report photos follow: at
 * most 10 MB, JPEG / PNG / WebP by their first bytes (not the declared type), the pixel count checked from
 * the header before anything is decoded, the decode itself in the photo decoder's short-lived process
 * (EXIF orientation applied, metadata dropped), then re-encoded here to WebP of at most 1280 px with no
 * metadata at all — as published report photos are (publishing/public-photos.ts). The upload itself is
 * never kept: a facility's photo is public, and the original may carry the GPS of whoever took it.
 */
export function createFacilityPhotos(dataDir: string) {
  const root = path.resolve(dataDir, "facility-photos");
  const fileOf = (id: string) => path.join(root, `${id}.webp`);
  // Report photos' derivative size: the WebP is made from it, as public report photos are.
  const decoder = createPhotoDecoder({ maxSide: REPORT_LIMITS.photoPixelsMax, limitInputPixels: PHOTO_INPUT_PIXELS_MAX });

  return {
    fileOf,

    /** Check, decode and store the photo of a facility, replacing any before it; its size as stored. */
    async save(facilityId: string, bytes: Buffer): Promise<{ width: number; height: number }> {
      if (bytes.length === 0) throw invalid("Photo is empty");
      if (bytes.length > REPORT_LIMITS.photoBytesMax) throw new AppError(413, "payload_too_large", "Photo is larger than 10 MB");
      if (!sniffImage(bytes)) throw new AppError(415, "unsupported_media_type", "Only JPEG, PNG and WebP photos are accepted");
      await refuseTooManyPixels(bytes);
      await mkdir(root, { recursive: true });
      const tmp = path.join(root, `.${randomUUID()}`);
      try {
        await writeFile(`${tmp}.upload`, bytes);
        await decoder.decode(`${tmp}.upload`, `${tmp}.jpg`);
        const side = FACILITY_LIMITS.photoSideMax;
        const info = await sharp(`${tmp}.jpg`).resize({ width: side, height: side, fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toFile(`${tmp}.webp`);
        await rename(`${tmp}.webp`, fileOf(facilityId));
        return { width: info.width, height: info.height };
      } finally {
        await Promise.all([".upload", ".jpg", ".webp"].map((ext) => rm(tmp + ext, { force: true })));
      }
    },

    async exists(facilityId: string): Promise<boolean> {
      return stat(fileOf(facilityId)).then(
        () => true,
        () => false,
      );
    },

    async remove(facilityId: string): Promise<void> {
      await rm(fileOf(facilityId), { force: true });
    },
  };
}

export type FacilityPhotos = ReturnType<typeof createFacilityPhotos>;

/** From the header alone: a decompression bomb is refused before any pixel is decoded. */
async function refuseTooManyPixels(bytes: Buffer): Promise<void> {
  let width = 0;
  let height = 0;
  try {
    ({ width = 0, height = 0 } = await sharp(bytes).metadata());
  } catch {
    throw new AppError(415, "unsupported_media_type", "Photo could not be decoded");
  }
  if (width * height > PHOTO_INPUT_PIXELS_MAX)
    throw new AppError(413, "payload_too_large", `Photo is too large to process: ${width} × ${height} px; at most ${PHOTO_INPUT_PIXELS_MAX / 1_000_000} MP`);
}
