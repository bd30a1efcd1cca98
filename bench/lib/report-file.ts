/**
 * docs/BENCHMARKS.md is assembled from marked sections: each measurement (and each drill
 * engine) rewrites only its own section, so a partial run (`--only history`, a drill on
 * PostgreSQL) updates what it measured and keeps the rest — including the hand-written notes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { markdownTable, type MeasurementResult } from "./figures";
import type { MachineInfo } from "./machine";

/** Section names, in the order the document shows them. */
export const SECTIONS = ["machine", "bundles", "history", "search", "proxy", "load", "keystroke", "drill-sqlite", "drill-postgres", "notes"] as const;
export type SectionName = (typeof SECTIONS)[number];

const start = (name: SectionName) => `<!-- section:${name}:start -->`;
const end = (name: SectionName) => `<!-- section:${name}:end -->`;

const HEADER = `# Benchmarks and fault drill

Figures measured on the project's own machines with \`npm run bench\` and \`npm run drill\`. Each
section below is rewritten by the run that measured it; the notes at the end are kept by hand.

## How to reproduce

\`\`\`bash
npm run bench                      # production build of this checkout (in a temp copy), sandbox,
                                   # Chromium; medians of 5 runs; prints a table, rewrites this file
npm run bench -- --quick           # smoke run: small sizes, one run, does not rewrite this file
npm run bench -- --only history    # one measurement (bundles, history, search, proxy, load, keystroke)
npm run drill                      # 500 credit notes through killed processes and every sandbox fault (SQLite)
npm run drill -- --database postgres
\`\`\`

Needs Debian's \`chromium\` (\`/usr/bin/chromium\`, or \`CHROMIUM_PATH\`) and \`postgresql\` (15) and, for the
throw-away PostgreSQL cluster, root (it runs \`initdb\` through \`runuser -u postgres\`). Other options:
\`--runs N\`, \`--engines sqlite,postgres\`, \`--sizes 10k,100k,1m\`, \`--load-documents N\`, \`--clerks N\`,
\`--lines 10,100,300\`, \`--rebuild\`, \`--keep\`, \`--no-write\`; drill: \`--documents N\`, \`--clerks N\`,
\`--workers N\`, \`--seed N\`, \`--no-write\`.
`;

function placeholder(name: SectionName): string {
  if (name === "notes") return "## Notes\n\n(none yet)";
  return `_${name}: not measured yet._`;
}

/** The empty document: header and every section with a placeholder. */
export function templateDocument(): string {
  return `${HEADER}\n${SECTIONS.map((name) => `${start(name)}\n${placeholder(name)}\n${end(name)}`).join("\n\n")}\n`;
}

/**
 * `document` with the body of section `name` replaced; a section that is missing is added
 * before the notes (or at the end).
 */
export function replaceSection(document: string, name: SectionName, body: string): string {
  const from = document.indexOf(start(name));
  const to = document.indexOf(end(name));
  const block = `${start(name)}\n${body.trim()}\n${end(name)}`;
  if (from >= 0 && to > from) return `${document.slice(0, from)}${block}${document.slice(to + end(name).length)}`;
  const notes = document.indexOf(start("notes"));
  if (notes >= 0 && name !== "notes") return `${document.slice(0, notes)}${block}\n\n${document.slice(notes)}`;
  return `${document.trimEnd()}\n\n${block}\n`;
}

/** The body of section `name`, or undefined when the document has none. */
export function sectionBody(document: string, name: SectionName): string | undefined {
  const from = document.indexOf(start(name));
  const to = document.indexOf(end(name));
  if (from < 0 || to <= from) return undefined;
  return document.slice(from + start(name).length, to).trim();
}

/** Markdown of the machine section. */
export function machineSection(machine: MachineInfo, date: Date): string {
  return [
    "## Machine and versions",
    "",
    `Last bench run ${date.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    "",
    "| | |",
    "|---|---|",
    `| CPU | ${machine.cpu}, ${machine.cores} cores (shared with other work while measuring: see the load figures of each section) |`,
    `| memory | ${machine.memoryGiB} GiB |`,
    `| kernel | Linux ${machine.kernel} |`,
    `| Node.js | ${machine.node} |`,
    `| Next.js / React | ${machine.next} / ${machine.react} |`,
    `| Chromium | ${machine.chromium ?? "not used in this run"} (Playwright ${machine.playwright}) |`,
    `| SQLite | ${machine.sqlite} |`,
    `| PostgreSQL | ${machine.postgres} |`,
  ].join("\n");
}

/** Markdown of one measurement's section. */
export function measurementSection(result: MeasurementResult, date: Date, quick: boolean): string {
  return [
    `## ${result.title}`,
    "",
    `From the bench run written ${date.toISOString().slice(0, 16).replace("T", " ")} UTC${quick ? " (quick run: small sizes, one run — not a figure to rely on)" : ""}; machine load while measuring: ${result.conditions}.`,
    "",
    markdownTable(result.figures),
    "",
    ...result.notes.map((note) => `- ${note}`),
  ].join("\n");
}

/** Reads the document (or the template), applies `changes`, writes it back. */
export function updateReportFile(path: string, changes: { name: SectionName; body: string }[]): void {
  let document = existsSync(path) ? readFileSync(path, "utf8") : templateDocument();
  for (const change of changes) document = replaceSection(document, change.name, change.body);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, document);
}
