import type { Logger } from "pino";
import type { IncidentChange } from "@contract/incidents.ts";
import { regionFilter } from "../auth/permissions.ts";
import type { IoServer, SocketActor } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";
import type { IncidentRow } from "./incidents.read.repo.ts";
import { presentIncident, type SeesKecamatan } from "./incidents.present.ts";

/** Whether this reader may see reports of a kecamatan: its region scope (verifiers), everything (others). */
export function seesKecamatanOf(actor: SocketActor): SeesKecamatan {
  const scope = regionFilter(actor);
  return (kode) => scope === null || scope.includes(kode);
}

/**
 * Staff rooms of every kecamatan involved (now, and before the change: a verifier whose report just left
 * learns it too), admins and leaders. Officers and guests never get incidents.
 */
export function incidentAudienceRooms(kecamatan: Iterable<string>): string[] {
  return [...new Set(kecamatan)].map(rooms.kecamatanVerifiers).concat(rooms.role("admin"), rooms.role("leader"));
}

/**
 * After the commit, `incident:changed` to each socket of the audience, with the incident as that reader
 * may see it (its report ids limited to their region), so a cross-region incident names no report a
 * verifier may not read.
 */
export function announceIncidentChange(
  io: IoServer,
  log: Logger,
  change: { kind: IncidentChange["kind"]; row: IncidentRow; moved: { id: string; kecamatan_kode: string }[] },
): void {
  const { kind, row, moved } = change;
  const kecamatan = [...row.kecamatan_kodes, ...row.members.map((m) => m.kecamatan_kode), ...moved.map((m) => m.kecamatan_kode)];
  void io
    .in(incidentAudienceRooms(kecamatan))
    .fetchSockets()
    .then((sockets) => {
      for (const socket of sockets) {
        const sees = seesKecamatanOf(socket.data.actor);
        const reportIds = moved.filter((m) => sees(m.kecamatan_kode)).map((m) => m.id);
        socket.emit("incident:changed", { kind, incident: presentIncident(row, sees), reportIds });
      }
    })
    .catch((err: unknown) => log.error({ err, incidentId: row.id }, "incident change not announced"));
}
