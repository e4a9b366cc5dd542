import type { Role } from "@contract/auth.ts";

/** Every role once; the Record makes the type checker insist on a new role being listed here. */
const ROLE_ORDER: Record<Role, number> = { officer: 0, verifier: 1, leader: 2, admin: 3, guest: 4 };
export const ROLES = (Object.keys(ROLE_ORDER) as Role[]).sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);
