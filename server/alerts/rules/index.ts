import type { AlertRule, AlertRuleSettings } from "@contract/alerts.ts";
import { criticalRule } from "./critical.ts";
import { hotspotRule } from "./hotspot.ts";
import type { AlertRuleModule } from "./rule.ts";
import { silenceRule } from "./silence.ts";
import { spikeRule } from "./spike.ts";

/** Every rule, by name; each reads its own parameters from the settings. */
export const RULES: { [R in AlertRule]: AlertRuleModule<AlertRuleSettings[R]["params"]> } = {
  critical: criticalRule,
  spike: spikeRule,
  hotspot: hotspotRule,
  silence: silenceRule,
};
