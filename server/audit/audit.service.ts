import type { Request } from "express";
import type { Sequelize, Transaction } from "sequelize";
import { insertAuditRecord, type AuditRecord } from "./audit.repo.ts";

/** Security-relevant actions recorded in the append-only audit log. */
export type AuditAction =
  | "login.success"
  | "login.failure"
  | "login.throttled"
  | "logout"
  | "user.created"
  | "user.updated"
  | "user.disabled"
  | "user.enabled"
  | "user.role_changed"
  | "user.password_reset"
  | "user.password_changed"
  | "user.registered"
  | "user.initial_admin";

export function createAuditService(db: Sequelize) {
  return {
    record(
      req: Request | null,
      action: AuditAction,
      r: Omit<AuditRecord, "action" | "ip"> = {},
      transaction?: Transaction,
    ): Promise<void> {
      return insertAuditRecord(
        db,
        {
          ...r,
          action,
          actorId: r.actorId ?? req?.user?.id ?? null,
          actorUsername: r.actorUsername ?? req?.user?.username ?? null,
          ip: req?.ip ?? null,
        },
        transaction,
      );
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
