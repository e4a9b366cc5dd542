import type { FollowUpChange } from "@contract/follow-ups.ts";
import type { IoServer } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";
import type { AssignmentRow } from "./follow-ups.read.repo.ts";
import { presentAssignment } from "./follow-ups.present.ts";

/**
 * After the commit, `followup:changed` to those who may read the assignment: verifiers of its target's
 * kecamatan, admins and leaders. Never officers (not even the report's author) or guests.
 */
export function announceFollowUpChange(io: IoServer, kind: FollowUpChange["kind"], row: AssignmentRow): void {
  const audience = [...new Set(row.target_kecamatan)].map(rooms.kecamatanVerifiers).concat(rooms.role("admin"), rooms.role("leader"));
  io.to(audience).emit("followup:changed", { kind, assignment: presentAssignment(row) });
}
