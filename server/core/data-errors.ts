/**
 * Errors in which the database blames the data it was given (SQLSTATE class 22 "data exception", class 23
 * "integrity constraint violation", 54000 "program limit exceeded"), as opposed to errors of the database
 * itself (connection lost, shutting down, out of disk), which are worth retrying unchanged.
 */
export function isDataError(err: unknown): boolean {
  const code = sqlState(err);
  return code !== undefined && (code.startsWith("22") || code.startsWith("23") || code === "54000");
}

export const UNIQUE_VIOLATION = "23505";

/** The SQLSTATE of a `pg` error, directly or wrapped by Sequelize. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; original?: { code?: unknown }; parent?: { code?: unknown } } | null;
  const code = e?.original?.code ?? e?.parent?.code ?? e?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export interface IsolatedWrite<Row, Out> {
  written: Out[];
  /** Rows the database refused on their own, each with its error. */
  refused: { row: Row; error: unknown }[];
}

/**
 * Write rows in one statement; when the database refuses the data, write each half on its own, and so on
 * down to single rows. Every row that can be stored is stored and each refused row is named alone, so one
 * bad report never fails the others that shared its statement. `write` must be all-or-nothing (one
 * statement, or its own transaction) and safe to repeat. With one bad row among n this takes about
 * 2·log2(n) statements; errors that are not about the data are thrown as they are.
 */
export async function writeIsolating<Row, Out>(rows: Row[], write: (rows: Row[]) => Promise<Out[]>): Promise<IsolatedWrite<Row, Out>> {
  const result: IsolatedWrite<Row, Out> = { written: [], refused: [] };
  const run = async (part: Row[]): Promise<void> => {
    if (!part.length) return;
    try {
      result.written.push(...(await write(part)));
    } catch (error) {
      if (!isDataError(error)) throw error;
      if (part.length === 1) return void result.refused.push({ row: part[0]!, error });
      const half = Math.ceil(part.length / 2);
      await run(part.slice(0, half));
      await run(part.slice(half));
    }
  };
  await run(rows);
  return result;
}
