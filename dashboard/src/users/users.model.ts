import { createModel, signal } from "@preact/signals";
import type { Role } from "@contract/auth.ts";
import type { AdminUserView, OneTimePasswordResult } from "@contract/users.ts";
import type { RouteInput } from "@contract/routes.ts";
import type { Http } from "@kit/http.ts";

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

type CreateUserBody = RouteInput<"POST /api/users">["body"];
export type UpdateUserBody = RouteInput<"PATCH /api/users/:id">["body"];

/** Empty strings mean "not given"; role-specific fields are sent only for the role that carries them. */
function draftFields(d: UserDraft) {
  return {
    displayName: d.displayName,
    kecamatanKode: d.role === "officer" ? d.kecamatanKode || null : null,
    position: d.position || null,
    nip: d.nip || null,
    phone: d.phone || null,
    verifierRegions: d.role === "verifier" ? d.verifierRegions : [],
  };
}

export function draftToUpdate(d: UserDraft): UpdateUserBody {
  return { ...draftFields(d), role: d.role || undefined };
}

export function draftToCreate(d: UserDraft): CreateUserBody {
  return {
    ...draftFields(d),
    username: d.username,
    // Not chosen yet: sent as absent (hence the cast), so the server's message for the field shows beside it.
    role: (d.role || undefined) as Role,
    ...(d.password ? { password: d.password } : {}),
  };
}

/** The list filter as query parameters: an empty choice means "any" and is left out. */
function filterQuery(f: UserFilter) {
  return { q: f.q || undefined, role: f.role || undefined, kecamatan: f.kecamatan || undefined, active: f.active || undefined };
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
      const query = { ...filterQuery(f), limit: PAGE_SIZE, offset: offset.value };
      const { data, page } = await http.call("GET /api/users", { query });
      if (mine !== request) return; // a newer search superseded this one
      users.value = data;
      total.value = page.total ?? data.length;
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
    const { data: result } = await http.call("POST /api/users", { body: draftToCreate(draft) });
    remember(result);
    await load();
    return result.user;
  }

  async function update(id: string, changes: UpdateUserBody): Promise<AdminUserView> {
    const { data: user } = await http.call("PATCH /api/users/:id", { params: { id }, body: changes });
    replace(user);
    return user;
  }

  async function resetPassword(id: string): Promise<void> {
    const { data: result } = await http.call("POST /api/users/:id/reset-password", { params: { id } });
    replace(result.user);
    remember(result);
  }

  function dismissIssued() {
    issued.value = null;
  }

  return { filter, offset, users, total, loading, error, issued, load, search, page, create, update, resetPassword, dismissIssued };
});
