import { createModel, signal } from "@preact/signals";
import type { Role } from "@contract/auth.ts";
import type { AdminUserView, OneTimePasswordResult } from "@contract/users.ts";
import type { Http } from "../api/http.ts";
import { withQuery } from "../api/http.ts";

export interface UserFilter {
  q: string;
  role: Role | "";
  kecamatan: string;
  active: "" | "true" | "false";
}

/** The form's shape: the API's field names, so inputs can be named after them and errors land beside them. */
export interface UserDraft {
  username: string;
  displayName: string;
  role: Role | "";
  kecamatanKode: string;
  position: string;
  nip: string;
  phone: string;
  verifierRegions: string[];
  password: string;
}

export const PAGE_SIZE = 50;

/** Empty strings mean "not given"; role-specific fields are sent only for the role that carries them. */
export function draftToInput(d: UserDraft, mode: "create" | "edit") {
  const input: Record<string, unknown> = {
    displayName: d.displayName,
    role: d.role || undefined,
    kecamatanKode: d.role === "officer" ? d.kecamatanKode || null : null,
    position: d.position || null,
    nip: d.nip || null,
    phone: d.phone || null,
    verifierRegions: d.role === "verifier" ? d.verifierRegions : [],
  };
  if (mode === "create") {
    input.username = d.username;
    if (d.password) input.password = d.password;
  }
  return input;
}

export function userToDraft(u: AdminUserView): UserDraft {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    kecamatanKode: u.kecamatanKode ?? "",
    position: u.position ?? "",
    nip: u.nip ?? "",
    phone: u.phone ?? "",
    verifierRegions: [...u.verifierRegions],
    password: "",
  };
}

export const emptyDraft = (): UserDraft => ({
  username: "",
  displayName: "",
  role: "",
  kecamatanKode: "",
  position: "",
  nip: "",
  phone: "",
  verifierRegions: [],
  password: "",
});

/** Account administration for admins: the filtered list and the actions on one account. */
export const UsersModel = createModel((http: Http) => {
  const filter = signal<UserFilter>({ q: "", role: "", kecamatan: "", active: "" });
  const offset = signal(0);
  const users = signal<AdminUserView[]>([]);
  const total = signal(0);
  const loading = signal(false);
  const error = signal<unknown>(null);
  /** The one-time password just issued, with whom it belongs to; cleared when the admin confirms. */
  const issued = signal<{ username: string; password: string } | null>(null);
  let request = 0;

  async function load() {
    const mine = ++request;
    loading.value = true;
    try {
      const f = filter.value;
      const path = withQuery("/api/users", { ...f, limit: PAGE_SIZE, offset: offset.value });
      const answer = await http.get<{ users: AdminUserView[]; total: number }>(path);
      if (mine !== request) return; // a newer search superseded this one
      users.value = answer.users;
      total.value = answer.total;
      error.value = null;
    } catch (err) {
      if (mine === request) error.value = err;
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  function search(next: Partial<UserFilter>) {
    filter.value = { ...filter.value, ...next };
    offset.value = 0;
    return load();
  }

  function page(delta: number) {
    offset.value = Math.max(0, offset.value + delta * PAGE_SIZE);
    return load();
  }

  function replace(user: AdminUserView) {
    users.value = users.value.map((u) => (u.id === user.id ? user : u));
  }

  function remember(result: OneTimePasswordResult) {
    if (result.oneTimePassword) issued.value = { username: result.user.username, password: result.oneTimePassword };
  }

  async function create(draft: UserDraft): Promise<AdminUserView> {
    const result = await http.post<OneTimePasswordResult>("/api/users", draftToInput(draft, "create"));
    remember(result);
    await load();
    return result.user;
  }

  async function update(id: string, changes: Record<string, unknown>): Promise<AdminUserView> {
    const { user } = await http.patch<{ user: AdminUserView }>(`/api/users/${id}`, changes);
    replace(user);
    return user;
  }

  async function resetPassword(id: string): Promise<void> {
    const result = await http.post<OneTimePasswordResult>(`/api/users/${id}/reset-password`);
    replace(result.user);
    remember(result);
  }

  function dismissIssued() {
    issued.value = null;
  }

  return { filter, offset, users, total, loading, error, issued, load, search, page, create, update, resetPassword, dismissIssued };
});
