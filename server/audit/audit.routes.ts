import { Router } from "express";
import type { Sequelize } from "sequelize";
import { AuditQuery } from "@contract/users.ts";
import { parseInput } from "../core/validate.ts";
import { authorize } from "../auth/auth.middleware.ts";
import { getAuditEntries } from "./audit.repo.ts";

export function auditRouter(db: Sequelize): Router {
  const router = Router();
  router.get("/api/audit", authorize("audit.read"), async (req, res) => {
    const query = parseInput(AuditQuery, req.query);
    res.json({ entries: await getAuditEntries(db, query) });
  });
  return router;
}
