import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("fills defaults: port 3000, WITA, embedded data under ./data", () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.TZ).toBe("Asia/Makassar");
    expect(c.DATA_DIR).toBe("./data");
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SESSION_SECRET).toBeUndefined(); // outside production: kept in DATA_DIR (auth/session-secret.ts)
  });

  it("lists every problem at once", () => {
    try {
      parseConfig({ PORT: "abc", DATABASE_URL: "not a url", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join("\n");
      expect(problems).toContain("PORT");
      expect(problems).toContain("DATABASE_URL");
      expect(problems).toContain("LOG_LEVEL");
    }
  });

  it("takes PostgreSQL URLs, including libpq's Unix-socket form, and nothing else", () => {
    for (const url of [
      "postgres://sikanda:secret@db:5432/sikanda",
      "postgresql://db/sikanda?sslmode=require",
      "postgres://sikanda@/sikanda?host=%2Fvar%2Frun%2Fpostgresql",
      "postgres:///sikanda?host=/var/run/postgresql",
    ])
      expect(parseConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    for (const url of ["mysql://db/sikanda", "db:5432/sikanda", "postgres://db:port/x"])
      expect(() => parseConfig({ DATABASE_URL: url }), url).toThrow(/DATABASE_URL/);
  });

  it("refuses demo data and a missing session secret in production", () => {
    expect(() => parseConfig({ NODE_ENV: "production", DEMO: "true" })).toThrow(/DEMO[\s\S]*SESSION_SECRET/);
  });

  it("trusts no proxy unless told, and reads TRUST_PROXY as Express's trust proxy setting", () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseConfig({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ TRUST_PROXY: "loopback, 172.16.0.0/12" }).TRUST_PROXY).toEqual(["loopback", "172.16.0.0/12"]);
    expect(() => parseConfig({ TRUST_PROXY: "proxy.internal" })).toThrow(/TRUST_PROXY/);
  });

  it("caps sockets per user at 10 and events at 20 a second per user by default", () => {
    const c = parseConfig({});
    expect(c.SOCKET_MAX_PER_USER).toBe(10);
    expect(c.SOCKET_EVENTS_PER_SECOND).toBe(20);
    expect(() => parseConfig({ SOCKET_MAX_PER_USER: "0" })).toThrow(/SOCKET_MAX_PER_USER/);
  });

  it("turns on demo mode with --demo", () => {
    expect(parseConfig({}, ["--demo"]).DEMO).toBe(true);
    expect(parseConfig({}).DEMO).toBe(false);
  });
});
