import { action, computed, createModel, signal } from "@preact/signals";
import type { SessionUser } from "@contract/auth.ts";
import type { ApiError } from "@kit/api-error.ts";
import { dropDraftsOf } from "../drafts/drafts.store.ts";
import { getMe, postLogin, postLogout, postPassword } from "./auth.api.ts";
import { loadCachedUser, loadLastUsername, saveCachedUser } from "./session.store.ts";

export type LoginOutcome =
  | { ok: true }
  | { ok: false; reason: "credentials" | "network" | "invalid" | "server" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number | null }
  | { ok: false; reason: "not-officer"; role: string };

export type PasswordOutcome =
  | { ok: true }
  /** The server's refusal with its per-field problems (`currentPassword`, `newPassword`); see `fieldErrors`. */
  | { ok: false; reason: "fields"; error: ApiError }
  | { ok: false; reason: "network" | "server" | "throttled" };

/**
 * Who is using the phone. `user` starts from the cached copy so the app works offline at once; `verify()`
 * asks the server when there is signal, and a 401 sends the officer back to the login form — the outbox
 * keeps every report meanwhile, and the app resumes sending after the next login.
 */
export const SessionModel = createModel(() => {
  const cached = loadCachedUser();
  const user = signal<SessionUser | null>(cached?.role === "officer" ? cached : null);
  const lastUsername = signal(loadLastUsername());
  /** Set when the server ended the session (not when the officer logged out). */
  const expired = signal(false);
  const signedIn = computed(() => user.value !== null);
  /** Counts password changes: each gives this phone a new session id (and the server closes the old sockets). */
  const renewed = signal(0);

  const setUser = action((next: SessionUser | null) => {
    user.value = next;
    saveCachedUser(next);
    if (next) lastUsername.value = next.username;
  });

  async function login(username: string, password: string): Promise<LoginOutcome> {
    const r = await postLogin(username.trim(), password);
    if (!r.ok) {
      if (r.status === 401) return { ok: false, reason: "credentials" };
      if (r.status === 429) return { ok: false, reason: "throttled", retryAfterSeconds: r.retryAfterSeconds ?? null };
      if (r.status === 400) return { ok: false, reason: "invalid" };
      return { ok: false, reason: r.status === 0 ? "network" : "server" };
    }
    // Verifiers, admins and leaders have the dashboard; their session stays valid there.
    if (r.data.role !== "officer") return { ok: false, reason: "not-officer", role: r.data.role };
    expired.value = false;
    setUser(r.data);
    return { ok: true };
  }

  /** Re-check the session with the server; offline (no answer) keeps the cached user. */
  async function verify(): Promise<void> {
    if (!user.value) return;
    const r = await getMe();
    if (r.ok) {
      if (r.data.role === "officer") setUser(r.data);
      else setUser(null);
    } else if (r.status === 401) {
      expired.value = true;
      setUser(null);
    }
  }

  /** Replace the (temporary) password. Success clears `mustChangePassword`; a 401 means the session is gone. */
  async function changePassword(currentPassword: string, newPassword: string): Promise<PasswordOutcome> {
    const r = await postPassword(currentPassword, newPassword);
    if (r.ok) {
      setUser(r.data);
      renewed.value++;
      return { ok: true };
    }
    if (r.status === 401) {
      sessionEnded();
      return { ok: false, reason: "server" };
    }
    if (r.status === 400) return { ok: false, reason: "fields", error: r.error };
    if (r.status === 429) return { ok: false, reason: "throttled" };
    return { ok: false, reason: r.status === 0 ? "network" : "server" };
  }

  async function logout(): Promise<void> {
    await postLogout();
    const leaving = user.peek();
    expired.value = false;
    setUser(null);
    // Leaving the phone: half-written reports are not for whoever signs in next. After the sign-out, so a
    // form still open saves nothing more (drafts are written only for the signed-in officer).
    if (leaving) await dropDraftsOf(leaving.id);
  }

  /** The sync loop got a 401 while sending: same as an expired session. */
  const sessionEnded = action(() => {
    expired.value = true;
    setUser(null);
  });

  return { user, lastUsername, expired, signedIn, renewed, login, verify, changePassword, logout, sessionEnded };
});

export type Session = InstanceType<typeof SessionModel>;
