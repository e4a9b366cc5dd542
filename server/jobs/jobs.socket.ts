import type { JobRunView } from "@contract/jobs.ts";
import type { IoServer } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";

/** Runs as they start, progress and end, to admins only (the job page). Not in the change log: the list is the record. */
export function announceJobRun(io: IoServer): (run: JobRunView) => void {
  return (run) => io.to(rooms.role("admin")).emit("job:progress", run);
}
