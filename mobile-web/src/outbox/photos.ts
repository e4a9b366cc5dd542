import { REPORT_LIMITS } from "@contract/reports.ts";

export interface PreparedPhoto {
  blob: Blob;
  /** SHA-256 of `blob`'s bytes, lowercase hex: the photo's name on the server and its upload key. */
  sha256: string;
  mime: string;
  width: number;
  height: number;
}

/** Turns a picked image into a smaller JPEG. The browser implementation is `canvasDownscale`. */
export type Downscale = (file: Blob, maxSide: number) => Promise<{ blob: Blob; width: number; height: number }>;

/**
 * Shrink a camera photo (often 4–12 MB) to ≤ 1600 px JPEG (~200–400 KB) before it is queued, so the
 * upload fits one bar of signal, then hash the bytes that will actually be sent.
 */
export async function preparePhoto(file: Blob, downscale: Downscale = canvasDownscale): Promise<PreparedPhoto> {
  const { blob, width, height } = await downscale(file, REPORT_LIMITS.photoPixelsMax);
  return { blob, sha256: await sha256Hex(blob), mime: blob.type || "image/jpeg", width, height };
}

/**
 * Lowercase hex SHA-256 of a blob. Web Crypto where the page has it (HTTPS, localhost); a plain-HTTP page
 * (a server on the office LAN, say) has no `crypto.subtle`, so a small audited JS implementation is
 * loaded on demand rather than refusing the photo.
 */
export async function sha256Hex(blob: Blob, subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const digest = subtle ? new Uint8Array(await subtle.digest("SHA-256", bytes)) : (await jsSha256()).sha256(bytes);
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Such a page has no service worker either, so the fallback is fetched at start, while still online.
let jsSha256Module: Promise<typeof import("@noble/hashes/sha2.js")> | undefined;
const jsSha256 = () => (jsSha256Module ??= import("@noble/hashes/sha2.js"));
if (typeof window !== "undefined" && !globalThis.crypto?.subtle) void jsSha256().catch(() => (jsSha256Module = undefined));

/** The size that fits within `maxSide` on the long side, keeping the aspect ratio; never enlarges. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Browser only. Re-encoding also drops the camera's EXIF (including GPS) from what leaves the phone.
 * `imageOrientation: "from-image"` applies the EXIF rotation first, since the re-encoded file has none.
 */
export const canvasDownscale: Downscale = async (file, maxSide) => {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, maxSide);
    if (typeof OffscreenCanvas !== "undefined") {
      const canvas = new OffscreenCanvas(width, height);
      draw(canvas.getContext("2d"), bitmap, width, height);
      return { blob: await canvas.convertToBlob({ type: "image/jpeg", quality: 0.8 }), width, height };
    }
    // Older Android WebViews have no OffscreenCanvas.
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    draw(canvas.getContext("2d"), bitmap, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.8));
    if (!blob) throw new Error("Could not encode the photo");
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
};

function draw(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null, bitmap: ImageBitmap, width: number, height: number) {
  if (!ctx) throw new Error("No 2D canvas available to shrink the photo");
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(bitmap, 0, 0, width, height);
}
