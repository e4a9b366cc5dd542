import { createHash, randomBytes } from "node:crypto";
import type { Sequelize } from "sequelize";
import type { KioskTokenView } from "@contract/wall.ts";
import type { AuditService } from "../audit/audit.service.ts";
import type { Actor } from "../auth/permissions.ts";
import type { Clock } from "../core/clock.ts";
import { notFound } from "../core/errors.ts";
import type { RequestContext } from "../core/request-context.ts";
import { getKioskTokens, getLiveKioskByHash, getRevokedAmong, insertKioskToken, revokeKioskToken, touchKioskToken } from "./kiosk.repo.ts";
import { presentKiosk } from "./kiosk.present.ts";

/** A valid kiosk token, as requests and sockets carry it. */
export interface Kiosk {
  id: string;
  label: string;
}

/** Characters of the secret kept in the clear, to tell screens apart (of 43; 6 leave 2^222 unknown). */
const PREFIX_LENGTH = 6;
/** `last_used_at` is written at most this often per token. */
const TOUCH_EVERY_MS = 60_000;

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export interface KioskServiceDeps {
  db: Sequelize;
  audit: AuditService;
  clock: Clock;
  /** Close the sockets of a revoked token (on every node, through the adapter). */
  disconnect: (kioskId: string) => void;
}

/**
 * Kiosk tokens: a wall screen's read-only credential. An admin issues one (the secret shown once, only its
 * sha256 kept), lists and revokes them; every request and socket handshake of a screen is checked against
 * the table, so a revoked token is refused at its next request.
 */
export function createKioskService({ db, audit, clock, disconnect }: KioskServiceDeps) {
  const lastTouch = new Map<string, number>();

  async function view(id: string): Promise<KioskTokenView> {
    const [row] = await getKioskTokens(db, [id]);
    if (!row) throw notFound("No such kiosk token");
    return presentKiosk(row);
  }

  return {
    async list(): Promise<KioskTokenView[]> {
      return (await getKioskTokens(db, null)).map(presentKiosk);
    },

    /** A new token: the secret (32 random bytes, base64url) is in this answer and nowhere else. */
    async issue(actor: Actor, label: string, ctx: RequestContext | null = null): Promise<{ token: string; kiosk: KioskTokenView }> {
      const token = randomBytes(32).toString("base64url");
      const prefix = token.slice(0, PREFIX_LENGTH);
      const id = await insertKioskToken(db, { label, hash: hashOf(token), prefix, by: actor.id, now: clock.now() });
      await audit.record(ctx, "kiosk.issued", { actorId: actor.id, targetType: "kiosk_token", targetId: id, details: { label, prefix } });
      return { token, kiosk: await view(id) };
    },

    /** Revoke, and close the screen's sockets now; revoking a revoked token changes nothing. */
    async revoke(actor: Actor, id: string, ctx: RequestContext | null = null): Promise<KioskTokenView> {
      const before = await view(id);
      if (await revokeKioskToken(db, id, actor.id, clock.now())) {
        disconnect(id);
        await audit.record(ctx, "kiosk.revoked", { actorId: actor.id, targetType: "kiosk_token", targetId: id, details: { label: before.label, prefix: before.prefix } });
      }
      return view(id);
    },

    /** The live token this secret is, or null; notes its use at most once a minute. */
    async authenticate(token: string): Promise<Kiosk | null> {
      if (token.length < 20 || token.length > 100) return null;
      const kiosk = await getLiveKioskByHash(db, hashOf(token));
      if (!kiosk) return null;
      const now = clock.now();
      if (now.getTime() - (lastTouch.get(kiosk.id) ?? 0) >= TOUCH_EVERY_MS) {
        lastTouch.set(kiosk.id, now.getTime());
        await touchKioskToken(db, kiosk.id, now);
      }
      return kiosk;
    },

    /** Of these tokens, the ones revoked since (the re-check loop closes their sockets). */
    revokedAmong: (ids: string[]) => getRevokedAmong(db, ids),
  };
}

export type KioskService = ReturnType<typeof createKioskService>;
