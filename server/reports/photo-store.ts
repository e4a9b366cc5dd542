import { randomUUID } from "node:crypto";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { AppError, invalid } from "../core/errors.ts";

export type PhotoMime = "image/jpeg" | "image/png" | "image/webp";

/** The file type from its first bytes; the declared Content-Type is not trusted. */
export function sniffImage(bytes: Buffer): PhotoMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (bytes.length >= 12 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") return "image/webp";
  return null;
}

export interface StoredPhoto {
  sha256: string;
  mime: PhotoMime;
  sizeBytes: number;
  width: number;
  height: number;
  storageKey: string;
}

/**
 * Photos on disk under DATA_DIR/photos/<report>/: the original as uploaded (private: never served, it may
 * carry the officer's GPS in EXIF) and a derivative re-encoded by sharp, which drops all metadata, bounded
 * to 1600 px — the only version clients ever get.
 */
export function createPhotoStore(dataDir: string) {
  const root = path.resolve(dataDir, "photos");
  const dirOf = (reportId: string) => path.join(root, reportId);

  return {
    derivativePath: (reportId: string, sha256: string) => path.join(dirOf(reportId), `${sha256}.jpg`),

    /** The caller has checked that `bytes` hash to `sha256` (reports.service does, before anything else). */
    async save(reportId: string, sha256: string, bytes: Buffer): Promise<StoredPhoto> {
      if (bytes.length === 0) throw invalid("Photo is empty");
      if (bytes.length > REPORT_LIMITS.photoBytesMax) throw new AppError(413, "payload_too_large", "Photo is larger than 10 MB");
      const mime = sniffImage(bytes);
      if (!mime) throw new AppError(415, "unsupported_media_type", "Only JPEG, PNG and WebP photos are accepted");

      let derivative: { data: Buffer; info: { width: number; height: number } };
      try {
        derivative = await sharp(bytes, { failOn: "error" })
          .rotate() // apply EXIF orientation before the metadata goes
          .resize({ width: REPORT_LIMITS.photoPixelsMax, height: REPORT_LIMITS.photoPixelsMax, fit: "inside", withoutEnlargement: true })
          .jpeg({ quality: 82, mozjpeg: true })
          .toBuffer({ resolveWithObject: true });
      } catch {
        throw new AppError(415, "unsupported_media_type", "Photo could not be decoded");
      }
      const dir = dirOf(reportId);
      await mkdir(dir, { recursive: true });
      await writeAtomically(path.join(dir, `${sha256}.orig`), bytes);
      await writeAtomically(path.join(dir, `${sha256}.jpg`), derivative.data);
      return { sha256, mime, sizeBytes: bytes.length, width: derivative.info.width, height: derivative.info.height, storageKey: `${reportId}/${sha256}` };
    },

    async exists(reportId: string, sha256: string): Promise<boolean> {
      return stat(path.join(dirOf(reportId), `${sha256}.jpg`)).then(
        () => true,
        () => false,
      );
    },
  };
}

export type PhotoStore = ReturnType<typeof createPhotoStore>;

/** Write-then-rename, so a crash mid-write never leaves a half photo under the final name. */
async function writeAtomically(file: string, data: Buffer) {
  const tmp = `${file}.${randomUUID()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
