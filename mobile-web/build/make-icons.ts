/**
 * Writes the PWA icons into public/icons/ (committed; run again only when the design changes):
 *   node --import tsx mobile-web/build/make-icons.ts
 * Drawn as SVG without text (no fonts needed) and kept inside the central 80 % so the same image works as
 * a maskable icon that Android crops into a circle or squircle.
 */
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const OUT = fileURLToPath(new URL("../public/icons/", import.meta.url));

const svg = (size: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect width="100" height="100" fill="#0d3b66"/>
  <path d="M50 18 L76 28 V50 C76 66 64 77 50 83 C36 77 24 66 24 50 V28 Z" fill="#ffffff"/>
  <path d="M50 26 L69 33.5 V50 C69 62 60 70.5 50 75.5 Z" fill="#dbe7f3"/>
  <circle cx="50" cy="50" r="9" fill="#e63946"/>
  <circle cx="50" cy="50" r="15" fill="none" stroke="#e63946" stroke-width="3" opacity="0.55"/>
</svg>`;

for (const size of [192, 512]) {
  await sharp(Buffer.from(svg(size))).png({ compressionLevel: 9 }).toFile(`${OUT}icon-${size}.png`);
}
await sharp(Buffer.from(svg(180))).png({ compressionLevel: 9 }).toFile(`${OUT}apple-touch-icon.png`);
process.stdout.write(`icons written to ${OUT}\n`);
