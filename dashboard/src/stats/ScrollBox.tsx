import type { ComponentChildren } from "preact";

/**
 * A wide table's horizontal scroller (the phone's width): a named region that takes keyboard focus,
 * so it can be scrolled without a mouse and a screen reader says what it holds.
 */
export function ScrollBox({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="stats-table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
