import type { Sequelize } from "sequelize";
import type { AgencyListQuery, AgencyView, CreateAgencyInput, UpdateAgencyInput } from "@contract/follow-ups.ts";
import type { AuditService } from "../audit/audit.service.ts";
import type { Clock } from "../core/clock.ts";
import { conflict, notFound } from "../core/errors.ts";
import type { RequestContext } from "../core/request-context.ts";
import { getAgenciesByIds, insertAgency, listAgencies, updateAgency } from "./agencies.repo.ts";
import { presentAgency } from "./follow-ups.present.ts";

const NAME_TAKEN = "An agency with this name exists already";

/**
 * The partner agencies admins keep (Polres, Kodim, Kejaksaan, Satpol PP, camat, Kominda members …).
 * An agency is retired (`active: false`), never deleted: its assignments keep naming it.
 */
export function createAgenciesService(db: Sequelize, audit: AuditService, clock: Clock) {
  return {
    async list(q: AgencyListQuery): Promise<{ agencies: AgencyView[]; total: number }> {
      const { rows, total } = await listAgencies(db, q);
      return { agencies: rows.map(presentAgency), total };
    },

    async create(ctx: RequestContext, input: CreateAgencyInput): Promise<AgencyView> {
      const row = await db.transaction(async (transaction) => {
        const row = await insertAgency(db, input, clock.now(), transaction);
        if (!row) throw conflict(NAME_TAKEN);
        await audit.record(ctx, "agency.created", { targetType: "agency", targetId: row.id, details: { name: row.name, kind: row.kind } }, transaction);
        return row;
      });
      return presentAgency(row);
    },

    async update(ctx: RequestContext, id: string, patch: UpdateAgencyInput): Promise<AgencyView> {
      const row = await db.transaction(async (transaction) => {
        const [before] = await getAgenciesByIds(db, [id], transaction);
        if (!before) throw notFound("Agency not found");
        const row = await updateAgency(db, id, patch, clock.now(), transaction).catch((err: unknown) => {
          throw (err as { name?: string })?.name === "SequelizeUniqueConstraintError" ? conflict(NAME_TAKEN) : err;
        });
        await audit.record(ctx, "agency.updated", { targetType: "agency", targetId: id, details: { name: row!.name, changes: patch } }, transaction);
        return row!;
      });
      return presentAgency(row);
    },
  };
}

export type AgenciesService = ReturnType<typeof createAgenciesService>;
