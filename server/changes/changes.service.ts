import type { Sequelize } from "sequelize";
import type { ChangeEnvelope } from "@contract/events.ts";
import { regionFilter, scopeOf, type Actor } from "../auth/permissions.ts";
import { forbidden } from "../core/errors.ts";
import { lastSeq, listChanges, type ChangeFilter, type ChangeRow } from "./changes.repo.ts";

export function toEnvelope(row: ChangeRow): ChangeEnvelope {
  return {
    seq: Number(row.seq),
    entity: row.entity,
    entityId: row.entity_id,
    kind: row.kind,
    at: new Date(row.at).toISOString(),
    data: row.payload,
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

/** Current state of entities by id, as the actor may see them (the filter already chose the rows). */
export type EntityLoader = (ids: string[]) => Promise<Map<string, unknown>>;

export function createChangesService(db: Sequelize, loadReports: EntityLoader) {
  return {
    /** The newest seq now: a client that loads a list after reading this resumes from here. */
    lastSeq: () => lastSeq(db),

    /** What a client missed after `after`, oldest first. `lastSeq` is where to continue from. */
    async since(actor: Actor, after: number, limit: number) {
      const rows = await listChanges(db, after, limit, changeFilterFor(actor));
      const current = await loadReports([...new Set(rows.map((r) => r.entity_id))]);
      const changes = rows.map((r) => toEnvelope({ ...r, payload: current.get(r.entity_id) ?? null }));
      return { changes, lastSeq: changes.at(-1)?.seq ?? after, more: changes.length === limit };
    },
  };
}

export type ChangesService = ReturnType<typeof createChangesService>;
