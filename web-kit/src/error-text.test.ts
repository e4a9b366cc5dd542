import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.ts";
import { createErrorText } from "./error-text.ts";
import { createI18n } from "./i18n.ts";
import { kitEn } from "./messages.en.ts";
import { kitId } from "./messages.id.ts";

function texts() {
  const i18n = createI18n({ id: kitId, en: kitEn, storage: null });
  return { ...createErrorText(i18n), setLang: i18n.setLang };
}

// What the server answers for an empty new-user form (server/core/errors.ts zodFields).
const emptyUserForm = new ApiError(400, "invalid_input", "Input is not valid", {
  username: "Too small: expected string to have >=3 characters",
  role: 'Invalid option: expected one of "officer"|"verifier"|"admin"|"guest"',
  kecamatanKode: "an officer needs a kecamatan",
}, undefined, {
  username: { code: "too_short", limit: 3 },
  role: { code: "choose_one" },
  kecamatanKode: { code: "invalid" },
});

describe("error texts", () => {
  it("shows field problems by code in Indonesian, never zod's message", () => {
    const { fieldErrors, errorText } = texts();
    expect(fieldErrors(emptyUserForm)).toEqual({ username: "Minimal 3 karakter.", role: "Pilih salah satu.", kecamatanKode: "Petugas harus memiliki kecamatan." });
    expect(errorText(emptyUserForm)).toBe("Periksa kembali isian yang ditandai.");
  });

  it("shows them in English when chosen", () => {
    const { fieldErrors, errorText, setLang } = texts();
    void setLang("en");
    expect(fieldErrors(emptyUserForm)).toEqual({ username: "At least 3 characters.", role: "Choose one of the options.", kecamatanKode: "an officer needs a kecamatan" });
    expect(errorText(new ApiError(0, "network", "offline"))).toBe("Cannot reach the server. Check your connection.");
  });

  it("reads zod's own messages stored without codes (old refused reports), and hides unknown ones", () => {
    const { fieldErrors } = texts();
    const stored = { code: "invalid_input", message: "Input is not valid", fields: {
      "fakta.siapa": "Invalid input: expected string, received undefined",
      kind: 'Invalid option: expected one of "situation"|"daily"',
      perihal: "Too big: expected string to have <=200 characters",
      other: "Some new English sentence",
    } };
    expect(fieldErrors(stored)).toEqual({ "fakta.siapa": "Wajib diisi.", kind: "Pilih salah satu.", perihal: "Maksimal 200 karakter.", other: "Isian tidak valid." });
  });

  it("says a failure by its code, with known server messages translated", () => {
    const { errorText } = texts();
    expect(errorText(new ApiError(403, "forbidden", "Not allowed"))).toBe("Anda tidak memiliki akses untuk tindakan ini.");
    expect(errorText(new ApiError(409, "conflict", "This sub-category already exists for that bidang"))).toBe(
      "Data telah berubah atau bertentangan: Sub-kategori ini sudah ada untuk bidang tersebut",
    );
    expect(errorText(new ApiError(409, "conflict", "Unique violation on xyz"))).toBe("Data telah berubah atau bertentangan dengan data lain.");
    expect(errorText(new ApiError(422, "outside_region", "Location is outside Kabupaten Balangan"))).toBe("Lokasi berada di luar Kabupaten Balangan.");
    expect(errorText({ code: "timeout", message: "No answer within 20 s" })).toBe("Tidak dapat menghubungi server. Periksa koneksi Anda.");
    expect(errorText({ code: "some_new_code", message: "x" })).toBe("Terjadi kesalahan. Silakan coba lagi.");
    expect(errorText(new Error("boom"))).toBe("Terjadi kesalahan. Silakan coba lagi.");
  });
});
