import type { SessionUser } from "@contract/auth.ts";
import { apiCall, type ApiResult } from "../api/http.ts";

/** The signed-in user out of a `{ data: SessionUser }` answer. */
function user(r: ApiResult<{ data: SessionUser }>): ApiResult<SessionUser> {
  return r.ok ? { ...r, data: r.data.data } : r;
}

export async function postLogin(username: string, password: string): Promise<ApiResult<SessionUser>> {
  return user(await apiCall("POST /api/auth/login", { body: { username, password } }));
}

export async function getMe(): Promise<ApiResult<SessionUser>> {
  return user(await apiCall("GET /api/auth/me", {}, { timeoutMs: 10_000 }));
}

/** `POST /api/auth/password` answers the user on a fresh session; the server ends every other one. */
export async function postPassword(currentPassword: string, newPassword: string): Promise<ApiResult<SessionUser>> {
  return user(await apiCall("POST /api/auth/password", { body: { currentPassword, newPassword } }));
}

export async function postLogout(): Promise<void> {
  await apiCall("POST /api/auth/logout", {});
}
