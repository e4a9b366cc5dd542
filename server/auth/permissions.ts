import type { Audience, Role } from "@contract/auth.ts";

/**
 * Who may do what, as data. Every REST route and socket event names one of these actions (or `public`),
 * and a test walks all routes and events so that one without a decision cannot land.
 *
 * Scope says how far a grant reaches:
 * - `all`: every resource;
 * - `region`: resources in the user's kecamatan (officers) or verifier regions (verifiers; none = all);
 * - `own`: resources the user authored or is.
 */
export type Scope = "all" | "region" | "own";

/**
 * Who a grant names: the audiences (roles and anonymous), and `kiosk`, a wall screen's token. A kiosk is
 * no user and has no Actor: its requests are decided by `kioskMay`, never by `can`.
 */
export type Grantee = Audience | "kiosk";

export const PERMISSIONS = {
  "report.submit": { officer: "own" },
  "report.read.own": { officer: "own" },
  /** Listing reports: each role within its scope (officers their own, verifiers their regions). */
  "report.list": { officer: "own", verifier: "region", admin: "all", leader: "all" },
  "report.read.region": { verifier: "region", admin: "all", leader: "all" },
  "report.read.published": { anonymous: "all", guest: "all", officer: "all", verifier: "all", admin: "all", leader: "all" },
  "report.verify": { verifier: "region", admin: "all" },
  "report.publish": { verifier: "region", admin: "all" },
  /** A lease on a report while deciding on it (claims/); breaking another's lease is for admins. */
  "report.claim": { verifier: "region", admin: "all" },
  "report.claim.break": { admin: "all" },
  "changes.read": { officer: "own", verifier: "region", admin: "all", leader: "all", guest: "all" },
  /** Early-warning alerts (issue #16): verifiers their region's, leaders and admins all. */
  "alert.read": { verifier: "region", leader: "all", admin: "all" },
  "alert.acknowledge": { leader: "all", admin: "all" },
  /** The rules' parameters, and running them by hand. */
  "alert.manage": { admin: "all" },
  "user.manage": { admin: "all" },
  "audit.read": { admin: "all" },
  "news.manage": { admin: "all" },
  "facility.manage": { admin: "all" },
  /** The sub-category list of the report form. */
  "sub_category.manage": { admin: "all" },
  /** Merging duplicate reports into incidents and unmerging them (issue #13). */
  "incident.manage": { verifier: "region", admin: "all" },
  /** The partner agencies follow-ups are assigned to. */
  "agency.manage": { admin: "all" },
  /** Assigning reports and incidents to agencies, entering responses, closing. */
  "followup.manage": { verifier: "region", admin: "all" },
  /** Assignments, the agency list and the follow-up board; never officers or guests. */
  "followup.read": { verifier: "region", admin: "all", leader: "all" },
  /** Scheduled jobs (issue #15): their runs, and starting one by hand. */
  "job.read": { admin: "all" },
  "job.run": { admin: "all" },
  /** Statistics from the rollups: verifiers their region's. */
  "stats.read": { verifier: "region", admin: "all", leader: "all" },
  /** Reporting duties and the scorecard: officers their own, verifiers their region's officers. */
  "duty.read": { officer: "own", verifier: "region", admin: "all", leader: "all" },
  /** Deadlines, holidays, leave and officers' start days. */
  "duty.manage": { admin: "all" },
  /** The kabupaten monthly situation summary compiled from the kecamatan monthly reports: verifiers their region's. */
  "summary.read": { verifier: "region", admin: "all", leader: "all" },
  /**
   * The command-center wall (issue #16): its snapshot, change feed and settings. `kiosk` is a screen's
   * token (server/kiosk/), not a role: it holds this grant and no other, and never a session.
   */
  "wall.read": { leader: "all", admin: "all", kiosk: "all" },
  /** The wall's settings and the kiosk tokens (issue, list, revoke). */
  "wall.manage": { admin: "all" },
  "account.self": { officer: "own", verifier: "own", admin: "own", leader: "own", guest: "own" },
  "notification.subscribe": { guest: "own", officer: "own", verifier: "own", admin: "own", leader: "own" },
} as const satisfies Record<string, Partial<Record<Grantee, Scope>>>;

export type Action = keyof typeof PERMISSIONS;
/** `public` marks a route anyone may call, anonymous included: a decision too, not an omission. */
export type Access = Action | "public";

export interface Actor {
  id: string;
  role: Role;
  kecamatanKode: string | null;
  verifierRegions: string[];
}

/** What a permission is checked against: a report, a user, anything with a region and an owner. */
export interface Resource {
  kecamatanKode?: string | null;
  ownerId?: string | null;
}

export function scopeOf(actor: Actor | null, action: Action): Scope | undefined {
  const grants: Partial<Record<Audience, Scope>> = PERMISSIONS[action];
  return grants[actor ? actor.role : "anonymous"];
}

/** Whether a kiosk token may do this: only what a grant names `kiosk` for (the wall's reads). */
export function kioskMay(action: Action): boolean {
  const grants: Partial<Record<Grantee, Scope>> = PERMISSIONS[action];
  return grants.kiosk !== undefined;
}

/** Does the actor's grant for this action reach this resource? Without a resource: any grant at all. */
export function can(actor: Actor | null, action: Action, resource?: Resource): boolean {
  const scope = scopeOf(actor, action);
  if (!scope) return false;
  if (!resource || scope === "all") return true;
  if (!actor) return false;
  if (scope === "own") return resource.ownerId === actor.id;
  return inRegion(actor, resource.kecamatanKode ?? null);
}

/** The kecamatan an actor may see under `region` scope; null means every kecamatan. */
export function regionFilter(actor: Actor): string[] | null {
  if (actor.role === "officer") return actor.kecamatanKode ? [actor.kecamatanKode] : [];
  if (actor.role === "verifier") return actor.verifierRegions.length ? actor.verifierRegions : null;
  return null;
}

function inRegion(actor: Actor, kode: string | null): boolean {
  const allowed = regionFilter(actor);
  return allowed === null || (kode !== null && allowed.includes(kode));
}
