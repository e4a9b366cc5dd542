import type { DutyReminder } from "@contract/duties.ts";
import type { IoServer } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";

/** A reminder to the officer's own sockets (their phone); `GET /api/duties/mine` lists the same duties. */
export function sendDutyReminder(io: IoServer): (officerId: string, reminder: DutyReminder) => void {
  return (officerId, reminder) => io.to(rooms.user(officerId)).emit("duty:reminder", reminder);
}
