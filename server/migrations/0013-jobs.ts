import type { Migration } from "./index.ts";

/**
 * Runs of scheduled jobs (server/jobs/): one row per attempt at a period. A `running` row is a lease,
 * kept alive by `heartbeat_at`; a node that finds another's lease gone stale marks it failed and takes
 * over. The partial unique indexes are the database's own guarantee behind the advisory lock: one
 * running attempt per job, and one successful scheduled run per job and period.
 */
export const jobsTables: Migration = {
  name: "0013-jobs",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE job_runs (
        id bigserial PRIMARY KEY,
        job text NOT NULL,
        period text NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'cli')),
        requested_by uuid REFERENCES users (id),
        node text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('running', 'ok', 'failed')),
        started_at timestamptz NOT NULL,
        heartbeat_at timestamptz NOT NULL,
        finished_at timestamptz,
        rows integer,
        progress_done integer NOT NULL DEFAULT 0,
        progress_total integer,
        error text
      );
      CREATE INDEX job_runs_job_idx ON job_runs (job, id DESC);
      CREATE UNIQUE INDEX job_runs_one_running ON job_runs (job) WHERE outcome = 'running';
      CREATE UNIQUE INDEX job_runs_once_per_period ON job_runs (job, period) WHERE outcome = 'ok' AND trigger = 'schedule';
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`DROP TABLE IF EXISTS job_runs`);
  },
};
