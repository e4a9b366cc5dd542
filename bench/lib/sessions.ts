import type { BenchAccount } from "./server.ts";

/** Log in over HTTP as a phone or a dashboard does; returns the session cookie (`name=value`). */
export async function loginCookie(baseUrl: string, account: Pick<BenchAccount, "username" | "password">): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (res.status !== 200) throw new Error(`login of ${account.username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error(`login of ${account.username}: no session cookie`);
  return cookie.split(";")[0]!;
}

/** Log every account in, a few at a time (each login verifies an argon2 hash on the server). */
export async function loginAll(baseUrl: string, accounts: BenchAccount[], concurrency = 4): Promise<string[]> {
  const cookies: string[] = new Array(accounts.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < accounts.length) {
        const i = next++;
        cookies[i] = await loginCookie(baseUrl, accounts[i]!);
      }
    }),
  );
  return cookies;
}
