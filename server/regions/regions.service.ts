import type { Sequelize } from "sequelize";
import { REGION_SNAP, type RegionCollection, type RegionLevel } from "@contract/regions.ts";
import { encodeBody, type EncodedBody } from "../core/encoded-body.ts";
import { createPointLocator, type Located, type NamedRegion, type PointLocator } from "./point-locator.ts";
import { getKecamatanList, getNearestRegion, getRegionShapes, getRegionsContaining, getRegionsGeoJson } from "./regions.repo.ts";

export type { Located };

/** The `GET /api/regions` answer of one level, and the same answer serialized and compressed once. */
export interface EncodedRegions {
  reply: { data: RegionCollection };
  body: EncodedBody;
}

export function createRegionsService(db: Sequelize) {
  const geoJsonCache = new Map<RegionLevel, Promise<RegionCollection>>();
  const encodedCache = new Map<RegionLevel, Promise<EncodedRegions>>();
  let kecamatan: Promise<NamedRegion[]> | undefined;
  let locator: Promise<PointLocator> | undefined;
  const pointLocator = () => {
    if (!locator) {
      locator = getRegionShapes(db).then(createPointLocator);
      locator.catch(() => (locator = undefined));
    }
    return locator;
  };

  const service = {
    /**
     * Every kecamatan, by code. Read once (regions are fixed data from migrations); a failed read is
     * tried again on the next call.
     */
    kecamatanList(): Promise<NamedRegion[]> {
      if (!kecamatan) {
        kecamatan = getKecamatanList(db);
        kecamatan.catch(() => (kecamatan = undefined));
      }
      return kecamatan;
    },

    /** Every kecamatan code (verifiers without a scope act on all of them). */
    async kecamatanCodes(): Promise<string[]> {
      return (await service.kecamatanList()).map((k) => k.kode);
    },

    /** Regions never change at run time (they come from migrations), so the collection is built once. */
    featureCollection(level: RegionLevel): Promise<RegionCollection> {
      let cached = geoJsonCache.get(level);
      if (!cached) {
        cached = getRegionsGeoJson(db, level);
        cached.catch(() => geoJsonCache.delete(level));
        geoJsonCache.set(level, cached);
      }
      return cached;
    },

    /**
     * `featureCollection` as the route answers it, JSON and brotli and gzip made once per level: the
     * desa boundaries are ~200 KB of JSON, ~30 KB in brotli at its best, too slow to redo per request.
     */
    encodedCollection(level: RegionLevel): Promise<EncodedRegions> {
      let cached = encodedCache.get(level);
      if (!cached) {
        cached = service.featureCollection(level).then(async (collection) => {
          const reply = { data: collection };
          return { reply, body: await encodeBody(Buffer.from(JSON.stringify(reply))) };
        });
        cached.catch(() => encodedCache.delete(level));
        encodedCache.set(level, cached);
      }
      return cached;
    },

    /**
     * The kecamatan and desa at a point. Points up to `toleranceMeters` outside Balangan go to the nearest
     * kecamatan (with `outsideMeters` set); farther ones give null, and the caller says what that means.
     * Answered in memory (see point-locator.ts); the polygons are read from the database once.
     */
    async locate(lat: number, lng: number, toleranceMeters = 0): Promise<Located | null> {
      return (await pointLocator())(lat, lng, toleranceMeters);
    },

    /** `locate` for many points, in order. */
    async locateMany(points: { lat: number; lng: number }[], toleranceMeters = 0): Promise<(Located | null)[]> {
      return Promise.all(points.map((p) => service.locate(p.lat, p.lng, toleranceMeters)));
    },

    /** `locate` by PostGIS alone: the reference the in-memory answers are tested against. */
    async locateInDatabase(lat: number, lng: number, toleranceMeters = 0): Promise<Located | null> {
      const rows = await getRegionsContaining(db, lat, lng);
      let kecamatan = rows.find((r) => r.level === "kecamatan");
      let outsideMeters = 0;
      if (!kecamatan) {
        const nearest = await getNearestRegion(db, "kecamatan", lat, lng, Math.max(toleranceMeters, REGION_SNAP.sliverMeters));
        if (!nearest) return null;
        kecamatan = nearest;
        outsideMeters = nearest.meters;
      }
      let desa = rows.find((r) => r.level === "desa" && r.kode.startsWith(`${kecamatan.kode}.`));
      desa ??= await getNearestRegion(db, "desa", lat, lng, REGION_SNAP.desaSearchMeters, kecamatan.kode);
      return {
        kecamatan: { kode: kecamatan.kode, nama: kecamatan.nama },
        desa: desa ? { kode: desa.kode, nama: desa.nama } : null,
        outsideMeters: Math.round(outsideMeters),
      };
    },
  };
  return service;
}

export type RegionsService = ReturnType<typeof createRegionsService>;
