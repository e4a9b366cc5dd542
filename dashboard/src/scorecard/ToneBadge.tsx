import { tx } from "./messages.ts";
import type { Tone } from "./scorecard-rows.ts";

/** A rating as a coloured badge that also says it in words (never colour alone). */
export function ToneBadge({ tone }: { tone: Tone }) {
  return (
    <span class={`tone tone--${tone}`} data-testid="score-tone" data-tone={tone}>
      {tx(`score.tone.${tone}`)}
    </span>
  );
}
