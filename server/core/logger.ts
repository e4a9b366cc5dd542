import pino, { type Logger } from "pino";

export type LogCategory = "app" | "http" | "socket" | "job" | "db" | "auth" | "reports" | "alerts";

/** One root logger; features take a child with a category so logs can be filtered by concern. */
export function createLogger(level: string, pretty = false): Logger {
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(pretty ? {} : {}),
  });
}

export function categoryLogger(root: Logger, category: LogCategory): Logger {
  return root.child({ category });
}

export type { Logger };
