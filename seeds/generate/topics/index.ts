import type { Topic } from "./topic.ts";
import { IDEOLOGI_POLITIK } from "./ideologi-politik.ts";
import { EKONOMI } from "./ekonomi.ts";
import { SOSIAL_BUDAYA } from "./sosial-budaya.ts";
import { PERTAHANAN_KEAMANAN } from "./pertahanan-keamanan.ts";

export type { Topic } from "./topic.ts";

/** Every topic, in a fixed order (the order is part of what a seed means). */
export const TOPICS: readonly Topic[] = [...IDEOLOGI_POLITIK, ...EKONOMI, ...SOSIAL_BUDAYA, ...PERTAHANAN_KEAMANAN];
