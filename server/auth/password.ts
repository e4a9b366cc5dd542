import argon2 from "argon2";
import { randomInt } from "node:crypto";

/** OWASP's argon2id minimum (m = 19 MiB, t = 2, p = 1): ~20 ms a hash here, strong against GPUs. */
export const ARGON2_PARAMS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_PARAMS);
}

/** A valid hash of nothing anyone knows, so unknown usernames cost as much time as wrong passwords. */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  try {
    if (hash === null) {
      decoyHash ??= hashPassword(`decoy-${randomInt(1e9)}`);
      await argon2.verify(await decoyHash, password);
      return false;
    }
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Hashes made with weaker parameters are upgraded at the next successful login. */
export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_PARAMS);
}

// No 0/O, 1/l/I: people read these aloud over the phone to officers.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password shown once to an admin: 14 characters ≈ 81 bits. */
export function generateOneTimePassword(length = 14): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
