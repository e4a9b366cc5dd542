import type { Bidang } from "@contract/reports.ts";

/**
 * The five pancagatra in the order the forms show them. A Record, so a new bidang in the contract fails
 * the type check here until it has a place.
 */
const BIDANG_ORDER: Record<Bidang, number> = { ideologi: 0, politik: 1, ekonomi: 2, "sosial-budaya": 3, "pertahanan-keamanan": 4 };
export const BIDANG = (Object.keys(BIDANG_ORDER) as Bidang[]).sort((a, b) => BIDANG_ORDER[a] - BIDANG_ORDER[b]);
