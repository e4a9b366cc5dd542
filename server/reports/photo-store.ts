import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { AppError, invalid } from "../core/errors.ts";
import { createPhotoDecoder, type PhotoDecoderOptions } from "./photo-decoder.ts";

/**
 * The most pixels a photo may have: a 50 MP phone camera (8160 × 6144) passes with a little room; a
 * decompression bomb (a 1 MB PNG of 16000 × 16000 px, which libvips' own default still accepts) does not.
 */
export const PHOTO_INPUT_PIXELS_MAX = 52_000_000;
/**
 * Most images decode a strip at a time, but an interlaced PNG is decoded whole: its pixels × channels ×
 * bytes per sample must fit what a 50 MP 8-bit RGB photo takes (~156 MB), so a 16-bit RGBA one of the
 * same size (400 MB) is refused.
 */
export const WHOLE_DECODE_BYTES_MAX = PHOTO_INPUT_PIXELS_MAX * 3;

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
 * to 1600 px — the only version clients ever get. Decoding happens in a short-lived process of its own,
 * one photo per core at a time (see photo-decoder.ts), after the header has been checked against the
 * limits above.
 */
export function createPhotoStore(dataDir: string, decoding: Pick<PhotoDecoderOptions, "maxConcurrent" | "idleMs" | "onCrash"> = {}) {
  const root = path.resolve(dataDir, "photos");
  const dirOf = (reportId: string) => path.join(root, reportId);
  const decoder = createPhotoDecoder({ ...decoding, maxSide: REPORT_LIMITS.photoPixelsMax, limitInputPixels: PHOTO_INPUT_PIXELS_MAX });

  return {
    derivativePath: (reportId: string, sha256: string) => path.join(dirOf(reportId), `${sha256}.jpg`),

    /** The caller has checked that `bytes` hash to `sha256` (reports.service does, before anything else). */
    async save(reportId: string, sha256: string, bytes: Buffer): Promise<StoredPhoto> {
      if (bytes.length === 0) throw invalid("Photo is empty");
      if (bytes.length > REPORT_LIMITS.photoBytesMax) throw new AppError(413, "payload_too_large", "Photo is larger than 10 MB");
      const mime = sniffImage(bytes);
      if (!mime) throw new AppError(415, "unsupported_media_type", "Only JPEG, PNG and WebP photos are accepted");

      await refuseOversized(bytes);
      const dir = dirOf(reportId);
      await mkdir(dir, { recursive: true });
      // Both files are written under temporary names and renamed once the photo has decoded, so a crash or
      // a refusal never leaves half a photo, or an original without its derivative, under the final names.
      const orig = path.join(dir, `${sha256}.orig`);
      const jpg = path.join(dir, `${sha256}.jpg`);
      const tmp = `.${randomUUID()}.tmp`;
      try {
        await writeFile(orig + tmp, bytes);
        const derivative = await decoder.decode(orig + tmp, jpg + tmp);
        await rename(orig + tmp, orig);
        await rename(jpg + tmp, jpg);
        return { sha256, mime, sizeBytes: bytes.length, width: derivative.width, height: derivative.height, storageKey: `${reportId}/${sha256}` };
      } finally {
        await Promise.all([rm(orig + tmp, { force: true }), rm(jpg + tmp, { force: true })]);
      }
    },

    async exists(reportId: string, sha256: string): Promise<boolean> {
      return stat(path.join(dirOf(reportId), `${sha256}.jpg`)).then(
        () => true,
        () => false,
      );
    },

    /** Decoding figures (see PhotoDecoder.stats), for tests and benchmarks. */
    decodeStats: () => decoder.stats(),

    /** Stop the decoding process now rather than when it next idles out. */
    close: () => decoder.close(),
  };
}

export type PhotoStore = ReturnType<typeof createPhotoStore>;

/**
 * Refuse, from the header alone (nothing is decoded yet), a photo too big to decode safely, saying what
 * it is and what the limit is.
 */
async function refuseOversized(bytes: Buffer) {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new AppError(415, "unsupported_media_type", "Photo could not be decoded");
  }
  const { width = 0, height = 0 } = meta;
  const size = `${width} × ${height} px (${megapixels(width * height)} MP)`;
  if (width * height > PHOTO_INPUT_PIXELS_MAX)
    throw new AppError(413, "payload_too_large", `Photo is too large to process: ${size}; at most ${megapixels(PHOTO_INPUT_PIXELS_MAX)} MP`);
  const wholeBytes = width * height * (meta.channels ?? 4) * bytesPerSample(meta.depth);
  if (meta.format === "png" && meta.isProgressive && wholeBytes > WHOLE_DECODE_BYTES_MAX)
    throw new AppError(
      413,
      "payload_too_large",
      `Interlaced PNG of ${size} needs ${mb(wholeBytes)} MB to decode; at most ${mb(WHOLE_DECODE_BYTES_MAX)} MB (send it as JPEG or without interlacing)`,
    );
}

const megapixels = (pixels: number) => Math.round(pixels / 100_000) / 10;
const mb = (bytes: number) => Math.round(bytes / 1_000_000);
/** Bytes per sample from libvips' band format; unknown formats count as the widest. */
const bytesPerSample = (depth: string | undefined) => ({ uchar: 1, char: 1, ushort: 2, short: 2 })[depth ?? ""] ?? 8;
