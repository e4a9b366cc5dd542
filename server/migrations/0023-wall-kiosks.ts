import type { Migration } from "./index.ts";

/**
 * The command-center wall (issue #16): kiosk tokens and the wall's settings.
 *
 * - `kiosk_tokens` (written only by server/kiosk/): a screen's read-only credential. Only the sha256 of the
 *   secret is kept (the secret is 32 random bytes, so a plain hash is enough: nothing to brute-force, and a
 *   lookup by hash needs no per-row salt); `prefix` is the secret's first characters, to tell screens apart
 *   in the admin's list. A revoked token keeps its row, for the audit trail.
 * - `wall_settings` (written only by server/wall/): one row, seconds per rotating panel and whether new
 *   alerts sound.
 */
export const wallKiosks: Migration = {
  name: "0023-wall-kiosks",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE kiosk_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        label text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NOT NULL REFERENCES users (id),
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users (id)
      );
      CREATE INDEX kiosk_tokens_created_idx ON kiosk_tokens (created_at DESC);

      CREATE TABLE wall_settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        rotate_seconds integer NOT NULL CHECK (rotate_seconds BETWEEN 5 AND 600),
        sound boolean NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users (id)
      );
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`DROP TABLE IF EXISTS wall_settings, kiosk_tokens;`);
  },
};
