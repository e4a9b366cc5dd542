import { dataOf, pageOf } from "./envelope.ts";
import { IssuedKioskToken, IssueKioskTokenInput, KioskTokenParams, KioskTokenView, WallChangesQuery, WallReportChange, WallSettings, WallSnapshot } from "./wall.ts";

/** The wall's and kiosk tokens' routes of the API table (routes.ts spreads them into API_ROUTES, which checks each entry against RouteSpec). */
export const WALL_ROUTES = {
  // The command-center wall (issue 16, wall.ts): read by leaders, admins and kiosk tokens (read-only screens).
  /** Everything the wall draws, as of `seq` (taken before the reads: follow `wall:report` or the changes from it). */
  "GET /api/wall": { access: "wall.read", output: dataOf(WallSnapshot) },
  /** Report changes after `after`, oldest first; `page.next` is the last seq when the page is full, null when caught up. */
  "GET /api/wall/changes": { access: "wall.read", query: WallChangesQuery, output: pageOf(WallReportChange), cursor: "after" },
  "GET /api/wall/settings": { access: "wall.read", output: dataOf(WallSettings) },
  "PUT /api/wall/settings": { access: "wall.manage", body: WallSettings, output: dataOf(WallSettings) },
  /** Every kiosk token, newest first, revoked ones included; never a secret. */
  "GET /api/kiosk-tokens": { access: "wall.manage", output: pageOf(KioskTokenView) },
  /** 201 with the secret, shown this once. */
  "POST /api/kiosk-tokens": { access: "wall.manage", body: IssueKioskTokenInput, output: dataOf(IssuedKioskToken) },
  /** Revoke: the screen's sockets close within 2 s and its next request is a 401. Revoking again changes nothing. */
  "DELETE /api/kiosk-tokens/:id": { access: "wall.manage", params: KioskTokenParams, output: dataOf(KioskTokenView) },
} as const;
