import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { IssueResult } from "@/lib/sending/outbox";
import { issueCreditNote } from "@/lib/sending/issue";
import { NumberTakenError } from "@/lib/sending/errors";
import type { Worker } from "@/lib/sending/worker";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";
import { assertInvariants, clientFor, driveUntilSettled, manualWorker, REPO_ROOT } from "@/tests/integration/sending/harness";

const run = promisify(execFile);

describe.each(testEngines())("one draft, many clicks, on %s", (engine) => {
  let t: TestDb;
  let sandbox: TestSandbox;
  let worker: Worker;

  beforeAll(async () => {
    [t, sandbox] = await Promise.all([openTestDb(engine), startTestSandbox()]);
    worker = manualWorker(t.db, clientFor(sandbox));
  });
  afterAll(async () => {
    await worker.stop();
    await Promise.all([t.cleanup(), sandbox.stop()]);
  });
  afterEach(async () => {
    await assertInvariants(t.db, sandbox);
  });

  const countFor = async (draftId: string) =>
    Number((await t.db.selectFrom("documents").select((eb) => eb.fn.countAll<number>().as("n")).where("draft_id", "=", draftId).executeTakeFirstOrThrow()).n);

  it("F13 twenty concurrent issues of one draft → one document, one number, one provider document", async () => {
    const request = sampleIssueRequest({ series: `C${randomUUID().slice(0, 6)}` });
    const results = await Promise.all(Array.from({ length: 20 }, () => issueCreditNote(t.db, request)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countFor(request.draftId ?? "")).toBe(1);
    const [first] = results;
    expect(first?.number).toBe("1");
    expect(await driveUntilSettled(t.db, worker, first?.id ?? "")).toBe("accepted");
    expect((await sandbox.documents()).filter((d) => d.internalId === first?.internalDocumentId)).toHaveLength(1);
  });

  it("F13b the same from three processes at once (five calls each) → one document", async () => {
    const draftId = randomUUID();
    const series = `P${randomUUID().slice(0, 6)}`;
    const startAt = Date.now() + 2_500;
    const outputs = await Promise.all(
      [1, 2, 3].map(() =>
        run(process.execPath, ["--conditions=react-server", "--import", "tsx", join(__dirname, "issue-child.ts"), t.url, draftId, series, "5", String(startAt)], { cwd: REPO_ROOT }),
      ),
    );
    const results = outputs.flatMap(({ stdout }) => JSON.parse(stdout) as IssueResult[]);
    expect(results).toHaveLength(15);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countFor(draftId)).toBe(1);
  }, 60_000);

  it("the same idempotency key twice → one document", async () => {
    const key = randomUUID();
    const series = `I${randomUUID().slice(0, 6)}`;
    const [a, b] = await Promise.all([
      issueCreditNote(t.db, sampleIssueRequest({ draftId: undefined, series }), { idempotencyKey: key }),
      issueCreditNote(t.db, sampleIssueRequest({ draftId: undefined, series }), { idempotencyKey: key }),
    ]);
    expect(a?.id).toBe(b?.id);
    expect([a?.created, b?.created].sort()).toEqual([false, true]);
  });

  it("twenty different drafts of one series at once → numbers 1…20, none twice", async () => {
    const series = `N${randomUUID().slice(0, 6)}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => issueCreditNote(t.db, sampleIssueRequest({ series }))));
    expect(results.map((r) => Number(r.number)).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("an explicit number already held → NumberTakenError; the series then skips it", async () => {
    const series = `E${randomUUID().slice(0, 6)}`;
    await issueCreditNote(t.db, sampleIssueRequest({ series, number: "1" }));
    await expect(issueCreditNote(t.db, sampleIssueRequest({ series, number: "1" }))).rejects.toBeInstanceOf(NumberTakenError);
    expect((await issueCreditNote(t.db, sampleIssueRequest({ series }))).number).toBe("2");
  });
});
