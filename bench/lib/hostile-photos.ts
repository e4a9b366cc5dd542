import sharp from "sharp";
import { seededRandom } from "./random.ts";

/** One upload of the hostile set and the status the server should answer it with. */
export interface HostilePhoto {
  name: string;
  bytes: Buffer;
  /** 413: refused from its header; 201: a real (if heavy) photo, decoded and kept. */
  expect: 201 | 413;
}

/** One colour: compresses to almost nothing however many pixels it has, the shape of a decompression bomb. */
const plain = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 40, g: 120, b: 60, alpha: 1 } }, limitInputPixels: false });

/** Seeded noise with `levels` values per sample: 256 is incompressible, 2 squeezes to about 1 bit. */
function noise(width: number, height: number, levels: number, seed: number) {
  const random = seededRandom(seed);
  const step = 256 / levels;
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * levels) * step;
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/**
 * Something like a camera photo at 50 MP: seeded noise at 1/16 the size, enlarged (smooth, with detail),
 * so the JPEG weighs what a phone's does (~7 MB) rather than a flat colour's few hundred KB.
 */
async function photoLike(progressive: boolean) {
  const small = await noise(510, 383, 256, 0x50f0).png().toBuffer();
  return sharp(small).resize(8160, 6120).jpeg({ quality: 80, progressive }).toBuffer();
}

/**
 * Uploads under the 10 MB body limit that are expensive to decode: bombs well past the pixel limit (PNG,
 * interlaced PNG, WebP at libvips' own default limit, 16-bit RGBA), an interlaced 16-bit PNG just under
 * the pixel limit (decoded whole: 400 MB), and heavy photos that must still be accepted (50 MP JPEGs, plain
 * and progressive; a 50 MP interlaced PNG; incompressible and noisy PNGs).
 */
export async function hostilePhotos(): Promise<HostilePhoto[]> {
  const set: [string, 201 | 413, () => Promise<Buffer>][] = [
    ["png 16000×16000 (256 MP, one colour)", 413, () => plain(16_000, 16_000).png({ compressionLevel: 9 }).toBuffer()],
    ["interlaced png 12000×12000 (144 MP)", 413, () => plain(12_000, 12_000).png({ progressive: true, compressionLevel: 9 }).toBuffer()],
    ["webp 16383×16383 (268 MP, lossless)", 413, () => plain(16_383, 16_383).webp({ lossless: true }).toBuffer()],
    ["png 8000×8000 16-bit RGBA (64 MP)", 413, () => plain(8000, 8000, 4).toColourspace("rgb16").png({ compressionLevel: 9 }).toBuffer()],
    ["interlaced png 8160×6120 16-bit RGBA (50 MP, 400 MB whole)", 413, () => plain(8160, 6120, 4).toColourspace("rgb16").png({ progressive: true }).toBuffer()],
    ["interlaced png 8160×6120 RGB (50 MP, 150 MB whole)", 201, () => plain(8160, 6120).png({ progressive: true }).toBuffer()],
    ["jpeg 8160×6120 (50 MP photo-like)", 201, () => photoLike(false)],
    ["progressive jpeg 8160×6120 (50 MP photo-like)", 201, () => photoLike(true)],
    ["png 1800×1800 incompressible noise", 201, () => noise(1800, 1800, 256, 0x1800).png().toBuffer()],
    ["png 4000×3000 two-level noise (12 MP)", 201, () => noise(4000, 3000, 2, 0x4000).png({ compressionLevel: 9 }).toBuffer()],
  ];
  const out: HostilePhoto[] = [];
  // One at a time: generating the bombs takes a few hundred MB each in this (the load generator's) process.
  for (const [name, expect, bytes] of set) out.push({ name, expect, bytes: await bytes() });
  return out;
}
