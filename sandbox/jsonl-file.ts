/**
 * An append-only JSON-lines file. Every append is written and fsync'd before it returns, so a
 * record the sandbox has acknowledged survives a crash or SIGKILL.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, existsSync, ftruncateSync, writeSync } from "node:fs";
import { dirname } from "node:path";

function fsyncDirectory(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class JsonlFile {
  private fd: number | null;

  constructor(private readonly path: string) {
    const isNew = !existsSync(path);
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, "a");
    // A new file's directory entry must reach the disk too, or the file can vanish on a crash.
    if (isNew) fsyncDirectory(dirname(path));
  }

  /** Every complete record; a torn last line (crash mid-write) is skipped. */
  readAll(): unknown[] {
    const text = readFileSync(this.path, "utf8");
    const records: unknown[] = [];
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      try {
        records.push(JSON.parse(line));
      } catch {
        // torn or foreign line: ignored, the rest of the file still counts
      }
    }
    return records;
  }

  append(record: unknown): void {
    const fd = this.requireOpen();
    writeSync(fd, `${JSON.stringify(record)}\n`);
    fsyncSync(fd);
  }

  truncate(): void {
    const fd = this.requireOpen();
    ftruncateSync(fd, 0);
    fsyncSync(fd);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private requireOpen(): number {
    if (this.fd === null) throw new Error(`Store file ${this.path} is closed`);
    return this.fd;
  }
}
