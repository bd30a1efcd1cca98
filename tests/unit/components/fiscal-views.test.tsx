// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DocumentView } from "@/components/credit-note/document-view";
import { computeTotals } from "@/lib/domain/totals";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { line, SAMPLE_IDENTITY, SAMPLE_INPUT } from "../domain/support";
import { renderWithProviders } from "./render";

afterEach(cleanup);

const lines = [
  line({ description: "Island", unitPriceCents: 1000, vatCategory: 6 }),
  line({ description: "Art. 31", unitPriceCents: 1000, vatCategory: 10 }),
  line({ description: "Adjusted", unitPriceCents: 1000, vatCategory: 1 }),
];

describe("VAT categories and gross-entry adjustments where the document is shown", () => {
  it("the VAT analysis keeps 4% of category 6 and 4% of category 10 apart, each with its code", () => {
    const totals = computeTotals({ priceEntry: "gross", lines, payments: [] });
    expect(totals.vatAnalysis.map((row) => [row.vatCategory, row.ratePercent])).toEqual([[1, 24], [6, 4], [10, 4]]);
  });

  it("the document view names each line's VAT category and marks the line whose VAT is gross − net", () => {
    const document = buildProviderDocument({ ...SAMPLE_INPUT, priceEntry: "gross", lines, payments: [{ methodCode: 3, amountCents: 3000 }] }, SAMPLE_IDENTITY);
    renderWithProviders(<DocumentView document={document} numberPending={false} />, { locale: "en" });
    const view = screen.getByTestId("document-view");
    expect(within(view).getByText(/4% \(cat\. 6\)/)).toBeTruthy();
    expect(within(view).getByText(/4% \(cat\. 10\)/)).toBeTruthy();
    // 10,00 at 24%: 8,06 + 1,94 (1,93 would be net × rate) — marked; 10,00 at 4%: 9,62 + 0,38 exact — not marked.
    expect(screen.getByTestId("document-line-3-vat-adjusted").textContent).toBe("VAT = gross − net (±0.01)");
    expect(screen.queryByTestId("document-line-1-vat-adjusted")).toBeNull();
    expect(screen.queryByTestId("document-line-2-vat-adjusted")).toBeNull();
  });
});
