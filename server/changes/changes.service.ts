import type { Sequelize } from "sequelize";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { ReportView } from "@contract/reports.ts";
import { regionFilter, scopeOf, type Actor } from "../auth/permissions.ts";
import { forbidden } from "../core/errors.ts";
import { lastSeq, listChanges, type ChangeFilter, type ChangeRow } from "./changes.repo.ts";

/** A change-log entry around the entity's view as its receiver may see it. */
export function toEnvelope<T>(row: ChangeRow, data: T): ChangeEnvelope<T> {
  return {
    seq: Number(row.seq),
    entity: row.entity,
    entityId: row.entity_id,
    kind: row.kind,
    at: new Date(row.at).toISOString(),
    data,
  };
}

/** The rows of the change log an actor may read; the same rules decide which rooms an event goes to. */
export function changeFilterFor(actor: Actor): ChangeFilter {
  const scope = scopeOf(actor, "changes.read");
  if (!scope) throw forbidden();
  if (actor.role === "guest") return { kecamatan: null, publishedOnly: true };
  if (scope === "own") return { kecamatan: null, authorId: actor.id };
  if (scope === "region") return { kecamatan: regionFilter(actor) };
  return { kecamatan: null };
}

/** Current state of reports by id, as the actor may see them (the filter already chose the rows). */
export type ReportLoader = (ids: string[]) => Promise<Map<string, ReportView>>;

export function createChangesService(db: Sequelize, loadReports: ReportLoader) {
  return {
    /** The newest seq now: a client that loads a list after reading this resumes from here. */
    lastSeq: () => lastSeq(db),

    /**
     * What a client missed after `after`, oldest first, each with the report as it is now (null if it is
     * gone). `lastSeq` is where to continue from.
     */
    async since(actor: Actor, after: number, limit: number) {
      const rows = await listChanges(db, after, limit, changeFilterFor(actor));
      const current = await loadReports([...new Set(rows.map((r) => r.entity_id))]);
      const changes = rows.map((r) => toEnvelope(r, current.get(r.entity_id) ?? null));
      return { changes, lastSeq: changes.at(-1)?.seq ?? after, more: changes.length === limit };
    },
  };
}

export type ChangesService = ReturnType<typeof createChangesService>;
