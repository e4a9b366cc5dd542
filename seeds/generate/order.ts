/**
 * Text order by UTF-16 code units. Not localeCompare: that depends on the machine's locale data (the same
 * seed must give the same data everywhere) and is slow enough to show when sorting a month of audit rows.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
