import type { Sequelize } from "sequelize";
import {
  FACILITY_LIMITS,
  type CreateFacilityInput,
  type FacilityListQuery,
  type FacilityPoint,
  type FacilityView,
  type ImportFacilitiesResult,
  type ImportRowResult,
  type PublicFacilitiesQuery,
  type PublicFacility,
  type UpdateFacilityInput,
} from "@contract/facilities.ts";
import { REPORT_LIMITS } from "@contract/reports.ts";
import type { AuditService } from "../audit/audit.service.ts";
import { AppError, conflict, notFound } from "../core/errors.ts";
import type { RequestContext } from "../core/request-context.ts";
import type { Located, RegionsService } from "../regions/regions.service.ts";
import type { FacilityPhotos } from "./facility-photos.ts";
import { readFacilityCsv } from "./facility-csv.ts";
import { duplicatesWithinFile } from "./import-duplicates.ts";
import { presentFacility, presentPublicFacility } from "./facilities.present.ts";
import {
  deleteFacility,
  findStoredNamesakes,
  getFacility,
  getFacilityNames,
  hasPublicPhoto,
  insertFacilities,
  listActiveFacilities,
  listFacilities,
  setFacilityPhoto,
  updateFacility,
  type FacilityRow,
  type NewFacility,
} from "./facilities.repo.ts";

/** The same placing rule as reports: up to 2 km outside goes to the nearest kecamatan, farther is refused. */
const TOLERANCE_M = REPORT_LIMITS.outsideToleranceMeters;
const OUTSIDE_MESSAGE = `The point is more than ${TOLERANCE_M / 1000} km outside Kabupaten Balangan: place the facility inside Balangan`;
const outside = () => new AppError(400, "outside_region", OUTSIDE_MESSAGE);

export interface FacilitiesDeps {
  db: Sequelize;
  regions: RegionsService;
  audit: AuditService;
  photos: FacilityPhotos;
}

/**
 * Facilities admins keep, and what anyone may read of them. Kecamatan and desa always come from the
 * point (never typed), by the rule reports are placed with. Every write is audited.
 */
export function createFacilitiesService({ db, regions, audit, photos }: FacilitiesDeps) {
  const place = (p: FacilityPoint): Promise<Located | null> => regions.locate(p.lat, p.lng, TOLERANCE_M);
  const toNew = (f: Omit<CreateFacilityInput, "active"> & { active: boolean }, where: Located): NewFacility => ({
    type: f.type,
    name: f.name,
    address: f.address,
    contact: f.contact,
    lat: f.location.lat,
    lng: f.location.lng,
    kecamatanKode: where.kecamatan.kode,
    desaKode: where.desa?.kode ?? null,
    outsideMeters: where.outsideMeters,
    active: f.active,
  });
  const mustGet = async (id: string, ...rest: [Parameters<typeof getFacility>[2]?, boolean?]): Promise<FacilityRow> => {
    const row = await getFacility(db, id, ...rest);
    if (!row) throw notFound("Facility not found");
    return row;
  };
  const summary = (r: FacilityRow | NewFacility) => ({ name: r.name, type: r.type, kecamatan: "kecamatan_kode" in r ? r.kecamatan_kode : r.kecamatanKode });

  const service = {
    async list(q: FacilityListQuery): Promise<{ facilities: FacilityView[]; total: number }> {
      const { rows, total } = await listFacilities(db, q);
      return { facilities: rows.map(presentFacility), total };
    },

    async get(id: string): Promise<FacilityView> {
      return presentFacility(await mustGet(id));
    },

    /** `ctx` null: the system (the demo seed). */
    async create(ctx: RequestContext | null, input: CreateFacilityInput): Promise<FacilityView> {
      const where = await place(input.location);
      if (!where) throw outside();
      const item = toNew(input, where);
      const id = await db.transaction(async (transaction) => {
        const [id] = await insertFacilities(db, [item], ctx?.user?.id ?? null, transaction);
        await audit.record(ctx, "facility.created", { targetType: "facility", targetId: id!, details: summary(item) }, transaction);
        return id!;
      });
      return service.get(id);
    },

    /** 409 when the facility changed since the admin read `version`. */
    async update(ctx: RequestContext, id: string, patch: UpdateFacilityInput): Promise<FacilityView> {
      const where = patch.location ? await place(patch.location) : undefined;
      if (where === null) throw outside();
      await db.transaction(async (transaction) => {
        const before = await mustGet(id, transaction, true);
        if (before.version !== patch.version) throw conflict(`The facility was changed by someone else (version ${before.version}, not ${patch.version}): reload it`);
        const merged = toNew(
          {
            type: patch.type ?? before.type,
            name: patch.name ?? before.name,
            address: patch.address !== undefined ? patch.address : before.address,
            contact: patch.contact !== undefined ? patch.contact : before.contact,
            location: patch.location ?? { lat: Number(before.lat), lng: Number(before.lng) },
            active: patch.active ?? before.active,
          },
          where ?? { kecamatan: { kode: before.kecamatan_kode, nama: before.kecamatan_nama }, desa: before.desa_kode ? { kode: before.desa_kode, nama: "" } : null, outsideMeters: before.outside_meters },
        );
        await updateFacility(db, id, merged, transaction);
        const { version: _v, ...changes } = patch;
        await audit.record(ctx, "facility.updated", { targetType: "facility", targetId: id, details: { ...summary(merged), changes } }, transaction);
      });
      return service.get(id);
    },

    async remove(ctx: RequestContext, id: string): Promise<void> {
      await db.transaction(async (transaction) => {
        const before = await mustGet(id, transaction, true);
        await deleteFacility(db, id, transaction);
        await audit.record(ctx, "facility.deleted", { targetType: "facility", targetId: id, details: summary(before) }, transaction);
      });
      // After the commit: a photo file without its row is harmless (never served), a row without its file is not.
      await photos.remove(id);
    },

    async putPhoto(ctx: RequestContext, id: string, bytes: Buffer): Promise<FacilityView> {
      await mustGet(id);
      const size = await photos.save(id, bytes);
      await db.transaction(async (transaction) => {
        await mustGet(id, transaction, true);
        await setFacilityPhoto(db, id, size, transaction);
        await audit.record(ctx, "facility.photo_set", { targetType: "facility", targetId: id, details: size }, transaction);
      });
      return service.get(id);
    },

    /**
     * Check every row of a CSV and place it; unless a dry run, insert the valid rows in one transaction.
     * Invalid rows are answered with their reasons, never dropped silently; a row repeating a stored
     * facility or an earlier row (same type and name within FACILITY_LIMITS.duplicateRadiusM) is answered
     * `duplicate` and not written, so importing one file twice adds nothing the second time.
     */
    async importCsv(ctx: RequestContext, csv: string, dryRun: boolean): Promise<ImportFacilitiesResult> {
      const rows = readFacilityCsv(csv);
      const results: ImportRowResult[] = [];
      const placed: { index: number; line: number; item: NewFacility }[] = [];
      for (const row of rows) {
        const result: ImportRowResult = { line: row.line, status: "invalid", name: row.name, type: row.input?.type ?? null, kecamatan: null, desa: null, id: null, reasons: row.reasons, duplicateOf: null };
        const where = row.input ? await place(row.input.location) : null;
        if (row.input && !where) result.reasons = [{ column: "lat", code: "outside_region", message: OUTSIDE_MESSAGE }];
        if (row.input && where) {
          Object.assign(result, { status: "valid", kecamatan: where.kecamatan, desa: where.desa });
          placed.push({ index: results.length, line: row.line, item: toNew(row.input, where) });
        }
        results.push(result);
      }
      const candidates = placed.map((p) => ({ line: p.line, type: p.item.type, name: p.item.name, lat: p.item.lat, lng: p.item.lng }));
      const repeats = duplicatesWithinFile(candidates);
      for (const s of await findStoredNamesakes(db, candidates, FACILITY_LIMITS.duplicateRadiusM)) {
        // A stored facility is the better answer than an earlier row: it is what the admin can open.
        repeats.set(s.line, { id: s.id, line: null, name: s.name, distanceM: s.distance_m });
      }
      const valid = placed.filter((p) => {
        const of = repeats.get(p.line);
        if (!of) return true;
        const message = of.id ? `Same as the stored facility "${of.name}", ${of.distanceM} m away` : `Same as line ${of.line}, ${of.distanceM} m away`;
        Object.assign(results[p.index]!, { status: "duplicate", duplicateOf: of, reasons: [{ column: "nama", code: "duplicate", message }] });
        return false;
      });
      const invalid = rows.length - placed.length;
      let inserted = 0;
      if (!dryRun && valid.length)
        await db.transaction(async (transaction) => {
          const ids = await insertFacilities(db, valid.map((v) => v.item), ctx.user?.id ?? null, transaction);
          valid.forEach((v, i) => Object.assign(results[v.index]!, { status: "inserted", id: ids[i] }));
          inserted = ids.length;
          await audit.record(ctx, "facility.imported", { targetType: "facility", targetId: null, details: { rows: rows.length, inserted, invalid, duplicates: repeats.size } }, transaction);
        });
      return { dryRun, total: rows.length, valid: valid.length, invalid, duplicates: repeats.size, inserted, rows: results };
    },

    /** Active facilities for anyone, with the documented filters only. */
    async listPublic(q: PublicFacilitiesQuery): Promise<PublicFacility[]> {
      return (await listActiveFacilities(db, q)).map(presentPublicFacility);
    },

    /** The photo file of an active facility; 404 otherwise. */
    async publicPhotoFile(id: string): Promise<string> {
      if (!(await hasPublicPhoto(db, id)) || !(await photos.exists(id))) throw notFound("Photo not found");
      return photos.fileOf(id);
    },

    /** Names present (lower case), for the demo seed to add only what is missing. */
    names: () => getFacilityNames(db),
  };
  return service;
}

export type FacilitiesService = ReturnType<typeof createFacilitiesService>;
