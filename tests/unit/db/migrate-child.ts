// Child process of migrate.test.ts: migrates the database named on the command line.
import { openDatabase } from "@/lib/db/connect";
import { migrateToLatest } from "@/lib/db/migrate";

async function main(): Promise<void> {
  const url = process.argv[2];
  if (url === undefined) throw new Error("usage: migrate-child.ts DATABASE_URL");
  // All children start migrating at the same instant (argv[3], epoch ms) to make them race.
  const startAt = Number(process.argv[3] ?? 0);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const db = openDatabase(url);
  const results = await migrateToLatest(db);
  await db.destroy();
  process.stdout.write(JSON.stringify({ applied: results.filter((r) => r.status === "Success").map((r) => r.migrationName) }));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
