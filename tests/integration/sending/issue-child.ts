// Child process of concurrency.test.ts: issues one draft `count` times at once from its own connection.
import { openDatabase } from "@/lib/db/connect";
import { issueCreditNote } from "@/lib/sending/issue";
import { sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";

async function main(): Promise<void> {
  const [url, draftId, series, countText, startAtText] = process.argv.slice(2);
  if (url === undefined || draftId === undefined || series === undefined) throw new Error("usage: issue-child.ts URL DRAFT SERIES COUNT START_AT");
  const db = openDatabase(url);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtText ?? 0) - Date.now())));
  const request = sampleIssueRequest({ draftId, series });
  const results = await Promise.all(Array.from({ length: Number(countText ?? 1) }, () => issueCreditNote(db, request)));
  await db.destroy();
  process.stdout.write(JSON.stringify(results));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
