import { afterEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@contract/auth.ts";
import { fieldErrors, setLang } from "../i18n/i18n.ts";
import { SessionModel } from "./session.model.ts";

const officer = (mustChangePassword: boolean): SessionUser => ({
  id: "11111111-1111-4111-8111-111111111111",
  username: "petugas.baru",
  displayName: "Petugas Baru",
  role: "officer",
  kecamatanKode: "63.11.01",
  position: null,
  nip: null,
  phone: null,
  verifierRegions: [],
  mustChangePassword,
});

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

async function signedInWithTemporaryPassword() {
  answer(200, { data: officer(true) });
  const session = new SessionModel();
  expect(await session.login("petugas.baru", "sementara-123")).toEqual({ ok: true });
  expect(session.user.value?.mustChangePassword).toBe(true);
  return session;
}

describe("forced password change", () => {
  it("posts both passwords and takes the server's user, which no longer must change it", async () => {
    const session = await signedInWithTemporaryPassword();
    const fetch = answer(200, { data: officer(false) });
    expect(await session.changePassword("sementara-123", "kopi pagi di juai")).toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith("/api/auth/password", expect.objectContaining({ method: "POST", body: JSON.stringify({ currentPassword: "sementara-123", newPassword: "kopi pagi di juai" }) }));
    expect(session.user.value?.mustChangePassword).toBe(false);
    expect(session.renewed.value).toBe(1);
  });

  it("returns the server's field errors and keeps the officer on the form", async () => {
    const session = await signedInWithTemporaryPassword();
    answer(400, { error: { code: "invalid_input", message: "Current password is wrong", fields: { currentPassword: "wrong password" } } });
    expect(await session.changePassword("salah", "kopi pagi di juai")).toMatchObject({ ok: false, reason: "fields", error: { fields: { currentPassword: "wrong password" } } });
    expect(session.user.value?.mustChangePassword).toBe(true);
    expect(session.renewed.value).toBe(0);
  });

  it("tells a lost connection from a lost session", async () => {
    const session = await signedInWithTemporaryPassword();
    vi.stubGlobal("fetch", async () => Promise.reject(new TypeError("Failed to fetch")));
    expect(await session.changePassword("a", "b")).toEqual({ ok: false, reason: "network" });
    expect(session.user.value).not.toBeNull();
    answer(401, { error: { code: "unauthenticated", message: "Login required" } });
    await session.changePassword("a", "b");
    expect(session.user.value).toBeNull();
    expect(session.expired.value).toBe(true);
  });

  it("shows the server's field problems in Indonesian, never an unknown server message", () => {
    const refused = (fields: Record<string, string>) => ({ code: "invalid_input", message: "Input is not valid", fields });
    expect(fieldErrors(refused({ currentPassword: "wrong password", newPassword: "at least 10 characters", other: "something new" }))).toEqual({
      currentPassword: "Kata sandi saat ini salah.",
      newPassword: "Minimal 10 karakter.",
      other: "Isian tidak valid.",
    });
    expect(fieldErrors(refused({ newPassword: "must differ from the current one" })).newPassword).toBe("Harus berbeda dari kata sandi saat ini.");
  });

  it("shows them in English when chosen", async () => {
    await setLang("en");
    const refused = { code: "invalid_input", message: "Input is not valid", fields: { newPassword: "Too small" }, fieldIssues: { newPassword: { code: "too_short" as const, limit: 10 } } };
    expect(fieldErrors(refused)).toEqual({ newPassword: "At least 10 characters." });
    await setLang("id");
  });
});
