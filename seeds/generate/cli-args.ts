/**
 * The command line of `npm run seed`. Parsed by hand: five options do not need a dependency.
 */

export interface SeedArgs {
  reports: number;
  seed: string;
  /** The year ends here; default now. */
  end: Date | null;
  mode: "refuse" | "reset" | "append";
  batch: number;
  help: boolean;
}

export const USAGE = `Usage: npm run seed -- [options]

Fills the database (DATABASE_URL, or the embedded one under DATA_DIR) with a year of generated reports
of the demo office: situation reports across the 157 desa, officers' daily, weekly and monthly reports,
decisions, incidents and follow-ups. The same seed and end give the same data.

  --reports N    how many reports (default 3000; e.g. 1000000 for benchmarks)
  --seed S       seed of the generator (default "sikanda-demo")
  --end ISO      the year ends at this instant (default now; never in the future)
  --reset        delete every report (and what hangs off it) first
  --append       add on top of existing reports (the same seed and --end again add nothing)
  --batch N      reports per statement (default 5000)
  --help         this text

Without --reset or --append it refuses to touch a database that holds reports. Stop the server first
when seeding the embedded database (one process at a time may open it).`;

export function parseSeedArgs(argv: readonly string[], now: number): SeedArgs {
  const args: SeedArgs = { reports: 3_000, seed: "sikanda-demo", end: null, mode: "refuse", batch: 5_000, help: false };
  const value = (i: number, name: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`${name} needs a value`);
    return v;
  };
  const count = (v: string, name: string, max: number) => {
    const n = Number(v.replace(/[_,]/g, ""));
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be a whole number from 1 to ${max.toLocaleString("en")}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--reset" || a === "--append") {
      const mode = a === "--reset" ? "reset" : "append";
      if (args.mode !== "refuse" && args.mode !== mode) throw new Error("--reset and --append exclude each other");
      args.mode = mode;
    } else if (a === "--reports") args.reports = count(value(i++, a), a, 20_000_000);
    else if (a === "--batch") args.batch = count(value(i++, a), a, 50_000);
    else if (a === "--seed") args.seed = value(i++, a);
    else if (a === "--end") {
      const end = new Date(value(i++, a));
      if (Number.isNaN(end.getTime())) throw new Error("--end must be a date-time, e.g. 2026-11-30T12:00:00+08:00");
      if (end.getTime() > now) throw new Error("--end must not be in the future (reports cannot be)");
      if (end.getTime() < Date.UTC(2021, 0, 1)) throw new Error("--end must be in 2021 or later (report periods start in 2020)");
      args.end = end;
    } else throw new Error(`unknown option ${a}`);
  }
  return args;
}
