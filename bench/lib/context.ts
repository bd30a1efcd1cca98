/** What every measurement of a bench run shares. */
import type { BenchOptions } from "./args";
import type { DatabaseFactory } from "./databases";

export interface BenchContext {
  options: BenchOptions;
  /** The checkout being measured (scripts/worker.ts and the sandbox run from here). */
  repoDir: string;
  /** The production build copy (`next start` runs here). */
  buildDir: string;
  /** Temporary folder of this run: databases, server and sandbox logs. */
  workDir: string;
  databases: DatabaseFactory;
  log(line: string): void;
}
