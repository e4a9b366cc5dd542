import type { Sequelize, Transaction } from "sequelize";
import {
  PUBLISH_FROM,
  UNPUBLISH_FROM,
  type PublicDraft,
  type PublicationResult,
  type PublicPlace,
  type PublicReport,
  type PublishInput,
  type UnpublishInput,
} from "@contract/public-reports.ts";
import type { ReportView } from "@contract/reports.ts";
import { can, type Actor } from "../auth/permissions.ts";
import type { AuditService } from "../audit/audit.service.ts";
import { AppError, conflict, forbidden, invalid, notFound } from "../core/errors.ts";
import type { IoServer } from "../core/io.ts";
import type { RequestContext } from "../core/request-context.ts";
import { announceReportChange, logReportChange } from "../reports/report-changes.ts";
import { appendReportEvents } from "../reports/report-events.repo.ts";
import { presentReport } from "../reports/reports.present.ts";
import { canReadReport } from "../reports/reports.service.ts";
import { setReportStatus } from "../reports/reports.update.repo.ts";
import { claimedByOther, type DecisionClaims } from "../reports/status.service.ts";
import { BLOCKER_MESSAGES, draftPublicText, publishBlocker } from "./public-draft.ts";
import type { PublicPhotos } from "./public-photos.ts";
import { presentPublicReport } from "./public-reports.present.ts";
import { getCurrentPublications } from "./public-reports.repo.ts";
import {
  getPublishable,
  getRegionCentres,
  insertPublication,
  insertPublicPhotos,
  lockPublishable,
  withdrawPublication,
  type PublishableRow,
} from "./publications.repo.ts";
import { announcePublished, announceUnpublished } from "./publishing.socket.ts";

export interface PublishingDeps {
  db: Sequelize;
  io: IoServer;
  audit: AuditService;
  claims: DecisionClaims;
  photos: PublicPhotos;
  /** After the publish commit: the public shape and the staff view (notifications/ tells subscribers and the author); must not throw. */
  onPublished?: (published: PublicReport, report: ReportView) => void;
  /** After the unpublish commit (notifications/ withdraws the publication's notices); must not throw. */
  onUnpublished?: (reportId: string) => void;
}

/** A report the actor may read and publish (404 when they may not read it, so ids reveal nothing). */
function mayPublish(actor: Actor, row: PublishableRow | undefined): PublishableRow {
  if (!row || !canReadReport(actor, row)) throw notFound("Report not found");
  if (!can(actor, "report.publish", { kecamatanKode: row.kecamatan_kode })) throw forbidden("Only verifiers of its kecamatan may publish this report");
  return row;
}

/** The 409 for a report that cannot be published, with the reason. */
function refusePublishing(row: PublishableRow, version: number): AppError | null {
  const blocker = publishBlocker(row);
  if (blocker === "not_verified") return conflict(`A report that is ${row.status} cannot be published; only a ${PUBLISH_FROM} one can`);
  if (blocker) return conflict(BLOCKER_MESSAGES[blocker]);
  if (row.version !== version) return conflict("The report changed since it was loaded; look at it again before publishing");
  return null;
}

/**
 * Publishing and unpublishing (verifiers of the report's kecamatan, admins): `verified → published` with
 * a public shape stored as its own record, and back. Each is a decision like the others: refused while
 * somebody else holds the report, refused on a stale version, recorded in the report's trail, the audit
 * log and the change log, told to staff as `report:updated` — and to the public namespace in the public
 * shape only.
 */
export function createPublishingService({ db, io, audit, claims, photos, onPublished, onUnpublished }: PublishingDeps) {
  async function placesOf(row: Pick<PublishableRow, "kecamatan_kode" | "desa_kode">, transaction?: Transaction): Promise<PublicDraft["places"]> {
    const centres = await getRegionCentres(db, [row.kecamatan_kode, ...(row.desa_kode ? [row.desa_kode] : [])], transaction);
    const kec = centres.get(row.kecamatan_kode);
    if (!kec) throw new Error(`kecamatan ${row.kecamatan_kode} has no region row`);
    const kecamatan = { kode: kec.kode, nama: kec.nama };
    const desa = row.desa_kode ? centres.get(row.desa_kode) : undefined;
    const place = (c: { lat: number; lng: number }, d: PublicPlace["desa"]): PublicPlace => ({ location: { lat: c.lat, lng: c.lng }, kecamatan, desa: d });
    return { kecamatan: place(kec, null), desa: desa ? place(desa, { kode: desa.kode, nama: desa.nama }) : null };
  }

  async function currentPublic(reportId: string, transaction?: Transaction): Promise<PublicReport | null> {
    const [row] = await getCurrentPublications(db, [reportId], transaction);
    return row ? presentPublicReport(row) : null;
  }

  /** Refusals that hold whoever acts: the other's claim, the status, the version. */
  async function checkClaim(actor: Actor, reportId: string, transaction: Transaction) {
    const claim = await claims.liveClaim(reportId, transaction);
    if (claim && claim.holderId !== actor.id) throw claimedByOther(claim);
    return claim;
  }

  async function publish(actor: Actor, reportId: string, input: PublishInput, ctx: RequestContext | null): Promise<PublicationResult> {
    // Checked before the photos are encoded (a refusal costs nothing), and again under the lock.
    const before = mayPublish(actor, await getPublishable(db, reportId));
    const early = refusePublishing(before, input.version);
    if (early) throw early;
    const chosen = input.photos ?? [];
    const missing = chosen.filter((sha) => !before.uploaded.includes(sha));
    if (missing.length) throw invalid("Only the report's uploaded photos can be published", { photos: `not uploaded to this report: ${missing.join(", ")}` });
    if (new Set(chosen).size !== chosen.length) throw invalid("A photo is chosen twice", { photos: "each photo once" });

    const derivatives = await photos.makeAll(reportId, chosen);
    // Files made for a publication that was then refused (stale, claimed meanwhile) are removed again.
    const result = await db
      .transaction(async (transaction) => {
        const row = mayPublish(actor, await lockPublishable(db, reportId, transaction));
        const claim = await checkClaim(actor, reportId, transaction);
        const refusal = refusePublishing(row, input.version);
        if (refusal) throw refusal;

        const draft = draftPublicText(row);
        const places = await placesOf(row, transaction);
        const generalization = input.generalization === "kecamatan" || !places.desa ? "kecamatan" : "desa";
        const place = places[generalization]!;
        await insertPublicPhotos(db, derivatives, transaction);
        const publicationId = await insertPublication(
          db,
          {
            reportId,
            reportVersion: row.version,
            title: input.title ?? draft.title,
            summary: input.summary ?? draft.summary,
            bidang: row.bidang!,
            kerawanan: row.kerawanan,
            day: row.day,
            generalization,
            lat: place.location.lat,
            lng: place.location.lng,
            kecamatanKode: place.kecamatan.kode,
            kecamatanNama: place.kecamatan.nama,
            desaKode: place.desa?.kode ?? null,
            desaNama: place.desa?.nama ?? null,
            photoIds: derivatives.map((d) => d.id),
            publishedBy: actor.id,
          },
          transaction,
        );
        // The status change is reports' own (its trail entry `status_changed`); the publication's facts
        // follow as a `published` entry of their own.
        await setReportStatus(db, { reportId, actorId: actor.id, from: row.status, to: "published", note: null }, transaction);
        if (claim) await claims.endOwnClaim(reportId, actor.id, transaction);
        const details = { publicationId, generalization, photos: derivatives.length };
        await appendReportEvents(db, [{ reportId, actorId: actor.id, action: "published", details }], transaction);
        const logged = await logReportChange(db, reportId, "published", transaction);
        await audit.record(
          ctx,
          "report.status_changed",
          { actorId: actor.id, targetType: "report", targetId: reportId, details: { number: logged.row.number, from: row.status, to: "published", version: logged.row.version, ...details } },
          transaction,
        );
        return { ...logged, published: (await currentPublic(reportId, transaction))!, released: claim !== null };
      })
      .catch(async (err: unknown) => {
        await photos.discard(derivatives.map((d) => d.id));
        throw err;
      });
    const view = presentReport(result.row);
    announceReportChange(io, "report:updated", result.change, () => view);
    if (result.released) claims.announceReleased({ id: reportId, kecamatanKode: result.row.kecamatan_kode });
    announcePublished(io, result.published);
    onPublished?.(result.published, view);
    return { report: view, published: result.published };
  }

  async function unpublish(actor: Actor, reportId: string, input: UnpublishInput, ctx: RequestContext | null): Promise<PublicationResult> {
    const result = await db.transaction(async (transaction) => {
      const row = mayPublish(actor, await lockPublishable(db, reportId, transaction));
      const claim = await checkClaim(actor, reportId, transaction);
      if (row.status !== UNPUBLISH_FROM) throw conflict(`A report that is ${row.status} is not published`);
      if (row.version !== input.version) throw conflict("The report changed since it was loaded; look at it again before unpublishing");

      const publicationId = await withdrawPublication(db, { reportId, actorId: actor.id, note: input.note }, transaction);
      await setReportStatus(db, { reportId, actorId: actor.id, from: row.status, to: PUBLISH_FROM, note: input.note }, transaction);
      if (claim) await claims.endOwnClaim(reportId, actor.id, transaction);
      const details = { publicationId };
      await appendReportEvents(db, [{ reportId, actorId: actor.id, action: "unpublished", note: input.note, details }], transaction);
      const logged = await logReportChange(db, reportId, "unpublished", transaction);
      await audit.record(
        ctx,
        "report.status_changed",
        {
          actorId: actor.id,
          targetType: "report",
          targetId: reportId,
          details: { number: logged.row.number, from: row.status, to: PUBLISH_FROM, note: input.note, version: logged.row.version, ...details },
        },
        transaction,
      );
      return { ...logged, released: claim !== null };
    });
    const view = presentReport(result.row);
    announceReportChange(io, "report:updated", result.change, () => view);
    if (result.released) claims.announceReleased({ id: reportId, kecamatanKode: result.row.kecamatan_kode });
    announceUnpublished(io, reportId);
    onUnpublished?.(reportId);
    return { report: view, published: null };
  }

  return {
    publish,
    unpublish,

    /** The publish panel's start: the server's draft, the places and photos to choose from, what is public now. */
    async draft(actor: Actor, reportId: string): Promise<PublicDraft> {
      const row = mayPublish(actor, await getPublishable(db, reportId));
      const text = draftPublicText(row);
      return {
        reportId,
        version: row.version,
        status: row.status,
        blocker: row.status === UNPUBLISH_FROM ? null : publishBlocker(row),
        ...text,
        bidang: row.bidang,
        kerawanan: row.kerawanan,
        day: row.day,
        places: await placesOf(row),
        photos: row.uploaded,
        published: await currentPublic(reportId),
      };
    },
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
