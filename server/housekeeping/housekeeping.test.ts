import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { describe, expect, it } from "vitest";
import { createAccount } from "../test/accounts.ts";
import { useTestApp } from "../test/test-app.ts";

/**
 * The nightly housekeeping job against rows of this file's own (the database is shared with other suites,
 * so every check reads only what it wrote): what is old goes, what is recent, unread or still pending stays.
 */

const t = useTestApp({ NOTIFICATIONS_KEEP_READ_DAYS: "90", NOTIFICATIONS_KEEP_DAYS: "365" });
const DAY = 86_400_000;

const sql = <R extends object>(query: string, replacements: Record<string, unknown> = {}) =>
  t.db.sequelize.query<R>(query, { replacements, type: QueryTypes.SELECT });
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

async function notification(userId: string, title: string, createdDaysAgo: number, read: boolean) {
  const createdAt = daysAgo(createdDaysAgo);
  await sql(
    `INSERT INTO notifications (user_id, kind, title, body, link, created_at, read_at)
     VALUES (:userId, 'report_published', :title, 'isi', '/', :createdAt, :readAt) RETURNING id`,
    { userId, title, createdAt, readAt: read ? createdAt : null },
  );
}

async function push(subscriptionId: string, label: string, status: "pending" | "sent" | "failed", createdDaysAgo: number) {
  const createdAt = daysAgo(createdDaysAgo);
  await sql(
    `INSERT INTO push_queue (subscription_id, payload, status, attempts, next_attempt_at, created_at, sent_at)
     VALUES (:subscriptionId, CAST(:payload AS jsonb), :status, 1, :createdAt, :createdAt, :sentAt) RETURNING id`,
    { subscriptionId, payload: JSON.stringify({ label }), status, createdAt, sentAt: status === "sent" ? createdAt : null },
  );
}

describe("the housekeeping job", () => {
  it("deletes old notifications, finished old pushes and stale throttle keys, and keeps the rest", async () => {
    const guest = await createAccount(t, "guest");
    await notification(guest.id, "unread, 400 days", 400, false);
    await notification(guest.id, "read, 100 days", 100, true);
    await notification(guest.id, "unread, 100 days", 100, false);
    await notification(guest.id, "read, 10 days", 10, true);

    const [sub] = await sql<{ id: string }>(
      `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at) VALUES (:userId, :endpoint, 'k', 'a', now()) RETURNING id`,
      { userId: guest.id, endpoint: `https://push.invalid/${randomUUID()}` },
    );
    await push(sub!.id, "sent, 20 days", "sent", 20);
    await push(sub!.id, "failed, 20 days", "failed", 20);
    await push(sub!.id, "pending, 20 days", "pending", 20);
    await push(sub!.id, "sent, 1 day", "sent", 1);

    const tag = `housekeeping-test:${randomUUID()}`;
    await sql(
      `INSERT INTO login_throttle (key, failures, window_started_at, blocked_until) VALUES
         (:stale, 3, :old, NULL), (:blocked, 0, :old, :later), (:running, 2, now(), NULL) RETURNING key`,
      { stale: `${tag}:stale`, blocked: `${tag}:blocked`, running: `${tag}:running`, old: daysAgo(3), later: new Date(Date.now() + DAY) },
    );

    const { done } = await t.services.jobs.runNow("housekeeping", undefined, "manual", null);
    const run = await done;
    expect(run.outcome).toBe("ok");
    // At least the five rows of this file it should delete; other suites' may add to it.
    expect(run.rows).toBeGreaterThanOrEqual(5);

    const titles = await sql<{ title: string }>(`SELECT title FROM notifications WHERE user_id = :id ORDER BY title`, { id: guest.id });
    expect(titles.map((r) => r.title)).toEqual(["read, 10 days", "unread, 100 days"]);
    const pushes = await sql<{ label: string }>(`SELECT payload ->> 'label' AS label FROM push_queue WHERE subscription_id = :id ORDER BY label`, { id: sub!.id });
    expect(pushes.map((r) => r.label)).toEqual(["pending, 20 days", "sent, 1 day"]);
    const keys = await sql<{ key: string }>(`SELECT key FROM login_throttle WHERE key LIKE :like ORDER BY key`, { like: `${tag}:%` });
    expect(keys.map((r) => r.key)).toEqual([`${tag}:blocked`, `${tag}:running`]);
  });

  it("reads its retention from the configuration, refusing nonsense", async () => {
    const { parseConfig } = await import("../config.ts");
    expect(parseConfig({ NOTIFICATIONS_KEEP_READ_DAYS: "30" }).NOTIFICATIONS_KEEP_READ_DAYS).toBe(30);
    expect(() => parseConfig({ NOTIFICATIONS_KEEP_DAYS: "0" })).toThrow(/NOTIFICATIONS_KEEP_DAYS/);
  });
});
