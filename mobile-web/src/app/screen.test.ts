import { describe, expect, it } from "vitest";
import type { Route } from "./router.ts";
import { decideScreen } from "./screen.ts";

const routes: Route[] = [{ name: "home" }, { name: "situation" }, { name: "periodic", kind: "daily" }, { name: "edit", clientId: "x" }, { name: "my-reports" }];

describe("which screen the app shows", () => {
  it("asks for a login without a user, whatever the route", () => {
    for (const route of routes) expect(decideScreen(null, route)).toEqual({ name: "login" });
  });

  it("holds an officer with a temporary password on the password change, whatever the route", () => {
    for (const route of routes) expect(decideScreen({ mustChangePassword: true }, route)).toEqual({ name: "change-password" });
  });

  it("shows the route once the password is the officer's own", () => {
    for (const route of routes) expect(decideScreen({ mustChangePassword: false }, route)).toEqual({ name: "route", route });
  });
});
