import { mkdirSync } from "node:fs";
import path from "node:path";

/** Screenshots and traces go here (git-ignored). */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, "../artifacts");

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

export const DEMO_PASSWORD = "Demo-Sikanda-2026";
