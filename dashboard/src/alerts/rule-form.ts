import { AlertRuleSettings, type AlertRule } from "@contract/alerts.ts";
import { checkLocally, type LocalInvalid } from "@kit/local-invalid.ts";
import type { AlertsKey } from "./messages.ts";

export const RULE_ORDER: readonly AlertRule[] = ["critical", "spike", "hotspot", "silence"];

/** One parameter's input: its label, and the step a number input takes (alpha is a small fraction). */
export interface ParamField {
  name: string;
  label: AlertsKey;
  hint?: AlertsKey;
  step: number | "any";
}

/** Each rule's parameters in the order the form shows them; the names are the contract's. */
export const PARAM_FIELDS: Record<AlertRule, readonly ParamField[]> = {
  critical: [
    { name: "windowHours", label: "alerts.param.windowHours", step: 1 },
    { name: "closeAfterMinutes", label: "alerts.param.closeAfterMinutes", step: 1 },
  ],
  spike: [
    { name: "baselineDays", label: "alerts.param.baselineDays", step: 1 },
    { name: "alpha", label: "alerts.param.alpha", hint: "alerts.param.alpha.hint", step: "any" },
    { name: "minCount", label: "alerts.param.minCount", step: 1 },
    { name: "closeAfterMinutes", label: "alerts.param.closeAfterMinutes", step: 1 },
  ],
  hotspot: [
    { name: "radiusM", label: "alerts.param.radiusM", step: 100 },
    { name: "minReports", label: "alerts.param.minReports", step: 1 },
    { name: "windowHours", label: "alerts.param.windowHours", step: 1 },
    { name: "closeAfterMinutes", label: "alerts.param.closeAfterMinutes", step: 1 },
  ],
  silence: [
    { name: "silentHours", label: "alerts.param.silentHours", step: 1 },
    { name: "closeAfterMinutes", label: "alerts.param.closeAfterMinutes", step: 1 },
  ],
};

/** The settings checked with the contract's schema; each problem by its path (`spike.params.alpha`). */
export const checkRuleSettings = (settings: AlertRuleSettings): LocalInvalid | null => checkLocally(AlertRuleSettings, settings);

/** A number input's value: empty or unreadable stays NaN, which the schema reports as "not a number". */
export const numberOf = (value: string) => (value.trim() === "" ? Number.NaN : Number(value.replace(",", ".")));

/** The settings with one parameter of one rule replaced. */
export function withParam(settings: AlertRuleSettings, rule: AlertRule, name: string, value: number): AlertRuleSettings {
  return { ...settings, [rule]: { ...settings[rule], params: { ...settings[rule].params, [name]: value } } };
}

export function withEnabled(settings: AlertRuleSettings, rule: AlertRule, enabled: boolean): AlertRuleSettings {
  return { ...settings, [rule]: { ...settings[rule], enabled } };
}

/** The path of a parameter as the server's field errors name it. */
export const paramPath = (rule: AlertRule, name: string) => `${rule}.params.${name}`;
