/**
 * localStorage that never throws: private mode, a full disk or a disabled store must not stop the app;
 * what is kept here (the signed-in user, the language, the last GPS fix) can always be rebuilt.
 */
export function readJson<T>(key: string, check: (v: unknown) => v is T): T | null {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    return check(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the value lives on in memory for this session.
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
