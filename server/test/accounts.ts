import { request } from "node:http";
import { beforeAll } from "vitest";
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

/** Where an officer works (default 63.11.06, Paringin) or a verifier may act (default everywhere). */
export interface AccountPlace {
  kecamatanKode?: string;
  verifierRegions?: string[];
}

/** Create a user through the users service (as an admin would) with a unique name. */
export async function createAccount(t: TestApp, role: Role, extra: AccountPlace = {}): Promise<TestAccount> {
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

/** A test account with its session. */
export interface SignedInAccount extends TestAccount {
  /** The session cookie (`name=value`). */
  cookie: string;
}

/**
 * An account for the whole file, made and signed in before its first test. Call it after `useTestApp`,
 * whose app must be up first; like that app, the object is filled in by then, so read it inside tests
 * and hooks only.
 */
export function useAccount(t: TestApp, role: Role, extra: AccountPlace = {}): SignedInAccount {
  const account = {} as SignedInAccount;
  beforeAll(async () => {
    const made = await createAccount(t, role, extra);
    Object.assign(account, made, { cookie: await login(t, made) });
  });
  return account;
}

/** A username no account has, unique like createAccount's: throttle rows by username outlive a run on a kept database. */
export function unknownUsername(tag: string): string {
  return `${tag}${Date.now().toString(36)}${(counter++).toString(36)}`;
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

let addressCounter = 0;
const addressBase = `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}`;

/**
 * A loopback address of this run's own (all of 127.0.0.0/8 reaches the test server), for `api`'s `from`.
 * Login throttling keys on the peer address: a test that fails logins from 127.0.0.1 would spend the
 * daily budget every other test (and the next run on a kept database) logs in with.
 */
export function loopbackAddress(): string {
  addressCounter++;
  return `${addressBase}.${1 + (addressCounter % 254)}`;
}

/**
 * fetch against the test app with an optional session cookie and JSON body; `from` sends it from that
 * local address (see loopbackAddress) instead of 127.0.0.1.
 */
export async function api(
  t: TestApp,
  method: string,
  path: string,
  opts: { cookie?: string; body?: unknown; headers?: Record<string, string>; from?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const init = {
    method,
    headers: {
      ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  };
  const res = opts.from ? await fetchFrom(opts.from, t.baseUrl + path, init) : await fetch(t.baseUrl + path, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

/** A minimal fetch bound to a local address (global fetch cannot choose one without an undici Agent). */
function fetchFrom(
  localAddress: string,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method, headers: init.headers, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers))
          for (const v of [value ?? []].flat()) headers.append(name, v);
        const status = res.statusCode!;
        const body = [204, 205, 304].includes(status) ? null : Buffer.concat(chunks).toString("utf8");
        resolve(new Response(body, { status, headers }));
      });
    });
    req.on("error", reject);
    req.end(init.body);
  });
}
