import { fileURLToPath } from "node:url";

/** Import aliases shared by Vite builds and Vitest, mirroring tsconfig.json "paths". */
export const aliases = {
  "@contract": fileURLToPath(new URL("./server/contract", import.meta.url)),
  "@geo": fileURLToPath(new URL("./geo/src", import.meta.url)),
  /** The client kit both front ends share (HTTP client, errors, i18n, WITA time): web-kit/README.md. */
  "@kit": fileURLToPath(new URL("./web-kit/src", import.meta.url)),
};
