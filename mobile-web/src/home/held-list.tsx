import { useContext } from "preact/hooks";
import { AppContext } from "../app/context.ts";
import { t } from "../i18n/i18n.ts";

/**
 * Reports another officer saved on this phone: never sent under this session, never dropped. They go
 * when their officer logs in again, which is what this says, one line per officer.
 */
export function HeldList() {
  const { sync } = useContext(AppContext);
  const held = sync.status.held.value;
  if (!held.length) return null;
  return (
    <ul class="plain stack-s" data-testid="held-reports">
      {held.map(({ owner, entries }) => (
        <li key={owner.id} class="banner" data-owner={owner.username} data-count={entries.length}>
          {t("sync.held", { count: entries.length, name: `${owner.displayName} (${owner.username})` })}
        </li>
      ))}
    </ul>
  );
}
