import { tx } from "./messages.ts";

interface Props<T extends string> {
  name: string;
  /** The filter's name ("Bidang"). */
  title: string;
  options: readonly { value: T; label: string }[];
  chosen: readonly T[];
  onChange: (next: T[]) => void;
}

/** A filter of several values as a disclosure of checkboxes; none chosen means all. */
export function MultiPick<T extends string>({ name, title, options, chosen, onChange }: Props<T>) {
  const summary = chosen.length ? tx("stats.chosen", { what: title, count: chosen.length }) : tx("stats.allOf", { what: title });
  return (
    <details class="stats-pick" data-testid={`stats-filter-${name}`}>
      <summary>{summary}</summary>
      <fieldset>
        <legend>{title}</legend>
        {options.map((o) => (
          <label key={o.value}>
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={chosen.includes(o.value)}
              onChange={(e) => onChange(e.currentTarget.checked ? options.map((x) => x.value).filter((v) => v === o.value || chosen.includes(v)) : chosen.filter((v) => v !== o.value))}
            />{" "}
            {o.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
