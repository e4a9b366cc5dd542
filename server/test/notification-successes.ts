import { randomUUID } from "node:crypto";
import type { TestApp } from "./test-app.ts";
import { api, createAccount, login } from "./accounts.ts";
import { browserKeys } from "./push-service.ts";

type Answer = { status: number; body: unknown };

/** One success each for the notification routes the access matrix only sees refused. */
export const NOTIFICATION_SUCCESSES: Record<string, (t: TestApp) => Promise<Answer>> = {
  // Stored only: nothing is sent to an endpoint until a publication matches its user's subscription.
  "POST /api/push/subscriptions": async (t) => {
    const cookie = await login(t, await createAccount(t, "guest"));
    return api(t, "POST", "/api/push/subscriptions", {
      cookie,
      body: { endpoint: `https://push.example.com/sikanda/${randomUUID()}`, expirationTime: null, keys: browserKeys().json },
    });
  },
  "PATCH /api/push/subscriptions": async (t) => {
    const cookie = await login(t, await createAccount(t, "guest"));
    const endpoint = `https://push.example.com/sikanda/${randomUUID()}`;
    await api(t, "POST", "/api/push/subscriptions", { cookie, body: { endpoint, keys: browserKeys().json } });
    return api(t, "PATCH", "/api/push/subscriptions", { cookie, body: { endpoint, lang: "en" } });
  },
};
