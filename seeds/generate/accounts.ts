import type { Logger } from "pino";
import type { CreateUserInput } from "@contract/users.ts";
import type { UsersService } from "../../server/users/users.service.ts";
import { DEMO_PASSWORD, demoAccounts, seedDemoAccounts } from "../demo.ts";
import type { Cast } from "./cast.ts";

/**
 * The cast of the generated office: the demo accounts (seeds/demo.ts: one officer per kecamatan, the two
 * verifiers), and for big runs extra officers, made the same way (the users service, password
 * `Demo-Sikanda-2026`), so a benchmark's million reports are not all one officer's.
 */

/** About one officer per this many reports; never fewer than one per kecamatan. */
const REPORTS_PER_OFFICER = 2_500;
/** Accounts created at once (argon2 hashes run on libuv's thread pool). */
const PARALLEL = 4;

type Kecamatan = { kode: string; nama: string };

const slug = (nama: string) => nama.toLowerCase().replace(/[^a-z]/g, "");

/** Extra officers for a run of `reports`: `petugas.<kecamatan>.<n>` (n from 2), spread over the kecamatan. */
export function extraOfficers(kecamatan: readonly Kecamatan[], reports: number): CreateUserInput[] {
  const wanted = Math.max(kecamatan.length, Math.ceil(reports / REPORTS_PER_OFFICER));
  return Array.from({ length: wanted - kecamatan.length }, (_, i): CreateUserInput => {
    const k = kecamatan[i % kecamatan.length]!;
    const n = Math.floor(i / kecamatan.length) + 2;
    return {
      username: `petugas.${slug(k.nama)}.${n}`,
      displayName: `Petugas ${k.nama} ${n}`,
      role: "officer",
      kecamatanKode: k.kode,
      position: "Agen Informasi Kecamatan",
      nip: `199102022021${String(i + 1).padStart(6, "0")}`,
      phone: null,
      verifierRegions: [],
      password: DEMO_PASSWORD,
    };
  });
}

async function createMissing(users: UsersService, accounts: CreateUserInput[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < accounts.length; i += PARALLEL) {
    const made = await Promise.all(
      accounts.slice(i, i + PARALLEL).map((a) =>
        users.create(null, a).then(
          () => 1,
          (err: unknown) => {
            if ((err as { fields?: Record<string, string> }).fields?.username) return 0; // exists already
            throw err;
          },
        ),
      ),
    );
    created += made.reduce((a, b) => a + b, 0);
  }
  return created;
}

/** Every user named, as the users service lists them (by username). */
async function findUsers(users: UsersService, usernames: readonly string[]) {
  const wanted = new Set(usernames);
  const found = new Map<string, Awaited<ReturnType<UsersService["list"]>>["users"][number]>();
  for (const q of [...new Set(usernames.map((u) => u.split(".")[0]!))]) {
    for (let offset = 0; ; offset += 200) {
      const page = await users.list({ q: `${q}.`, active: true, limit: 200, offset });
      for (const u of page.users) if (wanted.has(u.username)) found.set(u.username, u);
      if (page.users.length < 200) break;
    }
  }
  return found;
}

/** The demo accounts and the extra officers a run of `reports` needs, created if missing; their ids. */
export async function ensureDemoCast(users: UsersService, kecamatan: readonly Kecamatan[], reports: number, log: Logger): Promise<Cast> {
  await seedDemoAccounts(users, [...kecamatan], log);
  const extras = extraOfficers(kecamatan, reports);
  const created = await createMissing(users, extras);
  if (created) log.info({ created }, "extra demo officers created");
  const demo = demoAccounts([...kecamatan]);
  const officerNames = [...demo.filter((a) => a.role === "officer"), ...extras].map((a) => a.username);
  const verifierNames = demo.filter((a) => a.role === "verifier").map((a) => a.username);
  const found = await findUsers(users, [...officerNames, ...verifierNames]);
  return {
    officers: officerNames.flatMap((u) => {
      const f = found.get(u);
      return f?.role === "officer" && f.kecamatanKode ? [{ id: f.id, username: f.username, kecamatanKode: f.kecamatanKode }] : [];
    }),
    verifiers: verifierNames.flatMap((u) => {
      const f = found.get(u);
      return f?.role === "verifier" ? [{ id: f.id, username: f.username, regions: f.verifierRegions }] : [];
    }),
  };
}
