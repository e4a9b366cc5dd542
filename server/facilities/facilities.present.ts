import type { FacilityView, PublicFacility } from "@contract/facilities.ts";
import type { FacilityRow } from "./facilities.repo.ts";

/** A facility as admins see it. */
export function presentFacility(r: FacilityRow): FacilityView {
  return {
    id: r.id,
    type: r.type,
    name: r.name,
    address: r.address,
    contact: r.contact,
    location: { lat: Number(r.lat), lng: Number(r.lng) },
    kecamatan: { kode: r.kecamatan_kode, nama: r.kecamatan_nama },
    desa: r.desa_kode ? { kode: r.desa_kode, nama: r.desa_nama ?? r.desa_kode } : null,
    outsideMeters: r.outside_meters,
    hasPhoto: r.photo_updated_at !== null,
    active: r.active,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** A facility as anyone sees it: every field named, nothing of who entered it or when. */
export function presentPublicFacility(r: FacilityRow): PublicFacility {
  return {
    id: r.id,
    type: r.type,
    name: r.name,
    address: r.address,
    contact: r.contact,
    lat: Number(r.lat),
    lng: Number(r.lng),
    kecamatanKode: r.kecamatan_kode,
    kecamatan: r.kecamatan_nama,
    desa: r.desa_nama,
    hasPhoto: r.photo_updated_at !== null,
  };
}
