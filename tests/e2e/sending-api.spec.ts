import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { sampleDraft } from "../fixtures/sample-draft";
import { DEMO_ISSUER, ensureDemoIssuer } from "./compose-fixtures";
import { e2eSettings } from "./global-setup";

const { sandboxPort } = e2eSettings();
const sandbox = `http://127.0.0.1:${sandboxPort}`;

interface Detail {
  id: string;
  status: string;
  series: string;
  number: string;
  internalDocumentId: string;
  mark: string | null;
  uid: string | null;
  authenticationCode: string | null;
  url: string | null;
  attempts: { seq: number; httpStatus: number | null }[];
  events: { type: string }[];
}

/** Defines a series of the demo issuer as the administrator (the suite's default identity here) would. */
async function defineSeries(request: APIRequestContext, code: string): Promise<void> {
  await ensureDemoIssuer(request);
  expect([201, 409]).toContain((await request.post("/api/series", { data: { issuerVat: DEMO_ISSUER.vat, code } })).status());
}

/** A draft in its own (defined) series, so that numbers never collide with other specs. */
async function freshDraft(request: APIRequestContext) {
  const draft = sampleDraft();
  draft.id = randomUUID();
  draft.series = `API${randomUUID().slice(0, 6).toUpperCase()}`;
  await defineSeries(request, draft.series);
  return { ...draft, number: undefined };
}

async function waitForFinal(request: APIRequestContext, id: string): Promise<Detail> {
  let detail: Detail | undefined;
  await expect
    .poll(async () => {
      detail = (await (await request.get(`/api/transmissions/${id}`)).json()) as Detail;
      return detail.status;
    }, { timeout: 20_000 })
    .toMatch(/^(accepted|rejected|needs_attention)$/);
  return detail!;
}

async function sandboxDocuments(request: APIRequestContext, internalId: string) {
  const documents = (await (await request.get(`${sandbox}/__control/documents`)).json()) as { internalId: string; mark: string }[];
  return documents.filter((document) => document.internalId === internalId);
}

test("issuing answers 202, the worker sends it, and the detail carries the provider's answer", async ({ request }) => {
  const response = await request.post("/api/credit-notes", { data: { draft: (await freshDraft(request)) } });
  expect(response.status()).toBe(202);
  const issued = await response.json();
  expect(issued).toMatchObject({ id: expect.any(String), status: "queued", created: true, number: "1" });
  const detail = await waitForFinal(request, issued.id);
  expect(detail).toMatchObject({ status: "accepted", mark: expect.stringMatching(/^\d{15}$/), uid: expect.stringMatching(/^[0-9A-F]{40}$/i) });
  expect(detail.authenticationCode).toBeTruthy();
  expect(detail.attempts.length).toBeGreaterThanOrEqual(1);
  expect(detail.events.map((e) => e.type)).toContain("queued");
  const atProvider = await sandboxDocuments(request, detail.internalDocumentId);
  expect(atProvider).toHaveLength(1);
  expect(atProvider[0]?.mark).toBe(detail.mark);
});

test("twenty concurrent issues of one draft make one document", async ({ request }) => {
  const draft = (await freshDraft(request));
  const responses = await Promise.all(Array.from({ length: 20 }, () => request.post("/api/credit-notes", { data: { draft } })));
  const ids = new Set<string>();
  for (const response of responses) {
    expect(response.status()).toBe(202);
    ids.add((await response.json()).id);
  }
  expect(ids.size).toBe(1);
  const detail = await waitForFinal(request, [...ids][0]!);
  expect(detail.status).toBe("accepted");
  expect(await sandboxDocuments(request, detail.internalDocumentId)).toHaveLength(1);
  const again = await request.post("/api/credit-notes", { data: { draft } });
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect((await again.json()).id).toBe(detail.id);
});

test("an Idempotency-Key makes a draft without id issue once", async ({ request }) => {
  const draft = { ...(await freshDraft(request)), id: undefined };
  const key = randomUUID();
  const first = await (await request.post("/api/credit-notes", { data: { draft }, headers: { "Idempotency-Key": key } })).json();
  const second = await (await request.post("/api/credit-notes", { data: { draft }, headers: { "Idempotency-Key": key } })).json();
  expect(second.id).toBe(first.id);
});

test("the history lists, pages by cursor and exports exactly the filtered rows", async ({ request }) => {
  const series = `PAGE${randomUUID().slice(0, 4).toUpperCase()}`;
  await defineSeries(request, series);
  for (let i = 0; i < 3; i++) {
    const draft = { ...(await freshDraft(request)), series };
    expect((await request.post("/api/credit-notes", { data: { draft } })).status()).toBe(202);
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `series=${series}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page = await (await request.get(`/api/transmissions?${query}`)).json();
    seen.push(...page.items.map((item: { number: string }) => item.number));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toEqual(["3", "2", "1"]);

  // English: the machine shape (column keys, commas); a Greek reader gets `;` and Greek headers.
  const csv = await request.get(`/api/transmissions/export.csv?series=${series}`, { headers: { "accept-language": "en" } });
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0]).toContain("series");
  expect(lines.slice(1).map((line) => line.split(",")[2])).toEqual(["3", "2", "1"]);
});

test("an accepted document can be refreshed but not retried; it is a credit note, so it is never credited; an ERP invoice is", async ({ request }) => {
  const issued = await (await request.post("/api/credit-notes", { data: { draft: (await freshDraft(request)) } })).json();
  const original = await waitForFinal(request, issued.id);
  expect(original.status).toBe("accepted");

  const retry = await request.post(`/api/transmissions/${original.id}/retry`);
  expect(retry.status()).toBe(409);
  const refresh = await request.post(`/api/transmissions/${original.id}/refresh`);
  expect(refresh.status()).toBe(200);
  expect((await refresh.json()).status).toBe("accepted");

  await defineSeries(request, `CR${original.series}`);
  const ownCredit = await request.post("/api/credit-notes/credit-existing", {
    data: { authenticationCode: original.authenticationCode, mark: original.mark, relateCredit: false, series: `CR${original.series}` },
  });
  expect(ownCredit.status()).toBe(422);
  expect((await ownCredit.json()).errors).toEqual([expect.objectContaining({ path: "authenticationCode", code: "not_creditable" })]);

  const erp = await (await request.post(`${sandbox}/__control/erp-invoices`, { data: { template: "1043", series: `ERP${original.series}`, number: "1" } })).json();
  const credit = await request.post("/api/credit-notes/credit-existing", {
    data: { authenticationCode: erp.authenticationCode, mark: erp.mark, relateCredit: false, series: `CR${original.series}` },
  });
  expect(credit.status()).toBe(202);
  const credited = await waitForFinal(request, (await credit.json()).id);
  expect(credited.status).toBe("accepted");
  expect(credited.mark).not.toBe(erp.mark);
  expect(credited).toMatchObject({ netCents: 644, vatCents: 155, grossCents: 799 });
});

test("bad requests are answered 4xx with field errors, never 500", async ({ request }) => {
  const draft = (await freshDraft(request));
  draft.lines[0]!.vatCategory = 7;
  const invalid = await request.post("/api/credit-notes", { data: { draft } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).errors).toContainEqual(expect.objectContaining({ path: "draft.lines.0.vatExemptionCategory", code: "exemption_required" }));
  expect((await request.get(`/api/transmissions/${randomUUID()}`)).status()).toBe(404);
  expect((await request.get("/api/transmissions/not-a-uuid")).status()).toBe(404);
  expect((await request.get("/api/transmissions?cursor=garbage")).status()).toBe(422);
  expect((await request.get("/api/transmissions?status=nonsense")).status()).toBe(422);
  expect((await request.post("/api/credit-notes/credit-existing", { data: { mark: "abc" } })).status()).toBe(422);
});
