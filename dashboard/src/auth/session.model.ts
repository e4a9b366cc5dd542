import { computed, createModel, signal } from "@preact/signals";
import type { LoginInput, SessionUser } from "@contract/auth.ts";
import { isApiError } from "../api/api-error.ts";
import type { Http } from "../api/http.ts";

type UserAnswer = { user: SessionUser };

/** Who is signed in. The server owns the session (an httpOnly cookie); this mirrors `GET /api/auth/me`. */
export const SessionModel = createModel((http: Http) => {
  const user = signal<SessionUser | null>(null);
  /** False until the first session probe answered, so views do not flash the login page. */
  const ready = signal(false);
  const probeError = signal<unknown>(null);
  const role = computed(() => user.value?.role ?? "anonymous");

  async function refresh() {
    try {
      user.value = (await http.get<UserAnswer>("/api/auth/me", { expectUnauthorized: true })).user;
    } catch (err) {
      // 401 is simply anonymous. Other failures (server down) also leave us anonymous, and say so.
      probeError.value = isApiError(err) && err.status === 401 ? null : err;
      user.value = null;
    } finally {
      ready.value = true;
    }
  }

  async function login(input: LoginInput): Promise<SessionUser> {
    const answer = await http.post<UserAnswer>("/api/auth/login", input, { expectUnauthorized: true });
    user.value = answer.user;
    return answer.user;
  }

  async function logout() {
    try {
      await http.post("/api/auth/logout", undefined, { expectUnauthorized: true });
    } finally {
      user.value = null;
    }
  }

  async function updateProfile(input: { displayName?: string; phone?: string | null }) {
    user.value = (await http.patch<UserAnswer>("/api/auth/me", input)).user;
  }

  async function changePassword(input: { currentPassword: string; newPassword: string }) {
    user.value = (await http.post<UserAnswer>("/api/auth/password", input)).user;
  }

  /** The server no longer knows this session (expired, reset, disabled). */
  function clear() {
    user.value = null;
  }

  return { user, ready, role, probeError, refresh, login, logout, updateProfile, changePassword, clear };
});
