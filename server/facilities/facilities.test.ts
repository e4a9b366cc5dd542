import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PUBLIC_FACILITY_KEYS, type FacilityView, type ImportFacilitiesResult, type PublicFacility } from "@contract/facilities.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, loopbackAddress, useAccount } from "../test/accounts.ts";
import { POINTS } from "../test/reports.ts";
import { demoFacilities } from "../../seeds/facilities.ts";

const t = useTestApp();
const admin = useAccount(t, "admin");
const verifier = useAccount(t, "verifier");
const officer = useAccount(t, "officer");
const leader = useAccount(t, "leader");

/** Every name this file makes carries the tag, so its assertions see only its own rows in a shared database. */
const tag = randomUUID().slice(0, 8);
const JAKARTA = { lat: -6.2, lng: 106.8 };

async function create(body: Record<string, unknown>) {
  return api(t, "POST", "/api/facilities", { cookie: admin.cookie, body });
}
async function publicList(query = ""): Promise<PublicFacility[]> {
  const res = await api(t, "GET", `/api/public/facilities${query}`);
  expect(res.status).toBe(200);
  return (res.body as { data: PublicFacility[] }).data;
}
const mine = <T extends { name: string }>(list: T[]): T[] => list.filter((f) => f.name.includes(tag));

describe("facilities: admin CRUD", () => {
  it("assigns kecamatan and desa from the point, as PostGIS places it", async () => {
    const res = await create({ type: "rumah_ibadah", name: `Masjid Agung ${tag}`, address: "Jl. A. Yani", contact: "0526-2090", location: POINTS.paringin });
    expect(res.status).toBe(201);
    const f = (res.body as { data: FacilityView }).data;
    const where = await t.services.regions.locateInDatabase(POINTS.paringin.lat, POINTS.paringin.lng);
    expect(where?.desa).not.toBeNull();
    expect(f).toMatchObject({
      type: "rumah_ibadah",
      name: `Masjid Agung ${tag}`,
      location: POINTS.paringin,
      kecamatan: { kode: "63.11.06", nama: where!.kecamatan.nama },
      desa: where!.desa,
      outsideMeters: 0,
      hasPhoto: false,
      active: true,
      version: 1,
    });
    const audit = await api(t, "GET", `/api/audit?action=facility.created`, { cookie: admin.cookie });
    expect(JSON.stringify(audit.body)).toContain(f.id);
  });

  it("refuses a point outside Balangan with 400 and says why", async () => {
    const res = await create({ type: "sekolah", name: `Sekolah Jauh ${tag}`, location: JAKARTA });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("outside_region");
    expect(res.body.error.message).toMatch(/outside Kabupaten Balangan/);
  });

  it("edits with the version seen, re-places a moved point, and answers 409 to a stale version", async () => {
    const made = (await create({ type: "sekolah", name: `SD Pindah ${tag}`, location: POINTS.paringin })).body.data as FacilityView;
    const moved = await api(t, "PATCH", `/api/facilities/${made.id}`, { cookie: admin.cookie, body: { location: POINTS.halong, contact: "sd@example.id", version: 1 } });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ kecamatan: { kode: "63.11.02" }, contact: "sd@example.id", name: `SD Pindah ${tag}`, version: 2 });
    const stale = await api(t, "PATCH", `/api/facilities/${made.id}`, { cookie: admin.cookie, body: { name: `Lama ${tag}`, version: 1 } });
    expect(stale.status).toBe(409);
    const away = await api(t, "PATCH", `/api/facilities/${made.id}`, { cookie: admin.cookie, body: { location: JAKARTA, version: 2 } });
    expect(away.status).toBe(400);
    const listed = await api(t, "GET", `/api/facilities?q=${encodeURIComponent(`SD Pindah ${tag}`)}`, { cookie: admin.cookie });
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({ version: 2, kecamatan: { kode: "63.11.02" } });
  });

  it("lists with filters by type, kecamatan and words, and deletes", async () => {
    const a = (await create({ type: "pos_keamanan", name: `Pos Filter ${tag}`, location: POINTS.juai })).body.data as FacilityView;
    const q = encodeURIComponent(`Filter ${tag}`);
    const get = async (extra: string) => (await api(t, "GET", `/api/facilities?q=${q}${extra}`, { cookie: admin.cookie })).body.data as FacilityView[];
    expect((await get("&type=pos_keamanan&kecamatan=63.11.01")).map((f) => f.id)).toEqual([a.id]);
    expect(await get("&type=sekolah")).toEqual([]);
    expect(await get("&kecamatan=63.11.06")).toEqual([]);
    expect((await api(t, "DELETE", `/api/facilities/${a.id}`, { cookie: admin.cookie })).status).toBe(204);
    expect(await get("")).toEqual([]);
    expect((await api(t, "DELETE", `/api/facilities/${a.id}`, { cookie: admin.cookie })).status).toBe(404);
  });

  it("lets no one but admins write or list", async () => {
    const body = { type: "lainnya", name: `Bukan Admin ${tag}`, location: POINTS.paringin };
    for (const who of [verifier, officer, leader]) {
      expect((await api(t, "POST", "/api/facilities", { cookie: who.cookie, body })).status).toBe(403);
      expect((await api(t, "GET", "/api/facilities", { cookie: who.cookie })).status).toBe(403);
      expect((await api(t, "POST", "/api/facilities/import", { cookie: who.cookie, body: { csv: "nama,jenis,lat,lon\n" } })).status).toBe(403);
    }
    expect((await api(t, "POST", "/api/facilities", { body })).status).toBe(401);
    expect(mine(await publicList()).some((f) => f.name === body.name)).toBe(false);
  });
});

describe("facilities: photo", () => {
  it("stores an uploaded photo as WebP without metadata, served publicly while the facility is active", async () => {
    const made = (await create({ type: "fasilitas_kesehatan", name: `Puskesmas Foto ${tag}`, location: POINTS.paringin })).body.data as FacilityView;
    const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 200, g: 40, b: 40 } } })
      .jpeg()
      .withExif({ IFD0: { Copyright: `Rahasia ${tag}`, Artist: "Petugas" } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const put = await fetch(`${t.baseUrl}/api/facilities/${made.id}/photo`, { method: "PUT", headers: { "content-type": "image/jpeg", cookie: admin.cookie }, body: new Uint8Array(jpeg) });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { data: FacilityView }).data).toMatchObject({ hasPhoto: true, version: 2 });

    const photo = await fetch(`${t.baseUrl}/api/public/facilities/${made.id}/photo`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/webp");
    const bytes = Buffer.from(await photo.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 320, height: 200 });
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from(tag))).toBe(false);

    const text = await fetch(`${t.baseUrl}/api/facilities/${made.id}/photo`, { method: "PUT", headers: { "content-type": "image/jpeg", cookie: admin.cookie }, body: "not a photo" });
    expect(text.status).toBe(415);

    await api(t, "PATCH", `/api/facilities/${made.id}`, { cookie: admin.cookie, body: { active: false, version: 2 } });
    expect((await fetch(`${t.baseUrl}/api/public/facilities/${made.id}/photo`)).status).toBe(404);
  });
});

describe("facilities: public list", () => {
  it("carries exactly the public keys, only active facilities, with its filters and an ETag", async () => {
    const shown = (await create({ type: "sekolah", name: `SMP Publik ${tag}`, address: "Jl. Tanjung", contact: "0526-3", location: POINTS.halong })).body.data as FacilityView;
    await create({ type: "sekolah", name: `SMP Nonaktif ${tag}`, location: POINTS.halong, active: false });
    const all = mine(await publicList());
    const item = all.find((f) => f.id === shown.id)!;
    expect(Object.keys(item).sort()).toEqual([...PUBLIC_FACILITY_KEYS].sort());
    expect(item).toEqual({
      id: shown.id,
      type: "sekolah",
      name: `SMP Publik ${tag}`,
      address: "Jl. Tanjung",
      contact: "0526-3",
      lat: POINTS.halong.lat,
      lng: POINTS.halong.lng,
      kecamatanKode: "63.11.02",
      kecamatan: shown.kecamatan.nama,
      desa: shown.desa?.nama ?? null,
      hasPhoto: false,
    });
    expect(all.some((f) => f.name === `SMP Nonaktif ${tag}`)).toBe(false);
    for (const f of await publicList()) expect(Object.keys(f).sort()).toEqual([...PUBLIC_FACILITY_KEYS].sort());

    expect(mine(await publicList("?type=sekolah&kecamatan=63.11.02")).map((f) => f.id)).toContain(shown.id);
    expect(mine(await publicList("?kecamatan=63.11.06")).map((f) => f.id)).not.toContain(shown.id);
    expect(mine(await publicList("?type=rumah_ibadah")).map((f) => f.id)).not.toContain(shown.id);
    const { lat, lng } = POINTS.halong;
    expect(mine(await publicList(`?bbox=${lng - 0.01},${lat - 0.01},${lng + 0.01},${lat + 0.01}`)).map((f) => f.id)).toContain(shown.id);
    expect(mine(await publicList(`?bbox=${lng + 0.01},${lat - 0.01},${lng + 0.02},${lat + 0.01}`)).map((f) => f.id)).not.toContain(shown.id);

    expect((await api(t, "GET", "/api/public/facilities?nama=x")).status).toBe(400);
    expect((await api(t, "GET", "/api/public/facilities?bbox=1,2,3")).status).toBe(400);

    const first = await fetch(`${t.baseUrl}/api/public/facilities?kecamatan=63.11.02`);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    expect(first.headers.get("set-cookie")).toBeNull();
    // Over node:http, as a browser revalidates its cached copy (fetch adds `Cache-Control: no-cache` to a
    // request with If-None-Match, which rightly makes Express answer in full).
    const again = await api(t, "GET", "/api/public/facilities?kecamatan=63.11.02", { headers: { "if-none-match": etag! }, from: loopbackAddress() });
    expect(again.status).toBe(304);
  });
});

describe("facilities: CSV import", () => {
  const csv = [
    "nama,jenis,alamat,kontak,lat,lon",
    `Masjid Impor ${tag},rumah_ibadah,"Jl. A. Yani, km 2",0526-1,-2.3217,115.4584`,
    `Sekolah Impor ${tag},Sekolah,,,-2.278955,115.588291`,
    `Pos Impor ${tag},pos_keamanan,,,abc,115.5`,
    `Toko Impor ${tag},warung,,,-2.3,115.5`,
    `,sekolah,Tanpa nama ${tag},,-2.3,115.5`,
    "",
    `Kantor Jauh ${tag},kantor_pemerintahan,,,-6.2,106.8`,
  ].join("\n");
  const summary = (r: ImportFacilitiesResult) =>
    r.rows.map((row) => ({ line: row.line, status: row.status, name: row.name, kecamatan: row.kecamatan?.kode ?? null, reasons: row.reasons.map((x) => `${x.column}:${x.code}`) }));
  const expected = (ok: "valid" | "inserted") => [
    { line: 2, status: ok, name: `Masjid Impor ${tag}`, kecamatan: "63.11.06", reasons: [] },
    { line: 3, status: ok, name: `Sekolah Impor ${tag}`, kecamatan: "63.11.01", reasons: [] },
    { line: 4, status: "invalid", name: `Pos Impor ${tag}`, kecamatan: null, reasons: ["lat:not_number"] },
    { line: 5, status: "invalid", name: `Toko Impor ${tag}`, kecamatan: null, reasons: ["jenis:unknown_type"] },
    { line: 6, status: "invalid", name: null, kecamatan: null, reasons: ["nama:required"] },
    { line: 8, status: "invalid", name: `Kantor Jauh ${tag}`, kecamatan: null, reasons: ["lat:outside_region"] },
  ];
  const importedNames = async () =>
    ((await api(t, "GET", `/api/facilities?q=${encodeURIComponent(`Impor ${tag}`)}`, { cookie: admin.cookie })).body.data as FacilityView[]).map((f) => f.name).sort();

  it("answers a dry run row by row, with line numbers and reasons, and writes nothing", async () => {
    const res = await api(t, "POST", "/api/facilities/import", { cookie: admin.cookie, body: { csv, dryRun: true } });
    expect(res.status).toBe(200);
    const result = res.body.data as ImportFacilitiesResult;
    expect(summary(result)).toEqual(expected("valid"));
    expect(result).toMatchObject({ dryRun: true, total: 6, valid: 2, invalid: 4, duplicates: 0, inserted: 0 });
    expect(result.rows.every((r) => r.id === null)).toBe(true);
    expect(await importedNames()).toEqual([]);
    // The same as a raw text/csv body.
    const raw = await fetch(`${t.baseUrl}/api/facilities/import?dryRun=true`, { method: "POST", headers: { "content-type": "text/csv", cookie: admin.cookie }, body: csv });
    expect(raw.status).toBe(200);
    expect(summary(((await raw.json()) as { data: ImportFacilitiesResult }).data)).toEqual(expected("valid"));
    expect(await importedNames()).toEqual([]);
  });

  it("inserts the valid rows, keeps the quoted comma, and reports the others", async () => {
    const res = await api(t, "POST", "/api/facilities/import", { cookie: admin.cookie, body: { csv } });
    expect(res.status).toBe(200);
    const result = res.body.data as ImportFacilitiesResult;
    expect(summary(result)).toEqual(expected("inserted"));
    expect(result).toMatchObject({ dryRun: false, total: 6, valid: 2, invalid: 4, duplicates: 0, inserted: 2 });
    expect(await importedNames()).toEqual([`Masjid Impor ${tag}`, `Sekolah Impor ${tag}`]);
    const masjid = (await api(t, "GET", `/api/facilities?q=${encodeURIComponent(`Masjid Impor ${tag}`)}`, { cookie: admin.cookie })).body.data[0] as FacilityView;
    expect(masjid).toMatchObject({ id: result.rows[0]!.id, address: "Jl. A. Yani, km 2", contact: "0526-1", type: "rumah_ibadah" });
  });

  it("adds nothing when the same file comes again: its rows are duplicates of the stored facilities", async () => {
    const first = (await api(t, "POST", "/api/facilities/import", { cookie: admin.cookie, body: { csv, dryRun: true } })).body.data as ImportFacilitiesResult;
    expect(first.rows.filter((r) => r.status === "duplicate").map((r) => r.line)).toEqual([2, 3]);
    const res = await api(t, "POST", "/api/facilities/import", { cookie: admin.cookie, body: { csv } });
    const result = res.body.data as ImportFacilitiesResult;
    expect(result).toMatchObject({ dryRun: false, total: 6, valid: 0, invalid: 4, duplicates: 2, inserted: 0 });
    const stored = (await api(t, "GET", `/api/facilities?q=${encodeURIComponent(`Masjid Impor ${tag}`)}`, { cookie: admin.cookie })).body.data[0] as FacilityView;
    expect(result.rows[0]).toMatchObject({ status: "duplicate", id: null, duplicateOf: { id: stored.id, line: null, name: stored.name, distanceM: 0 }, reasons: [{ column: "nama", code: "duplicate" }] });
    expect(await importedNames()).toEqual([`Masjid Impor ${tag}`, `Sekolah Impor ${tag}`]);
  });

  it("takes a row for a repeat of an earlier row of the file only with the same type and name, within 100 m", async () => {
    const name = `Pos Kembar ${tag}`;
    const twins = [
      "nama,jenis,lat,lon",
      `${name},pos_keamanan,-2.3217,115.4584`,
      // Case and spaces do not count; 44 m north.
      `  ${name.toUpperCase().replace(" ", "   ")} ,pos_keamanan,-2.3213,115.4584`,
      // 550 m away: another post of the same name.
      `${name},pos_keamanan,-2.3167,115.4584`,
      // The same place and name, another type.
      `${name},kantor_pemerintahan,-2.3217,115.4584`,
    ].join("\n");
    const result = (await api(t, "POST", "/api/facilities/import", { cookie: admin.cookie, body: { csv: twins, dryRun: true } })).body.data as ImportFacilitiesResult;
    expect(result.rows.map((r) => r.status)).toEqual(["valid", "duplicate", "valid", "valid"]);
    expect(result.rows[1]!.duplicateOf).toMatchObject({ id: null, line: 2, name });
    expect(result.rows[1]!.duplicateOf!.distanceM).toBeGreaterThan(40);
    expect(result.rows[1]!.duplicateOf!.distanceM).toBeLessThan(48);
    expect(result).toMatchObject({ valid: 3, duplicates: 1, invalid: 0 });
  });

  it("refuses a file without the header, or with too many rows, as a whole", async () => {
    const noHeader = await api(t, "POST", "/api/facilities/import", { cookie: admin.cookie, body: { csv: `Masjid ${tag},rumah_ibadah,,,-2.3,115.5` } });
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.message).toMatch(/header/);
    const many = ["nama,jenis,lat,lon", ...Array.from({ length: 5001 }, (_, i) => `X${i},sekolah,-2.3,115.5`)].join("\n");
    const tooMany = await api(t, "POST", "/api/facilities/import", { cookie: admin.cookie, body: { csv: many, dryRun: true } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/5000 rows/);
  });
});

describe("facilities: demo seed", () => {
  it("spreads about 25 facilities over the 8 kecamatan, each inside its kecamatan's real boundary", async () => {
    const kecamatan = await t.services.regions.kecamatanList();
    const list = demoFacilities(await t.services.regions.featureCollection("desa"), kecamatan);
    expect(list.length).toBeGreaterThanOrEqual(24);
    expect(list.length).toBeLessThanOrEqual(26);
    const placed = await Promise.all(list.map((f) => t.services.regions.locateInDatabase(f.location.lat, f.location.lng)));
    expect(placed.every((p) => p && p.outsideMeters === 0 && p.desa)).toBe(true);
    expect(new Set(placed.map((p) => p!.kecamatan.kode)).size).toBe(8);
    // Each in the kecamatan its address names.
    list.forEach((f, i) => expect(f.address).toContain(`Kecamatan ${placed[i]!.kecamatan.nama}`));
    expect(new Set(list.map((f) => f.name)).size).toBe(list.length);
  });
});
