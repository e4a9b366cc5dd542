import { existsSync } from "node:fs";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats that shrink; images, fonts in woff2 and the like are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml|geojson|map|wasm|ico)$/i;
/**
 * Below this the saving is a few dozen bytes. Lower than the API's 1 KB (server/core/compress-answers.ts)
 * because here compressing costs nothing per request: small chunks and index.html go out compressed too.
 */
export const MIN_PRECOMPRESS_BYTES = 256;
/** A variant must save at least this share of the original, or the original is sent as it is. */
const MIN_SAVING = 0.05;

export type PrecompressCoding = "br" | "gzip";
/** File suffix of each variant, as the server looks for them (server/core/static-file.ts). */
export const VARIANT_SUFFIX: Record<PrecompressCoding, string> = { br: ".br", gzip: ".gz" };

export interface PrecompressedFile {
  /** Relative to the directory, with `/` separators. */
  file: string;
  bytes: number;
  br?: number;
  gzip?: number;
}

/**
 * Write `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip 9) beside every compressible file of `dir`
 * that is big enough and shrinks; a stale variant of a file that no longer earns one is removed. Returns
 * what it did, one entry per compressible file.
 */
export async function precompressDir(dir: string): Promise<PrecompressedFile[]> {
  const files = (await listFiles(dir)).filter((f) => COMPRESSIBLE.test(f));
  return Promise.all(files.map((f) => precompressFile(dir, f)));
}

async function precompressFile(dir: string, file: string): Promise<PrecompressedFile> {
  const full = path.join(dir, file);
  const original = await readFile(full);
  const entry: PrecompressedFile = { file, bytes: original.length };
  const big = original.length >= MIN_PRECOMPRESS_BYTES;
  const encoders: Record<PrecompressCoding, () => Promise<Buffer>> = {
    br: () =>
      brotli(original, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
        },
      }),
    gzip: () => gz(original, { level: 9 }),
  };
  for (const coding of ["br", "gzip"] as const) {
    const target = full + VARIANT_SUFFIX[coding];
    const encoded = big ? await encoders[coding]() : undefined;
    if (encoded && encoded.length <= original.length * (1 - MIN_SAVING)) {
      await writeFile(target, encoded);
      entry[coding] = encoded.length;
    } else {
      // A build into a directory that is not emptied may hold a variant of an older version of this file.
      await rm(target, { force: true });
    }
  }
  return entry;
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const names = await readdir(dir);
  const nested = await Promise.all(
    names.map(async (name) => {
      const rel = `${prefix}${name}`;
      return (await stat(path.join(dir, name))).isDirectory() ? listFiles(path.join(dir, name), `${rel}/`) : [rel];
    }),
  );
  return nested.flat();
}

/**
 * Vite plugin: once the build has written everything (the service worker's precache list included, which
 * is filled in at writeBundle), precompress the output directory so the server can send each file's
 * brotli or gzip variant by the request's Accept-Encoding without compressing anything per request.
 */
export function precompress(): Plugin {
  let outDir = "";
  let log: (msg: string) => void = () => undefined;
  return {
    name: "sikanda-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      log = (msg) => config.logger.info(msg);
    },
    async closeBundle() {
      // Also called after a failed build, which may have written nothing: leave its error to speak.
      if (!existsSync(outDir)) return;
      const done = await precompressDir(outDir);
      const sum = (pick: (f: PrecompressedFile) => number | undefined) => done.reduce((n, f) => n + (pick(f) ?? f.bytes), 0);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      log(`precompressed ${done.filter((f) => f.br ?? f.gzip).length} files: ${kb(sum((f) => f.bytes))} → br ${kb(sum((f) => f.br))}, gzip ${kb(sum((f) => f.gzip))}`);
    },
  };
}
