/**
 * The machine and software a run measured on, for the report: CPU, cores, memory, load,
 * and the versions of Node, Next, React, Chromium, SQLite and PostgreSQL.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  next: string;
  react: string;
  playwright: string;
  /** Filled in once a browser ran. */
  chromium?: string | undefined;
  sqlite: string;
  postgres: string;
}

/** The "model name" of /proc/cpuinfo (first CPU), or what Node reports. */
export function cpuModel(cpuinfo: string | undefined): string {
  const match = cpuinfo === undefined ? null : /^model name\s*:\s*(.+)$/m.exec(cpuinfo);
  return match?.[1]?.trim() ?? cpus()[0]?.model ?? "unknown";
}

function packageVersion(repoDir: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(repoDir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function postgresVersion(): string {
  for (const bin of ["/usr/lib/postgresql/15/bin/postgres", "postgres"]) {
    try {
      return execFileSync(bin, ["--version"], { encoding: "utf8" }).trim().replace(/^postgres \(PostgreSQL\) /, "");
    } catch {
      // try the next
    }
  }
  return "not installed";
}

/** What this machine is and runs. */
export function machineInfo(repoDir: string): MachineInfo {
  let cpuinfo: string | undefined;
  try {
    cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  } catch {
    cpuinfo = undefined;
  }
  const memory = new BetterSqlite3(":memory:");
  const sqlite = String((memory.prepare("select sqlite_version() as v").get() as { v: string }).v);
  memory.close();
  return {
    cpu: cpuModel(cpuinfo),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    kernel: release(),
    node: process.version,
    next: packageVersion(repoDir, "next"),
    react: packageVersion(repoDir, "react"),
    playwright: packageVersion(repoDir, "@playwright/test"),
    sqlite: `${sqlite} (better-sqlite3 ${packageVersion(repoDir, "better-sqlite3")})`,
    postgres: postgresVersion(),
  };
}

/** "load 3.10 / 2.95 / 2.40 at 08:40 UTC" — the 1/5/15-minute load averages now. */
export function loadNow(): string {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return `load ${one.toFixed(2)} / ${five.toFixed(2)} / ${fifteen.toFixed(2)} at ${new Date().toISOString().slice(11, 16)} UTC`;
}
