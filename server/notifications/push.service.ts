import webpush from "web-push";
import type { Logger } from "pino";
import type { Sequelize } from "sequelize";
import type { PushKey, PushLanguageInput, PushSubscriptionInput } from "@contract/notifications.ts";
import type { Actor } from "../auth/permissions.ts";
import type { Clock } from "../core/clock.ts";
import { invalid, notFound } from "../core/errors.ts";
import { endpointProblem, type EndpointPolicy } from "./push-endpoint.ts";
import { createPushSender, type PushSend } from "./push-sender.ts";
import { deleteOwnPushSubscription, getVapidKeys, insertVapidKeysIfNone, setOwnPushLanguage, upsertPushSubscription, type VapidKeys } from "./push.repo.ts";
import { createPushWorker } from "./push.worker.ts";

export interface PushDeps {
  db: Sequelize;
  clock: Clock;
  log: Logger;
  /** The VAPID `sub` claim: a mailto: or https: contact for push services. */
  subject: string;
  maxAttempts: number;
  policy: EndpointPolicy;
  /** Tests may swap the sender; by default web-push with the stored keys. */
  send?: PushSend;
}

/**
 * Web Push: the server's VAPID key pair (made once, kept in the database so every node and every restart
 * signs with the same key the browsers subscribed with), browsers' subscriptions, and the queue's worker.
 */
export function createPushService({ db, clock, log, subject, maxAttempts, policy, send }: PushDeps) {
  let keys: Promise<VapidKeys> | null = null;

  /** The key pair, made on first call when the database has none. */
  function ensureKeys(): Promise<VapidKeys> {
    keys ??= (async () => {
      const stored = await getVapidKeys(db);
      if (stored) return stored;
      await insertVapidKeysIfNone(db, webpush.generateVAPIDKeys(), clock.now());
      log.info("VAPID key pair generated");
      return (await getVapidKeys(db))!;
    })().catch((err: unknown) => {
      keys = null;
      throw err;
    });
    return keys;
  }

  let sender: PushSend | undefined = send;
  const worker = createPushWorker({
    db,
    clock,
    log,
    maxAttempts,
    sender: async () => (sender ??= createPushSender(await ensureKeys(), subject)),
  });

  return {
    ensureKeys,
    worker,

    async key(): Promise<PushKey> {
      return { publicKey: (await ensureKeys()).publicKey };
    },

    /** Store the signed-in user's browser subscription; 400 for an endpoint the policy refuses. */
    async subscribe(actor: Actor, input: PushSubscriptionInput): Promise<void> {
      const problem = endpointProblem(input.endpoint, policy);
      if (problem) throw invalid("This push subscription cannot be used", { endpoint: problem });
      await upsertPushSubscription(db, actor.id, { endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, lang: input.lang ?? "id" }, clock.now());
    },

    /** The user switched the dashboard's language: their pushes to this browser follow it. */
    async setLanguage(actor: Actor, input: PushLanguageInput): Promise<void> {
      if (!(await setOwnPushLanguage(db, actor.id, input.endpoint, input.lang))) throw notFound("You have no push subscription at this endpoint");
    },

    /** Forget the user's subscription of this endpoint; nothing to forget is fine too. */
    async unsubscribe(actor: Actor, endpoint: string): Promise<void> {
      await deleteOwnPushSubscription(db, actor.id, endpoint);
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;
