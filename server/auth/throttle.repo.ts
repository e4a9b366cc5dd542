import { QueryTypes, type Sequelize } from "sequelize";

export interface ThrottleState {
  failures: number;
  blocked_until: Date | null;
}

/** Current state of a throttle key, with an expired window counted as clean. */
export async function getThrottle(db: Sequelize, key: string): Promise<ThrottleState | undefined> {
  const rows = await db.query<ThrottleState>(
    "SELECT failures, blocked_until FROM login_throttle WHERE key = :key",
    { replacements: { key }, type: QueryTypes.SELECT },
  );
  return rows[0];
}

/**
 * Count one failure in a window of `windowSeconds`; once `limit` is reached the key is blocked for
 * `blockSeconds`. One statement, so concurrent failures cannot both slip under the limit.
 */
export async function recordThrottleFailure(
  db: Sequelize,
  key: string,
  limit: number,
  windowSeconds: number,
  blockSeconds: number,
): Promise<ThrottleState> {
  const rows = await db.query<ThrottleState>(
    `INSERT INTO login_throttle AS t (key, failures, window_started_at)
     VALUES (:key, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.window_started_at < now() - make_interval(secs => :windowSeconds)
                       THEN 1 ELSE t.failures + 1 END,
       window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => :windowSeconds)
                                THEN now() ELSE t.window_started_at END
     RETURNING failures, blocked_until`,
    { replacements: { key, windowSeconds }, type: QueryTypes.SELECT },
  );
  const state = rows[0]!;
  if (state.failures >= limit) {
    const blocked = await db.query<ThrottleState>(
      `UPDATE login_throttle SET blocked_until = now() + make_interval(secs => :blockSeconds), failures = 0,
              window_started_at = now()
       WHERE key = :key RETURNING failures, blocked_until`,
      { replacements: { key, blockSeconds }, type: QueryTypes.SELECT },
    );
    return blocked[0]!;
  }
  return state;
}

export async function clearThrottle(db: Sequelize, key: string): Promise<void> {
  await db.query("DELETE FROM login_throttle WHERE key = :key", { replacements: { key } });
}

/** Forget keys whose window ended before `before` and that are not blocked now (one row per address ever seen, otherwise). */
export async function pruneThrottle(db: Sequelize, before: Date, now: Date): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM login_throttle
        WHERE window_started_at < :before AND (blocked_until IS NULL OR blocked_until < :now)
       RETURNING 1
     ) SELECT count(*)::int AS n FROM gone`,
    { replacements: { before, now }, type: QueryTypes.SELECT },
  );
  return row!.n;
}
