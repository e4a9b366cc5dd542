import { describe, expect, it } from "vitest";
import type { ReportHistoryEntry } from "@contract/report-detail.ts";
import { foldPublicationEntries } from "./history-fold.ts";

const admin = { id: "u-admin", displayName: "Admin", role: "admin" };
const verifier = { id: "u-ver", displayName: "Verifikator", role: "verifier" };
const entry = (id: string, action: ReportHistoryEntry["action"], at: string, extra: Partial<ReportHistoryEntry> = {}): ReportHistoryEntry => ({
  id,
  at,
  action,
  actor: admin,
  fromStatus: null,
  toStatus: null,
  note: null,
  details: null,
  ...extra,
});

describe("folding publication entries", () => {
  it("folds a status change into the publication entry it came with, keeping from → to and the facts", () => {
    const folded = foldPublicationEntries([
      entry("1", "submitted", "2026-11-29T08:00:00.000Z", { actor: verifier, toStatus: "submitted" }),
      entry("2", "status_changed", "2026-11-30T03:57:36.100Z", { fromStatus: "verified", toStatus: "published" }),
      entry("3", "published", "2026-11-30T03:57:36.120Z", { details: { generalization: "desa", photos: 1 } }),
      entry("4", "status_changed", "2026-11-30T05:00:00.000Z", { fromStatus: "published", toStatus: "verified" }),
      entry("5", "unpublished", "2026-11-30T05:00:00.010Z", { note: "Ditarik" }),
    ]);
    expect(folded.map((e) => [e.id, e.action, e.fromStatus, e.toStatus, e.note])).toEqual([
      ["1", "submitted", null, "submitted", null],
      ["3", "published", "verified", "published", null],
      ["5", "unpublished", "published", "verified", "Ditarik"],
    ]);
    expect(folded[1]!.details).toEqual({ generalization: "desa", photos: 1 });
  });

  it("leaves a status change alone when the next entry is someone else's, much later, or not a publication", () => {
    const entries = [
      entry("1", "status_changed", "2026-11-30T03:00:00.000Z", { fromStatus: "submitted", toStatus: "verified" }),
      entry("2", "published", "2026-11-30T03:00:01.000Z", { actor: verifier }),
      entry("3", "status_changed", "2026-11-30T04:00:00.000Z", { fromStatus: "verified", toStatus: "published" }),
      entry("4", "published", "2026-11-30T04:10:00.000Z"),
      entry("5", "status_changed", "2026-11-30T05:00:00.000Z", { fromStatus: "published", toStatus: "verified" }),
      entry("6", "claimed", "2026-11-30T05:00:00.000Z"),
    ];
    expect(foldPublicationEntries(entries).map((e) => e.id)).toEqual(["1", "2", "3", "4", "5", "6"]);
  });
});
