import "./lists.css";
import type { ComponentChildren } from "preact";

/** A table with a header row of column titles; the rows are the caller's (their cells vary per screen). */
export function Table({ columns, testId, children }: { columns: string[]; testId?: string; children: ComponentChildren }) {
  return (
    <table class="table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((title) => (
            <th key={title}>{title}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
