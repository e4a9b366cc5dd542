import { describe, expect, it } from "vitest";
import type { KioskTokenView } from "@contract/wall.ts";
import { createHttp } from "@kit/http.ts";
import { byLiveThenNewest, KiosksModel, wallUrlFor } from "./kiosks.model.ts";

const kiosk = (id: string, createdAt: string, revokedAt: string | null = null): KioskTokenView => ({
  id,
  label: `Layar ${id}`,
  prefix: "abcdef",
  createdAt,
  createdBy: "admin",
  lastUsedAt: null,
  revokedAt,
});

/** The server's kiosk and wall-settings routes behind plain fetch. */
function fakeServer(initial: KioskTokenView[]) {
  const rows = new Map(initial.map((k) => [k.id, { ...k }]));
  let settings = { rotateSeconds: 20, sound: false };
  const json = (status: number, body: unknown) => Response.json(body, { status });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = String(input);
    const method = init?.method ?? "GET";
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    if (method === "GET" && path === "/api/kiosk-tokens") return json(200, { data: [...rows.values()], page: { total: rows.size, next: null } });
    if (method === "GET" && path === "/api/wall/settings") return json(200, { data: settings });
    if (method === "PUT" && path === "/api/wall/settings") return json(200, { data: (settings = body as typeof settings) });
    if (method === "POST" && path === "/api/kiosk-tokens") {
      const made = kiosk(`k${rows.size + 1}`, "2026-11-30T01:00:00.000Z");
      rows.set(made.id, { ...made, label: String(body?.label) });
      return json(201, { data: { token: "S3cret-token_of-43-characters-xxxxxxxxxxxxx", kiosk: rows.get(made.id) } });
    }
    const id = /^\/api\/kiosk-tokens\/(.+)$/.exec(path)?.[1];
    const row = id ? rows.get(id) : undefined;
    if (method === "DELETE" && row) {
      row.revokedAt ??= "2026-11-30T02:00:00.000Z";
      return json(200, { data: { ...row } });
    }
    return json(404, { error: { code: "not_found", message: "No such kiosk token" } });
  };
  return { http: createHttp({ fetch }), rows };
}

describe("the kiosk page's model", () => {
  it("puts the token in the address's fragment, never its path or query", () => {
    expect(wallUrlFor("https://sikanda.example/", "abc_DEF-123")).toBe("https://sikanda.example/wall#kiosk=abc_DEF-123");
  });

  it("lists live tokens first, newest first, then the revoked ones", () => {
    const list = [kiosk("a", "2026-01-01T00:00:00Z"), kiosk("b", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"), kiosk("c", "2026-02-01T00:00:00Z")];
    expect([...list].sort(byLiveThenNewest).map((k) => k.id)).toEqual(["c", "a", "b"]);
  });

  it("shows an issued token's address once, until dismissed or revoked", async () => {
    const { http } = fakeServer([kiosk("old", "2026-01-01T00:00:00Z")]);
    const model = new KiosksModel(http);
    await model.load();
    expect(model.settings.value).toEqual({ rotateSeconds: 20, sound: false });
    await model.issue("Layar Puskomin", "https://sikanda.example");
    expect(model.issued.value).toMatchObject({ kiosk: { label: "Layar Puskomin" }, url: "https://sikanda.example/wall#kiosk=S3cret-token_of-43-characters-xxxxxxxxxxxxx" });
    expect(model.sorted.value[0]!.label).toBe("Layar Puskomin");
    await model.revoke(model.issued.value!.kiosk.id);
    expect(model.issued.value).toBeNull();
    expect(model.sorted.value.at(-1)!.revokedAt).not.toBeNull();
  });

  it("saves the wall's settings", async () => {
    const { http } = fakeServer([]);
    const model = new KiosksModel(http);
    await model.saveSettings({ rotateSeconds: 60, sound: true });
    expect(model.settings.value).toEqual({ rotateSeconds: 60, sound: true });
  });
});
