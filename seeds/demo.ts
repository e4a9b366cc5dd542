import type { Logger } from "pino";
import type { CreateUserInput } from "@contract/users.ts";
import type { UsersService } from "../server/users/users.service.ts";

/** Password of every demo account (documented in the README). Demo mode only; refused in production. */
export const DEMO_PASSWORD = "Demo-Sikanda-2026";

/** One officer per kecamatan (as the regions table holds them), two verifiers (north / south), an admin, a leader and a guest. */
export function demoAccounts(kecamatan: { kode: string; nama: string }[]): CreateUserInput[] {
  const base = { position: null, nip: null, phone: null, kecamatanKode: null, verifierRegions: [], password: DEMO_PASSWORD };
  const slug = (nama: string) => nama.toLowerCase().replace(/[^a-z]/g, "");
  return [
    { ...base, username: "admin", displayName: "Admin Kesbangpol", role: "admin" },
    { ...base, username: "pimpinan", displayName: "Kepala Badan Kesbangpol", role: "leader", position: "Kepala Badan" },
    {
      ...base,
      username: "verifikator.utara",
      displayName: "Verifikator Wilayah Utara",
      role: "verifier",
      verifierRegions: ["63.11.01", "63.11.02", "63.11.04", "63.11.08"],
    },
    {
      ...base,
      username: "verifikator.selatan",
      displayName: "Verifikator Wilayah Selatan",
      role: "verifier",
      verifierRegions: ["63.11.03", "63.11.05", "63.11.06", "63.11.07"],
    },
    { ...base, username: "tamu", displayName: "Pengguna Informasi", role: "guest" },
    ...kecamatan.map(
      (k, i): CreateUserInput => ({
        ...base,
        username: `petugas.${slug(k.nama)}`,
        displayName: `Petugas ${k.nama}`,
        role: "officer",
        kecamatanKode: k.kode,
        position: "Agen Informasi Kecamatan",
        nip: `1990010120200${String(i + 1).padStart(5, "0")}`,
      }),
    ),
  ];
}

/** Create the demo accounts that do not exist yet (idempotent across restarts). */
export async function seedDemoAccounts(users: UsersService, kecamatan: { kode: string; nama: string }[], log: Logger): Promise<void> {
  let created = 0;
  for (const account of demoAccounts(kecamatan)) {
    try {
      await users.create(null, account);
      created++;
    } catch (err) {
      if ((err as { fields?: Record<string, string> }).fields?.username) continue; // exists already
      throw err;
    }
  }
  if (created) log.info({ created, password: DEMO_PASSWORD }, "demo accounts created");
}
