import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SETTINGS } from "@contract/alerts.ts";
import { checkRuleSettings, numberOf, PARAM_FIELDS, paramPath, RULE_ORDER, withEnabled, withParam } from "./rule-form.ts";

describe("the rule settings form", () => {
  it("passes the defaults and shows every parameter of every rule", () => {
    expect(checkRuleSettings(DEFAULT_RULE_SETTINGS)).toBeNull();
    for (const rule of RULE_ORDER) expect(PARAM_FIELDS[rule].map((f) => f.name).sort()).toEqual(Object.keys(DEFAULT_RULE_SETTINGS[rule].params).sort());
  });

  it("finds each problem at the field path the server uses", () => {
    let s = withParam(DEFAULT_RULE_SETTINGS, "spike", "alpha", 0.5);
    s = withParam(s, "hotspot", "radiusM", numberOf(""));
    s = withParam(s, "silence", "silentHours", 2.5);
    const invalid = checkRuleSettings(s);
    expect(Object.keys(invalid?.fields ?? {}).sort()).toEqual([paramPath("hotspot", "radiusM"), "silence.params.silentHours", "spike.params.alpha"]);
    expect(invalid?.fieldIssues["spike.params.alpha"]).toEqual({ code: "too_big", limit: 0.1 });
    expect(invalid?.fieldIssues["silence.params.silentHours"]?.code).toBe("not_integer");
  });

  it("changes one rule without touching the others", () => {
    const off = withEnabled(DEFAULT_RULE_SETTINGS, "silence", false);
    expect(off.silence.enabled).toBe(false);
    expect(off.spike).toBe(DEFAULT_RULE_SETTINGS.spike);
    expect(withParam(DEFAULT_RULE_SETTINGS, "critical", "windowHours", 12).critical.params).toEqual({ windowHours: 12, closeAfterMinutes: 60 });
  });
});
