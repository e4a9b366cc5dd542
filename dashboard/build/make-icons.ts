/**
 * Writes the dashboard's raster icons from public/favicon.svg (all committed; run again only when the
 * emblem changes):   node --import tsx dashboard/build/make-icons.ts
 * - favicon.ico: 16, 32 and 48 px PNGs in an ICO container (what browsers and crawlers ask for at
 *   /favicon.ico when a page names no icon);
 * - icon-192.png and apple-touch-icon.png (180 px) for bookmarks and home screens.
 * The emblem is the officer app's shield (mobile-web/build/make-icons.ts) on a rounded tile.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const PUBLIC = fileURLToPath(new URL("../public/", import.meta.url));
const svg = readFileSync(`${PUBLIC}favicon.svg`);

const png = (size: number) => sharp(svg, { density: Math.ceil((72 * size) / 100) }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

/** An ICO file whose images are PNGs (supported by every browser since Windows Vista's format change). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const sizes = [16, 32, 48];
writeFileSync(`${PUBLIC}favicon.ico`, ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(size) })))));
writeFileSync(`${PUBLIC}icon-192.png`, await png(192));
writeFileSync(`${PUBLIC}apple-touch-icon.png`, await png(180));
process.stdout.write(`icons written to ${PUBLIC}\n`);
