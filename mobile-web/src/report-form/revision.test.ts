import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { SituationBody } from "@contract/reports.ts";
import { reportView } from "@kit/testing/report-view.ts";
import { newClientId } from "../outbox/client-id.ts";
import { makePayload, photo, useTestSyncs } from "../outbox/outbox.testing.ts";
import { sha256Hex } from "../outbox/photos.ts";
import { assemble, initialOf } from "./form-values.ts";
import { periodicResend } from "./periodic-resend.ts";
import { canRevise, isStaleRevision, pendingRevisionOf, reviseTargetOf, revisionFormValues, withRevises } from "./revision.ts";
import { validateReport } from "./validation.ts";

const REPORT_ID = "7d1f2c3a-4b5e-4f60-8a71-92b3c4d5e6f7";

/** A situation report sent back for revision, with its body as the server stores it (defaults filled in). */
const sentBack = (over: Parameters<typeof reportView>[1] = {}) =>
  reportView(REPORT_ID, {
    status: "revision_requested",
    statusNote: "Lengkapi jumlah massa",
    version: 3,
    revision: 1,
    perihal: "Unjuk rasa di kantor desa",
    occurredAt: "2026-03-02T01:30:00.000Z",
    body: SituationBody.parse({
      pendahuluan: { sumber: "Kepala desa", nilaiInformasi: "B2" },
      fakta: { siapa: "Warga", apa: "Unjuk rasa", diMana: "Kantor desa", bagaimana: "Damai", bilamana: "Pagi", jumlahMassa: 50 },
      pendapat: { analisa: "Kondusif" },
    }),
    ...over,
  });

/** What the form reads back when the officer changed `changes` (field name → value) and saved. */
function savedForm(initial: Record<string, unknown>, changes: Record<string, string | number>) {
  const names = ["perihal", "kerawanan", "bidang", "subCategory", "classification", "occurredAt", "pendahuluan.sumber", "pendahuluan.nilaiInformasi",
    "fakta.siapa", "fakta.apa", "fakta.diMana", "fakta.bagaimana", "fakta.bilamana", "fakta.jumlahMassa", "pendapat.analisa"];
  return assemble(names.map((n) => [n, (changes[n] ?? initialOf(initial, n)) as string | number]));
}

describe("revising a report from the phone", () => {
  it("fills the form with the report's last submitted content", () => {
    const values = revisionFormValues(sentBack());
    expect(initialOf(values, "perihal")).toBe("Unjuk rasa di kantor desa");
    expect(initialOf(values, "fakta.jumlahMassa")).toBe(50);
    expect(initialOf(values, "pendahuluan.nilaiInformasi")).toBe("B2");
    expect(initialOf(values, "pendapat.analisa")).toBe("Kondusif");
    expect(initialOf(values, "location")).toEqual({ lat: -2.3217, lng: 115.4584, accuracyM: 10, source: "gps" });
    expect(values).not.toHaveProperty("clientId");
  });

  it("never writes into the listed report while the form is edited", () => {
    const report = sentBack();
    const values = revisionFormValues(report);
    ((values.body as { fakta: Record<string, unknown> }).fakta).siapa = "Diubah";
    expect((report.body as { fakta: { siapa: string } }).fakta.siapa).toBe("Warga");
  });

  it("builds a valid submission that revises the report at the version seen, under a new client id", () => {
    const report = sentBack();
    const values = revisionFormValues(report);
    const clientId = newClientId();
    const raw = withRevises(
      { ...savedForm(values, { "fakta.jumlahMassa": 150 }), kind: "situation", clientId, sentAt: new Date().toISOString(), location: values.location, photos: [] },
      reviseTargetOf(report),
    );
    const result = validateReport(raw);
    expect(result.ok).toBe(true);
    if (!result.ok || result.data.kind !== "situation") return;
    expect(result.data.revises).toEqual({ reportId: REPORT_ID, version: 3 });
    expect(result.data.clientId).toBe(clientId);
    expect(result.data.body.fakta.jumlahMassa).toBe(150);
    expect(result.data.body.fakta.siapa).toBe("Warga");
  });

  it("adds `revises` only to a situation report that has a target", () => {
    const target = reviseTargetOf(sentBack());
    expect(withRevises({ kind: "situation" }, undefined)).toEqual({ kind: "situation" });
    expect(withRevises({ kind: "daily" }, target)).toEqual({ kind: "daily" });
  });

  it("offers a revision only for a situation report sent back for one", () => {
    expect(canRevise(sentBack())).toBe(true);
    expect(canRevise(sentBack({ status: "submitted" }))).toBe(false);
    expect(canRevise(sentBack({ status: "rejected" }))).toBe(false);
    expect(canRevise(sentBack({ kind: "daily" }))).toBe(false);
  });

  it("finds the revision still on the phone, and knows a refused one whose report moved on", () => {
    const revision = { ...makePayload(), revises: { reportId: REPORT_ID, version: 3 } };
    const entries = [{ payload: makePayload() }, { payload: revision }];
    expect(pendingRevisionOf(entries, REPORT_ID)?.payload).toBe(revision);
    expect(pendingRevisionOf(entries, "another")).toBeUndefined();
    const conflict = { code: "conflict" as const, message: "This report is verified" };
    expect(isStaleRevision({ state: "refused", payload: revision, lastError: conflict })).toBe(true);
    expect(isStaleRevision({ state: "refused", payload: makePayload(), lastError: conflict })).toBe(false);
    expect(isStaleRevision({ state: "refused", payload: revision, lastError: { code: "invalid_input", message: "x" } })).toBe(false);
    expect(isStaleRevision({ state: "pending", payload: revision })).toBe(false);
  });
});

describe("sending a periodic report again", () => {
  const daily = (status: "submitted" | "verified" | "published" | "rejected") => ({ kind: "daily" as const, period: "2026-03-02", status });

  it("is an amendment once the report of that period is verified or published", () => {
    expect(periodicResend([daily("verified")], "daily", "2026-03-02")).toBe("amendment");
    expect(periodicResend([daily("published")], "daily", "2026-03-02")).toBe("amendment");
  });

  it("is a revision back to review before that, and new for another period or kind", () => {
    expect(periodicResend([daily("submitted")], "daily", "2026-03-02")).toBe("revision");
    expect(periodicResend([daily("rejected")], "daily", "2026-03-02")).toBe("revision");
    expect(periodicResend([daily("verified")], "daily", "2026-03-03")).toBe("new");
    expect(periodicResend([daily("verified")], "weekly", "2026-03-02")).toBe("new");
    expect(periodicResend([daily("verified")], "daily", "")).toBe("new");
  });
});

describe("a revision through the outbox", () => {
  const testSync = useTestSyncs();

  it("declares the photos the server has without uploading them again, and uploads the new one", async () => {
    const { sync, server } = await testSync();
    await sync.start();
    const kept = photo([1, 2, 3]);
    const added = photo([4, 5, 6]);
    const keptSha = await sha256Hex(kept);
    const addedSha = await sha256Hex(added);
    const payload = { ...makePayload(), revises: { reportId: REPORT_ID, version: 3 } };
    const entry = await sync.add(payload, [
      { blob: kept, sha256: keptSha, mime: "image/jpeg", uploaded: true },
      { blob: added, sha256: addedSha, mime: "image/jpeg" },
    ]);
    expect(entry.payload).toMatchObject({ revises: { reportId: REPORT_ID, version: 3 }, photos: [keptSha, addedSha] });
    await sync.idle();
    expect(server.submitted.map((s) => s.clientId)).toEqual([payload.clientId]);
    expect(server.uploads.map((u) => u.sha256)).toEqual([addedSha]);
    expect(sync.status.entries.value).toEqual([]);
  });
});
