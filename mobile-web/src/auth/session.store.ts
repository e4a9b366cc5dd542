import type { SessionUser } from "@contract/auth.ts";
import { isObject, readJson, writeJson } from "../storage/local.ts";

/**
 * The signed-in officer, kept on the phone so the app opens to its home screen without signal. It holds
 * no secret: the session itself is the server's httpOnly cookie, and the server decides on every request.
 */
const USER_KEY = "sikanda.user";
const LAST_USERNAME_KEY = "sikanda.lastUsername";

const isSessionUser = (v: unknown): v is SessionUser =>
  isObject(v) && typeof v.id === "string" && typeof v.username === "string" && typeof v.role === "string";

export const loadCachedUser = (): SessionUser | null => readJson(USER_KEY, isSessionUser);

export function saveCachedUser(user: SessionUser | null): void {
  writeJson(USER_KEY, user);
  if (user) writeJson(LAST_USERNAME_KEY, user.username);
}

/** Pre-fills the login form after the session expired. */
export const loadLastUsername = (): string => readJson(LAST_USERNAME_KEY, (v): v is string => typeof v === "string") ?? "";
