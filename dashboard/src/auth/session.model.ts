import { computed, createModel, signal } from "@preact/signals";
import type { LoginInput, SessionUser } from "@contract/auth.ts";
import type { Http } from "@kit/http.ts";

/**
 * Who is signed in. The server owns the session (an httpOnly cookie, unreadable here); this mirrors
 * `GET /api/auth/session`, which answers null for an anonymous visitor instead of a 401 to log.
 */
export const SessionModel = createModel((http: Http) => {
  const user = signal<SessionUser | null>(null);
  /** False until the first session probe answered, so views do not flash the login page. */
  const ready = signal(false);
  const probeError = signal<unknown>(null);
  const role = computed(() => user.value?.role ?? "anonymous");

  async function refresh() {
    try {
      user.value = (await http.call("GET /api/auth/session", {})).data;
      probeError.value = null;
    } catch (err) {
      // A failure (server down, no network) leaves us anonymous, and says so.
      probeError.value = err;
      user.value = null;
    } finally {
      ready.value = true;
    }
  }

  async function login(input: LoginInput): Promise<SessionUser> {
    const { data } = await http.call("POST /api/auth/login", { body: input }, { expectUnauthorized: true });
    user.value = data;
    return data;
  }

  /** A guest's own registration: signed in at once (no e-mail round trip). */
  async function register(input: { contact: string; displayName: string; password: string; consent: true }): Promise<SessionUser> {
    const { data } = await http.call("POST /api/auth/register", { body: input });
    user.value = data;
    return data;
  }

  /** A guest closes their account; the session ends with it. */
  async function deleteOwnAccount(password: string): Promise<void> {
    await http.call("DELETE /api/auth/me", { body: { password } });
    user.value = null;
  }

  async function logout() {
    try {
      await http.call("POST /api/auth/logout", {}, { expectUnauthorized: true });
    } finally {
      user.value = null;
    }
  }

  async function updateProfile(input: { displayName?: string; phone?: string | null }) {
    user.value = (await http.call("PATCH /api/auth/me", { body: input })).data;
  }

  async function changePassword(input: { currentPassword: string; newPassword: string }) {
    user.value = (await http.call("POST /api/auth/password", { body: input })).data;
  }

  /** The server no longer knows this session (expired, reset, disabled). */
  function clear() {
    user.value = null;
  }

  return { user, ready, role, probeError, refresh, login, register, deleteOwnAccount, logout, updateProfile, changePassword, clear };
});
