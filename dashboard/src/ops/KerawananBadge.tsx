import type { Kerawanan } from "@contract/reports.ts";
import { t } from "../i18n/i18n.ts";
import { KERAWANAN_COLORS, KERAWANAN_TEXT } from "../map/kerawanan.ts";

export function KerawananBadge({ level }: { level: Kerawanan }) {
  return (
    <span class="badge" data-kerawanan={level} style={{ background: KERAWANAN_COLORS[level], color: KERAWANAN_TEXT[level] }}>
      {t(`kerawanan.${level}`)}
    </span>
  );
}
