import { describe, expect, it } from "vitest";
import { CreateUserInput } from "@contract/users.ts";
import { apiErrorOf } from "@kit/api-error.ts";
import { toAppError } from "../../../server/core/errors.ts";
import { fieldErrors, setLang } from "../i18n/i18n.ts";
import { draftToCreate, emptyDraft } from "./users.model.ts";

/** The server's answer to a create-user body, as the dashboard's client reads it. */
function answerTo(body: unknown) {
  const parsed = CreateUserInput.safeParse(body);
  if (parsed.success) throw new Error("expected a refusal");
  const appError = toAppError(parsed.error);
  return apiErrorOf(appError.status, appError.toBody());
}

describe("the new-user form's errors", () => {
  it("says what is wrong with an empty form per field, in Indonesian, never with zod's message", async () => {
    const shown = fieldErrors(answerTo(draftToCreate(emptyDraft())));
    expect(Object.keys(shown).length).toBeGreaterThan(0);
    for (const text of Object.values(shown)) expect(text).not.toMatch(/Invalid|expected|received/);
    expect(Object.values(shown)).toContain("Wajib diisi.");
    expect(shown.role).toBe("Pilih salah satu.");
  });

  it("says it in English when chosen", async () => {
    await setLang("en");
    try {
      expect(fieldErrors(answerTo({ ...draftToCreate(emptyDraft()), role: "captain" })).role).toBe("Choose one of the options.");
    } finally {
      await setLang("id");
    }
  });
});
