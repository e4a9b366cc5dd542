import { describe, expect, it } from "vitest";
import { saveFields, type NewsDraft } from "./news-admin.model.ts";

const draft = (d: Partial<NewsDraft>): NewsDraft => ({ title: "Judul", summary: "", body: "Isi", status: "draft", publishAt: "", ...d });

describe("the news editor's save", () => {
  it("reads the time as WITA wall time", () => {
    expect(saveFields(draft({ status: "scheduled", publishAt: "2026-12-01T08:30" })).publishAt).toBe("2026-12-01T00:30:00.000Z");
  });

  it("leaves the time to the server when publishing without one (now, or the first publication date)", () => {
    expect("publishAt" in saveFields(draft({ status: "published" }))).toBe(false);
  });

  it("sends an empty time of a draft or schedule as none, and an empty summary as none", () => {
    expect(saveFields(draft({ status: "draft" }))).toMatchObject({ publishAt: null, summary: null });
    expect(saveFields(draft({ status: "scheduled" })).publishAt).toBeNull();
  });
});
