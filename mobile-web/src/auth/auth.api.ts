import type { SessionUser } from "@contract/auth.ts";
import { apiRequest, type ApiResult } from "../api/http.ts";

/**
 * The server answers `{ user }` (server/auth/auth.routes.ts); `{ data }` is read too so the app keeps
 * working if the auth routes move to the `{ data }` envelope the reports API uses.
 */
function readUser(body: unknown): SessionUser | null {
  const b = body as { user?: unknown; data?: unknown } | null;
  const u = (b?.user ?? b?.data) as Partial<SessionUser> | undefined;
  return u && typeof u.id === "string" && typeof u.role === "string" && typeof u.username === "string" ? (u as SessionUser) : null;
}

function withUser(r: ApiResult<unknown>): ApiResult<SessionUser> {
  if (!r.ok) return r;
  const user = readUser(r.data);
  return user ? { ...r, data: user } : { ok: false, status: r.status, error: { code: "network", message: "unexpected answer" } };
}

export async function postLogin(username: string, password: string): Promise<ApiResult<SessionUser>> {
  return withUser(await apiRequest("/api/auth/login", { method: "POST", body: { username, password } }));
}

export async function getMe(): Promise<ApiResult<SessionUser>> {
  return withUser(await apiRequest("/api/auth/me", { timeoutMs: 10_000 }));
}

/** `POST /api/auth/password` answers `{ user }` on a fresh session; the server ends every other one. */
export async function postPassword(currentPassword: string, newPassword: string): Promise<ApiResult<SessionUser>> {
  return withUser(await apiRequest("/api/auth/password", { method: "POST", body: { currentPassword, newPassword } }));
}

export async function postLogout(): Promise<void> {
  await apiRequest("/api/auth/logout", { method: "POST" });
}
