import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sampleDraft } from "../fixtures/sample-draft";
import { DEMO_ISSUER, prepareComposeData, stateOf } from "./compose-fixtures";

// A clerk chooses issuers and series; only an administrator defines them.
test.use({ storageState: stateOf("clerk") });

test("a clerk can only pick an issuer and a series an administrator defined, and cannot create one by typing or through the API", async ({ page }) => {
  const { series } = await prepareComposeData();
  const defined = (await (await page.request.get(`/api/series?issuerVat=${DEMO_ISSUER.vat}`)).json()) as { items: { code: string }[] };
  const definedCodes = defined.items.map((s) => s.code).sort();
  expect(definedCodes).toContain(series);

  await page.goto("/credit-notes/new");
  const issuer = page.getByLabel("Προφίλ εκδότη");
  await issuer.selectOption({ label: `${DEMO_ISSUER.name} — ${DEMO_ISSUER.vat}` });
  // No issuer field to type: the profile's name, VAT number and address are shown, not edited.
  await expect(page.getByRole("textbox", { name: /εκδότη/ })).toHaveCount(0);
  await expect(page.getByTestId("issuer-summary")).toContainText(DEMO_ISSUER.vat);
  // The series is a select of exactly the issuer's defined series.
  const seriesSelect = page.getByLabel("Σειρά", { exact: true });
  expect(await seriesSelect.evaluate((el) => el.tagName)).toBe("SELECT");
  const offered = (await seriesSelect.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter(Boolean).sort();
  expect(offered).toEqual(definedCodes);
  await seriesSelect.selectOption(series);
  await expect(page.getByText("Επόμενος αριθμός: 1")).toBeVisible();

  // Through the API: an undefined series or issuer is refused by name, and nothing is created.
  const draft = { ...sampleDraft(), id: randomUUID(), number: undefined, series: `NEW${randomUUID().slice(0, 4).toUpperCase()}` };
  const refused = await page.request.post("/api/credit-notes", { data: { draft } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).errors).toEqual([expect.objectContaining({ path: "draft.series", code: "series_not_defined", message: expect.stringMatching(/^Σειρά: η σειρά «NEW\w+» δεν έχει οριστεί/) })]);
  const stranger = await page.request.post("/api/credit-notes", { data: { draft: { ...draft, series, issuer: { ...draft.issuer, vat: "EL090000045" } } } });
  expect(stranger.status()).toBe(422);
  expect((await stranger.json()).errors[0]).toMatchObject({ path: "draft.issuer.vat", code: "issuer_not_defined" });
  expect((await page.request.post("/api/series", { data: { issuerVat: DEMO_ISSUER.vat, code: draft.series } })).status()).toBe(403);
  const after = (await (await page.request.get(`/api/series?issuerVat=${DEMO_ISSUER.vat}`)).json()) as { items: { code: string }[] };
  expect(after.items.map((s) => s.code)).not.toContain(draft.series);
});
