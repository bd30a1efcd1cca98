import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { describe, expect, it } from "vitest";
import * as appEnv from "@/lib/env";
import * as sandboxDefaults from "@/sandbox/defaults";

/**
 * The import fence between the rooms of lib/ (docs/ARCHITECTURE.md): each room lists the rooms
 * it may import from; anything else fails here, so a new upward arrow is a decision, not an
 * accident. The read side (history) and the write side (sending) never import each other, and
 * no two rooms reach each other, even through others (the arrows form no cycle).
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  domain: [],
  i18n: ["domain"],
  validation: ["domain", "i18n"],
  env: [],
  log: ["env"],
  audit: ["db", "log"],
  db: ["domain", "env", "provider"],
  provider: ["domain", "env"],
  http: ["audit", "domain", "env", "i18n", "log"],
  auth: ["audit", "db", "domain", "env", "http", "log", "validation"],
  sending: ["db", "domain", "env", "provider", "validation"],
  history: ["db", "domain", "i18n", "provider", "validation"],
  settings: ["audit", "auth", "db", "domain", "i18n", "validation"],
  "credit-notes": ["audit", "auth", "db", "domain", "history", "i18n", "provider", "sending", "settings", "validation"],
  seed: ["db", "domain", "provider", "sending"],
  health: ["db", "env"],
};

const root = process.cwd();

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    return statSync(join(root, rel)).isDirectory() ? filesUnder(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** Every module a file imports, as a path from the repository root ("lib/db/schema"). */
function importsOf(file: string): string[] {
  const source = readFileSync(join(root, file), "utf8");
  const specs = [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] ?? "");
  return specs.flatMap((spec) => {
    if (spec.startsWith("@/")) return [spec.slice(2)];
    if (spec.startsWith(".")) return [posix.normalize(posix.join(posix.dirname(file), spec))];
    return [];
  });
}

/** The room of a path under lib/ ("lib/history/api" → "history", "lib/env" → "env"), or null outside lib/. */
function roomOf(path: string): string | null {
  const match = /^lib\/([^/.]+)/.exec(path);
  return match ? (match[1] ?? null) : null;
}

/** Source without its comments: a comment may name the provider's fields, code may not. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

const libFiles = filesUnder("lib");

describe("rooms of lib/ and the arrows between them", () => {
  it("knows every room", () => {
    const rooms = new Set(libFiles.map((file) => roomOf(file)));
    expect([...rooms].filter((room) => room !== null && !(room in ALLOWED))).toEqual([]);
  });

  it("imports only from the rooms each room lists", () => {
    const arrows = libFiles.flatMap((file) => {
      const from = roomOf(file) ?? "";
      return importsOf(file)
        .filter((target) => {
          const to = roomOf(target);
          return to !== null && to !== from && !(ALLOWED[from] ?? []).includes(to);
        })
        .map((target) => `${file} → ${target}`);
    });
    expect(arrows).toEqual([]);
  });

  it("allows no cycle between rooms", () => {
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      (ALLOWED[from] ?? []).some((next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))));
    expect(Object.keys(ALLOWED).filter((room) => reaches(room, room))).toEqual([]);
  });

  it("keeps the read side and the write side apart", () => {
    const crossing = libFiles.filter((file) => {
      const from = roomOf(file);
      return importsOf(file).some((target) => (from === "history" && roomOf(target) === "sending") || (from === "sending" && roomOf(target) === "history"));
    });
    expect(crossing).toEqual([]);
  });

  it("keeps lib/domain provider-neutral and pure", () => {
    const outside = libFiles
      .filter((file) => roomOf(file) === "domain")
      .flatMap((file) => importsOf(file).filter((target) => roomOf(target) !== "domain").map((target) => `${file} → ${target}`));
    expect(outside).toEqual([]);
    const impactWords = libFiles
      .filter((file) => roomOf(file) === "domain" && /Impact|CatalogUnitPrice|InternalDocumentId|RegisteredName/.test(withoutComments(readFileSync(join(root, file), "utf8"))));
    expect(impactWords).toEqual([]);
  });

  it("reads nothing of lib/ from the sandbox, and lib/ nothing of the sandbox", () => {
    expect(libFiles.filter((file) => importsOf(file).some((target) => target.startsWith("sandbox")))).toEqual([]);
    expect(filesUnder("sandbox").filter((file) => importsOf(file).some((target) => target.startsWith("lib/")))).toEqual([]);
  });

  it("has the same sandbox port and demo key on both sides of the fence", () => {
    expect(appEnv.SANDBOX_DEFAULT_PORT).toBe(sandboxDefaults.SANDBOX_DEFAULT_PORT);
    expect(appEnv.SANDBOX_DEMO_API_KEY).toBe(sandboxDefaults.SANDBOX_DEMO_API_KEY);
  });

  it("lets components reach the server only through types of the provider document", () => {
    const reached = filesUnder("components").flatMap((file) =>
      importsOf(file).filter((target) => /^lib\/(db|sending|auth|env|provider)\b/.test(target) && target !== "lib/provider/impact/document-types").map((target) => `${file} → ${target}`),
    );
    expect(reached).toEqual([]);
  });
});
