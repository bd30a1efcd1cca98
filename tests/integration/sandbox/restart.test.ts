import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { failureCode, http, internalIdOf, json, sampleDocument, send, status } from "./helpers";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ processingWindowMs: 60_000 });
});

afterAll(async () => {
  await sandbox.stop();
});

describe("durability across a restart (SIGKILL)", () => {
  it("keeps accepted documents: duplicates stay 409, status and document links still work, MARKs keep rising", async () => {
    const doc = sampleDocument();
    const sent = json(await send(sandbox, doc));
    await sandbox.restart();

    expect((await send(sandbox, doc)).status).toBe(409);
    expect(json(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "accepted", mark: String(sent.mark), url: sent.url });
    const pdf = await http(`${String(sent.url)}/pdf`);
    expect(pdf.raw.toString("latin1")).toContain(String(sent.mark));
    const next = json(await send(sandbox, sampleDocument()));
    expect(BigInt(String(next.mark))).toBeGreaterThan(BigInt(String(sent.mark)));
    expect((await sandbox.documents()).map((stored) => stored.mark)).toEqual(expect.arrayContaining([String(sent.mark), String(next.mark)]));
  });

  it("keeps rejections and the processing state of an unanswered request", async () => {
    const rejected = sampleDocument();
    rejected.Summaries = { TotalNetAmount: 6.44, TotalVATAmount: 1.55, TotalGrossValue: 9 };
    expect((await send(sandbox, rejected)).status).toBe(400);
    await sandbox.fault({ mode: "accept_then_hang" });
    const hung = sampleDocument();
    expect(await failureCode(send(sandbox, hung, {}, 300))).toBe("CLIENT_TIMEOUT");

    await sandbox.restart();
    expect(json(await status(sandbox, `internalId=${internalIdOf(rejected)}`))).toMatchObject({ status: "rejected" });
    expect(json(await status(sandbox, `internalId=${internalIdOf(hung)}`))).toMatchObject({ status: "processing" });
    expect((await send(sandbox, hung)).status).toBe(408);
  });

  it("writes one JSON line per record to the data directory", () => {
    const lines = readFileSync(join(sandbox.dataDir, "journal.jsonl"), "utf8").trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});
