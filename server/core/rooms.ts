import type { Role } from "@contract/auth.ts";

/** Room names come only from here, so who-gets-what stays reviewable in one file. */
export const rooms = {
  user: (id: string) => `user:${id}`,
  session: (sid: string) => `session:${sid}`,
  role: (role: Role) => `role:${role}`,
  /** Verifiers acting on one kecamatan. */
  kecamatanVerifiers: (kode: string) => `kec:${kode}`,
  /** The command-center wall: kiosk sockets, and leaders' or admins' sockets that asked for it (`auth: { view: "wall" }`). */
  wall: "wall",
  /** The sockets of one kiosk token, closed when it is revoked. */
  kiosk: (id: string) => `kiosk:${id}`,
  /** Published, redacted data: guests on the main namespace. */
  public: "public",
} as const;

/** Namespace for anonymous visitors: published data only, no session needed. */
export const PUBLIC_NAMESPACE = "/public";
