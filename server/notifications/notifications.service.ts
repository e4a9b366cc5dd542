import type { Logger } from "pino";
import type { Sequelize } from "sequelize";
import type { MarkReadInput, NotificationListQuery, NotificationSubscription, NotificationView, UnreadCount } from "@contract/notifications.ts";
import type { PublicReport } from "@contract/public-reports.ts";
import type { Kerawanan } from "@contract/reports.ts";
import type { ReportView } from "@contract/report-view.ts";
import type { Paged } from "@contract/envelope.ts";
import type { Actor } from "../auth/permissions.ts";
import type { Clock } from "../core/clock.ts";
import type { IoServer } from "../core/io.ts";
import { createFanoutQueue } from "./fanout-queue.ts";
import { decisionText, publishedPushes, publishedText, publishTag, receivedText } from "./notification-text.ts";
import { presentNotification } from "./notifications.present.ts";
import { countUnread, deletePublicationNotices, insertForAuthor, insertForRegionVerifiers, insertForSubscribers, listNotifications, markRead } from "./notifications.repo.ts";
import { announceNotifications, announceRemoved } from "./notifications.socket.ts";
import { dropPendingPushesOf, enqueueForSubscribers } from "./push-queue.repo.ts";
import { getSubscription, putSubscription } from "./subscriptions.repo.ts";

/** A situation report just committed by intake, as its verifiers are told of it. */
export interface CreatedReportNotice {
  id: string;
  number: string;
  perihal: string;
  kerawanan: Kerawanan;
  kecamatan: { kode: string; nama: string };
}

export interface NotificationsDeps {
  db: Sequelize;
  io: IoServer;
  clock: Clock;
  log: Logger;
}

/**
 * The in-app notification centre and the fan-out that fills it. The hooks (`onPublished`, `onDecided`,
 * `onCreated`) are called by publishing, decisions and intake after their commit (app.ts wires them, so
 * those capabilities never import this one); each returns at once and does its work on the fan-out queue,
 * one batched INSERT … SELECT per event, then `notification:new` to each recipient's sockets.
 */
export function createNotificationsService({ db, io, clock, log }: NotificationsDeps) {
  const queue = createFanoutQueue(log);

  const notifyVerifiers = queue.batching<CreatedReportNotice>("report_received", async (reports) => {
    const rows = await insertForRegionVerifiers(
      db,
      reports.map((r) => ({ ...receivedText({ ...r, kecamatanNama: r.kecamatan.nama }), kecamatanKode: r.kecamatan.kode })),
      clock.now(),
    );
    announceNotifications(io, rows);
  });

  /** A decision on a report (its new status in `report`): its author is told. */
  function onDecided(report: ReportView): void {
    queue.run("report_decided", async () => {
      const text = decisionText(report);
      if (text) announceNotifications(io, await insertForAuthor(db, report.author.id, text, clock.now()));
    });
  }

  return {
    async list(actor: Actor, q: NotificationListQuery): Promise<Paged<NotificationView> & UnreadCount> {
      const rows = await listNotifications(db, actor.id, q);
      const next = rows.length === q.limit ? rows[rows.length - 1]!.id : null;
      return { data: rows.map(presentNotification), page: { total: null, next }, unread: await countUnread(db, actor.id) };
    },

    async markRead(actor: Actor, input: MarkReadInput): Promise<UnreadCount> {
      await markRead(db, actor.id, input.all ? null : (input.ids ?? []), clock.now());
      return { unread: await countUnread(db, actor.id) };
    },

    subscription: (actor: Actor): Promise<NotificationSubscription> => getSubscription(db, actor.id),

    async putSubscription(actor: Actor, input: NotificationSubscription): Promise<NotificationSubscription> {
      await putSubscription(db, actor.id, input, clock.now());
      return getSubscription(db, actor.id);
    },

    /**
     * A report was published: its subscribers in-app and by Web Push (queued; the worker sends), its
     * author as a decision. Subscribers' text comes from `published` (the public shape) only.
     */
    onPublished(published: PublicReport, report: ReportView): void {
      queue.run("report_published", async () => {
        const match = { kecamatan: published.kecamatan.kode, bidang: published.bidang };
        const now = clock.now();
        announceNotifications(io, await insertForSubscribers(db, match, publishedText(published), now));
        await enqueueForSubscribers(db, match, publishedPushes(published), now);
      });
      onDecided(report);
    },

    onDecided,

    /**
     * A report was unpublished: its publication notices leave every subscriber's centre (live, through
     * `notification:removed`) and its pushes not yet sent are dropped. What a phone already showed stays.
     */
    onUnpublished(reportId: string): void {
      queue.run("report_unpublished", async () => {
        const gone = await deletePublicationNotices(db, reportId);
        const pushes = await dropPendingPushesOf(db, publishTag(reportId));
        announceRemoved(io, gone);
        if (gone.length || pushes) log.info({ reportId, notices: gone.length, pushes }, "publication notices withdrawn");
      });
    },

    /** Situation reports intake just committed: the verifiers of each one's kecamatan are told. */
    onCreated(reports: CreatedReportNotice[]): void {
      notifyVerifiers(reports);
    },

    /** Resolves when every notice queued so far is written and sent to sockets. */
    idle: queue.idle,
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
