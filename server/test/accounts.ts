import type { Role } from "@contract/auth.ts";
import type { TestApp } from "./test-app.ts";

let counter = 0;
const PASSWORD = "Test-Password-123";

export interface TestAccount {
  id: string;
  username: string;
  password: string;
  role: Role;
}

/** Create a user through the users service (as an admin would) with a unique name. */
export async function createAccount(
  t: TestApp,
  role: Role,
  extra: { kecamatanKode?: string; verifierRegions?: string[] } = {},
): Promise<TestAccount> {
  const username = `t${Date.now().toString(36)}${(counter++).toString(36)}.${role}`;
  const { user } = await t.services.users.create(null, {
    username,
    displayName: `Test ${role}`,
    role,
    kecamatanKode: role === "officer" ? (extra.kecamatanKode ?? "63.11.06") : null,
    position: null,
    nip: null,
    phone: null,
    verifierRegions: role === "verifier" ? (extra.verifierRegions ?? []) : [],
    password: PASSWORD,
  });
  return { id: user.id, username, password: PASSWORD, role };
}

/** Log in over HTTP; returns the session cookie (`name=value`). */
export async function login(t: TestApp, account: { username: string; password: string }): Promise<string> {
  const res = await fetch(`${t.baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0]!;
}

/** fetch against the test app with an optional session cookie and JSON body. */
export async function api(
  t: TestApp,
  method: string,
  path: string,
  opts: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(t.baseUrl + path, {
    method,
    headers: {
      ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}
