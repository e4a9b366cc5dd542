import type { KioskTokenView } from "@contract/wall.ts";
import type { KioskRow } from "./kiosk.repo.ts";

/** A kiosk token as admins list it: never the secret or its hash. */
export function presentKiosk(r: KioskRow): KioskTokenView {
  return {
    id: r.id,
    label: r.label,
    prefix: r.prefix,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by_name,
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  };
}
