/**
 * Fills DATABASE_URL (SQLite or PostgreSQL) with realistic transmission history for demos and
 * benchmarks, after bringing the schema up to date:
 *
 *   npm run seed -- --documents 100000 [--seed 7] [--span-days 540] [--batch 500] [--no-analyze]
 *
 * Adds to what is there: numbers continue from each series' counter. The newest few documents
 * are still moving (queued, sending, unknown); with the send worker running they go out to the
 * provider like any other.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/connect";
import { migrateToLatest } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";
import { seedHistory } from "@/lib/seed/seed-history";

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number ≥ 0, not "${text}"`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      documents: { type: "string" },
      seed: { type: "string" },
      "span-days": { type: "string" },
      batch: { type: "string" },
      "no-analyze": { type: "boolean", default: false },
    },
  });
  const env = getEnv();
  const documents = wholeNumber("documents", values.documents, 1000);
  const db = openDatabase(env.databaseUrl);
  try {
    await migrateToLatest(db);
    const engine = env.databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL";
    process.stdout.write(`Seeding ${documents} documents into ${engine}…\n`);
    let reported = 0;
    const result = await seedHistory(db, {
      documents,
      seed: wholeNumber("seed", values.seed, 7),
      spanDays: wholeNumber("span-days", values["span-days"], 540),
      batchSize: Math.max(1, wholeNumber("batch", values.batch, 500)),
      analyze: !values["no-analyze"],
      providerBaseUrl: env.provider.baseUrl,
      onProgress: (done, total) => {
        if (done - reported >= 10_000 || done === total) {
          reported = done;
          process.stdout.write(`  ${done}/${total}\n`);
        }
      },
    });
    const statuses = Object.entries(result.byStatus).map(([status, count]) => `${status} ${count}`).join(", ");
    process.stdout.write(
      `Seeded ${result.documents} documents, ${result.attempts} attempts, ${result.events} events in ${(result.elapsedMs / 1000).toFixed(1)} s (${statuses}).\n`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
