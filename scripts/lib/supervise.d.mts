import type { ChildProcess } from "node:child_process";

export const FIRST_RESTART_DELAY_MS: number;
export const MAX_RESTART_DELAY_MS: number;
export interface Supervised {
  readonly name: string;
  readonly pid: number | undefined;
  readonly restarts: number;
  onRestart(listener: (child: ChildProcess) => void): void;
  stop(graceMs?: number): Promise<void>;
}
export function supervise(options: {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  onOutput?: (chunk: Buffer) => void;
  log?: (line: string) => void;
}): Supervised;
