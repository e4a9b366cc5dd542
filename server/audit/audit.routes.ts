import type { Router } from "express";
import type { Sequelize } from "sequelize";
import { routerFor, type AccessGuard } from "../core/routes.ts";
import { getAuditEntries } from "./audit.repo.ts";

/** `guard` comes from auth/ (which records into the audit log, so audit/ does not import it back). */
export function auditRouter(db: Sequelize, guard: AccessGuard<"GET /api/audit">): Router {
  return routerFor(
    {
      /** Newest first; the next page is the entries before the last id (the log is append-only). */
      "GET /api/audit": async ({ query }) => {
        const { action, ...rest } = query;
        const entries = await getAuditEntries(db, { ...rest, actions: action });
        const last = entries.at(-1);
        return { data: entries, page: { total: null, next: entries.length === query.limit && last ? String(last.id) : null } };
      },
    },
    guard,
  );
}
