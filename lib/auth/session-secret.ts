import "server-only";
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { getEnv } from "@/lib/env";

/** File name of the generated secret inside the data folder. */
export const SESSION_SECRET_FILE = "session-secret";

/**
 * Reads the secret kept in `dir`, creating it (256 random bits, owner-only permissions) on first
 * use. Several processes may start at once: the file appears atomically (written aside, then
 * hard-linked into place), and whoever loses the race reads the winner's secret.
 */
export function loadOrCreateSecretFile(dir: string): string {
  const path = join(dir, SESSION_SECRET_FILE);
  try {
    return readSecret(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const aside = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(aside, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  try {
    linkSync(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(aside);
  }
  return readSecret(path);
}

function readSecret(path: string): string {
  const secret = readFileSync(path, "utf8").trim();
  if (secret.length < 32) throw new Error(`${path} holds no usable session secret; delete it to generate a new one`);
  return secret;
}

const holder = globalThis as typeof globalThis & { creditDeskSessionSecret?: string };

/**
 * The key that session ids are hashed with: `SESSION_SECRET` when set, else the one generated
 * once under `data/`. Every instance behind one database must share it (set SESSION_SECRET when
 * running several); changing it signs everybody out.
 */
export function getSessionSecret(): string {
  if (holder.creditDeskSessionSecret !== undefined) return holder.creditDeskSessionSecret;
  const env = getEnv();
  const secret = env.sessionSecret ?? loadOrCreateSecretFile(resolve("data"));
  if (env.sessionSecret === undefined && /^postgres/.test(env.databaseUrl)) {
    console.warn("[auth] SESSION_SECRET is not set: sessions work only on this instance (set it when running several).");
  }
  holder.creditDeskSessionSecret = secret;
  return secret;
}
