import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ISSUER, prepareComposeData, SCREENSHOT_DIR, settledTransmission } from "./compose-fixtures";

/**
 * Phone (390×844) and tablet (768×1024): no page scrolls sideways, the menu collapses behind a
 * button that opens it, the history shows cards on the phone, the wizard's totals sit below the
 * inputs. Screenshots of every page are kept under .test-output/screenshots for review.
 */

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 768, height: 1024 },
] as const;

async function expectNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
    // Named in the failure message: the first elements that reach past the right edge.
    widest: [...document.querySelectorAll("body *")].filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5).map((element) => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 50)}`),
  }));
  expect(scrollWidth, `${what}: ${scrollWidth} > ${innerWidth}; ${widest.join(", ")}`).toBeLessThanOrEqual(innerWidth);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

function fullDraft(id: string, series: string, profileId: string) {
  return {
    id,
    issuerProfileId: profileId,
    issuer: { vat: DEMO_ISSUER.vat, name: DEMO_ISSUER.name, branchCode: 0, address: DEMO_ISSUER.address },
    series,
    issuedAt: null,
    counterparty: { name: "ΑΦΟΙ ΠΑΠΑΔΟΠΟΥΛΟΙ Ο.Ε. — ΕΜΠΟΡΙΑ ΕΙΔΩΝ ΣΠΙΤΙΟΥ", vat: "EL094014201", code: "00001", address: { countryCode: "GR", city: "ΘΕΣΣΑΛΟΝΙΚΗ", street: "ΛΕΩΦΟΡΟΣ ΒΑΣΙΛΙΣΣΗΣ ΟΛΓΑΣ 120", postalCode: "54645" }, emails: [] },
    priceEntry: "gross",
    lines: [1, 2, 3].map((n) => ({ description: `Φαρδιά ζώνη cowboy ${n}`, quantity: "1", unitCode: 1, unitPrice: "7,99", discountPercent: "", vatCategory: 1, vatExemptionCategory: null, incomeClassification: { category: "category1_1", type: "E3_561_001" } })),
    payments: [{ methodCode: 3, amount: "23,97" }],
    emails: ["accounts.payable.department@papadopouloi-example.gr"],
    reference: "A9439 / 50",
    notes: "",
  };
}

test.describe("phone and tablet layout", () => {
  let detailPath = "";
  let draftId = "";

  test.beforeAll(async () => {
    const { admin, series, profileId } = await prepareComposeData();
    const issued = await admin.post("/api/credit-notes", { data: { draft: { ...fullDraft(randomUUID(), series, profileId), issuerProfileId: undefined } } });
    expect(issued.status(), await issued.text()).toBe(202);
    const id = String((await issued.json()).id);
    expect((await settledTransmission(admin, id)).status).toBe("accepted");
    detailPath = `/transmissions/${id}`;
    draftId = randomUUID();
    const saved = await admin.put(`/api/drafts/${draftId}`, { data: { step: 4, draft: fullDraft(draftId, series, profileId) } });
    expect(saved.status(), await saved.text()).toBe(200);
    await admin.dispose();
  });

  for (const viewport of VIEWPORTS) {
    test(`${viewport.name} ${viewport.width}×${viewport.height}: no page scrolls sideways and the menu opens`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const [name, path] of [["overview", "/"], ["history", "/transmissions"], ["detail", detailPath], ["settings", "/settings"], ["drafts", "/credit-notes/drafts"]] as const) {
        await page.goto(path);
        await expect(page.locator("main h1").first()).toBeVisible();
        await expectNoHorizontalOverflow(page, `${name} at ${viewport.width}`);
        await shot(page, `responsive-${viewport.name}-${name}`);
      }

      // The menu: collapsed behind its button, opened by it, closed again on the next page.
      await page.goto("/transmissions");
      const nav = page.getByRole("navigation", { name: "main" });
      const button = page.getByRole("button", { name: "Μενού" });
      await expect(nav).toBeHidden();
      await expect(button).toHaveAttribute("aria-expanded", "false");
      await button.click();
      await expect(nav).toBeVisible();
      await expect(page.getByRole("button", { name: "Κλείσιμο μενού" })).toHaveAttribute("aria-expanded", "true");
      await expectNoHorizontalOverflow(page, `open menu at ${viewport.width}`);
      await shot(page, `responsive-${viewport.name}-menu`);
      await nav.getByRole("link", { name: "Επισκόπηση" }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(nav).toBeHidden();

      // The history: cards on the phone, the table on the tablet; each leads to its document.
      await page.goto("/transmissions");
      const cards = page.getByTestId("history-cards");
      if (viewport.width < 768) {
        await expect(cards).toBeVisible();
        await expect(page.locator("table")).toBeHidden();
        await cards.getByRole("link").first().click();
        await expect(page).toHaveURL(/\/transmissions\/[0-9a-f-]{36}$/);
      } else {
        await expect(cards).toBeHidden();
        await expect(page.locator("table").first()).toBeVisible();
      }

      // The wizard, every step; the totals sit below the inputs, never over them.
      await page.goto(`/credit-notes/new?draft=${draftId}`);
      const steps = page.getByRole("navigation", { name: "Βήματα" }).getByRole("button");
      await expect(steps).toHaveCount(5);
      for (let index = 0; index < 5; index += 1) {
        await steps.nth(index).click();
        await expect(steps.nth(index)).toHaveAttribute("aria-current", "step");
        await expectNoHorizontalOverflow(page, `compose step ${index + 1} at ${viewport.width}`);
        await shot(page, `responsive-${viewport.name}-compose-${index + 1}`);
        if (index === 2) {
          const totals = await page.getByRole("complementary", { name: "Σύνολα" }).boundingBox();
          const lastInput = await page.getByTestId("lines-grid").locator("input, select").last().boundingBox();
          expect(totals).not.toBeNull();
          expect(lastInput).not.toBeNull();
          expect(totals!.y, "the totals start below the last line's inputs").toBeGreaterThan(lastInput!.y + lastInput!.height);
          // The line's inputs keep a usable width.
          const description = await page.getByTestId("lines-grid").getByPlaceholder("Περιγραφή").first().boundingBox();
          expect(description!.width).toBeGreaterThan(200);
        }
      }
    });
  }
});
