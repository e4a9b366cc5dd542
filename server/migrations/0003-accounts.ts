import type { Migration } from "./index.ts";

/** Users, server-side sessions (connect-pg-simple's schema), the audit log and login throttling. */
export const accountsTables: Migration = {
  name: "0003-accounts",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username = lower(username)),
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('officer', 'verifier', 'admin', 'leader', 'guest')),
        kecamatan_kode text REFERENCES regions (kode),
        position text,
        nip text,
        phone text,
        verifier_regions text[] NOT NULL DEFAULT '{}',
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        password_changed_at timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT officer_has_kecamatan CHECK (role <> 'officer' OR kecamatan_kode IS NOT NULL)
      );
      CREATE INDEX users_role_idx ON users (role, kecamatan_kode);

      CREATE TABLE sessions (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      );
      CREATE INDEX sessions_expire_idx ON sessions (expire);
      CREATE INDEX sessions_user_idx ON sessions ((sess ->> 'userId'));

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        actor_id uuid,
        actor_username text,
        target_type text,
        target_id text,
        ip text,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_action_idx ON audit_log (action, id);

      -- Append-only: the application may insert and read, never rewrite history.
      CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();

      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        window_started_at timestamptz NOT NULL DEFAULT now(),
        blocked_until timestamptz
      );
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`
      DROP TABLE IF EXISTS login_throttle;
      DROP TABLE IF EXISTS audit_log;
      DROP FUNCTION IF EXISTS audit_log_immutable();
      DROP TABLE IF EXISTS sessions;
      DROP TABLE IF EXISTS users;
    `);
  },
};
