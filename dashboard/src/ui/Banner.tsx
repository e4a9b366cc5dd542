import type { ComponentChildren } from "preact";

/** A page-level message: `error` is announced at once, `info` politely. */
export function Banner({ kind, children, testId }: { kind: "error" | "info" | "success"; children: ComponentChildren; testId?: string }) {
  return (
    <div class={`banner banner--${kind}`} role={kind === "error" ? "alert" : "status"} data-testid={testId}>
      {children}
    </div>
  );
}
