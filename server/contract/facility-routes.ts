import { z } from "zod";
import { dataOf, pageOf } from "./envelope.ts";
import * as F from "./facilities.ts";

/** The facility routes of the API table (routes.ts spreads them into API_ROUTES, which checks each entry against RouteSpec). */
export const FACILITY_ROUTES = {
  // Facilities (fasilitas, issue 14, facilities.ts, `F`): admins keep typed points; kecamatan and desa come from the point.
  /** Filtered by type, kecamatan and words (`q`), in offset pages. */
  "GET /api/facilities": { access: "facility.manage", query: F.FacilityListQuery, output: pageOf(F.FacilityView), cursor: "offset" },
  /** 201; 400 (`outside_region`) for a point more than 2 km outside Balangan. */
  "POST /api/facilities": { access: "facility.manage", body: F.CreateFacilityInput, output: dataOf(F.FacilityView) },
  /** CSV (JSON `{ csv, dryRun }` or a raw `text/csv` body with `?dryRun=true`): a result per row with its line; valid rows inserted in one transaction. */
  "POST /api/facilities/import": { access: "facility.manage", query: F.ImportFacilitiesQuery, body: F.ImportFacilitiesInput, output: dataOf(F.ImportFacilitiesResult) },
  /** 409 when `version` is not the facility's. */
  "PATCH /api/facilities/:id": { access: "facility.manage", params: F.FacilityIdParams, body: F.UpdateFacilityInput, output: dataOf(F.FacilityView) },
  "DELETE /api/facilities/:id": { access: "facility.manage", params: F.FacilityIdParams, output: "empty" },
  /** Raw image bytes, the report photos' rules (10 MB, JPEG / PNG / WebP by content); stored as WebP without metadata, replacing any before. */
  "PUT /api/facilities/:id/photo": { access: "facility.manage", params: F.FacilityIdParams, body: "bytes", output: dataOf(F.FacilityView) },
  /** Every active facility, compact, for a map layer; only the documented filters (any other key is a 400); ETag, 304 while unchanged. */
  "GET /api/public/facilities": { access: "public", query: F.PublicFacilitiesQuery, output: dataOf(z.array(F.PublicFacility)) },
  /** 404 unless the facility is active and has a photo. */
  "GET /api/public/facilities/:id/photo": { access: "public", params: F.FacilityIdParams, output: "file" },
} as const;
