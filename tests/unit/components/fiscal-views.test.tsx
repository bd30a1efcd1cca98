// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DocumentView } from "@/components/credit-note/document-view";
import { LinesStep } from "@/components/credit-note/lines-step";
import { TotalsPanel } from "@/components/credit-note/totals-panel";
import { ComposeHarness } from "./compose-harness";
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

describe("taxes beyond VAT where the document is shown", () => {
  const taxed = line({ description: "Consulting", unitPriceCents: 10_000, taxes: { withheld: { category: 3, amountCents: null }, stampDuty: { category: 1, amountCents: null } } });

  it("the document view shows each line's taxes with their category words, the line payable, the tax totals and the payable amount", () => {
    const document = buildProviderDocument({ ...SAMPLE_INPUT, priceEntry: "net", lines: [taxed, line({ description: "Plain", unitPriceCents: 1000 })], payments: [{ methodCode: 3, amountCents: 11_760 }] }, SAMPLE_IDENTITY);
    renderWithProviders(<DocumentView document={document} numberPending={false} />, { locale: "en" });
    // 100,00 net, 24,00 VAT, 20 % withheld 20,00, 1,2 % stamp duty 1,20: payable 105,20.
    const taxes = screen.getByTestId("document-line-1-taxes").textContent ?? "";
    expect(taxes).toContain("Withholding tax (cat. 3 — Case d' – management consulting fees – 20%): 20.00 €");
    expect(taxes).toContain("Stamp duty (cat. 1 — Coefficient 1.2%): 1.20 €");
    expect(taxes).toContain("line payable 105.20 €");
    expect(screen.queryByTestId("document-line-2-taxes")).toBeNull();
    expect(screen.getByTestId("document-TotalWithheldAmount").textContent).toBe("20.00 €");
    expect(screen.getByTestId("document-TotalStampDutyAmount").textContent).toBe("1.20 €");
    // 105,20 + the plain line's 12,40.
    expect(screen.getByTestId("document-TotalPayableAmount").textContent).toBe("117.60 €");
  });

  it("in Greek, with the Greek words of the categories", () => {
    const document = buildProviderDocument({ ...SAMPLE_INPUT, priceEntry: "net", lines: [taxed], payments: [{ methodCode: 3, amountCents: 10_520 }] }, SAMPLE_IDENTITY);
    renderWithProviders(<DocumentView document={document} numberPending={false} />, { locale: "el" });
    const taxes = screen.getByTestId("document-line-1-taxes").textContent ?? "";
    expect(taxes).toMatch(/Παρακράτηση φόρου \(κατ\. 3 — [^)]+\): 20,00 €/);
    expect(taxes).toMatch(/Χαρτόσημο \(κατ\. 1 — [^)]+\): 1,20 €/);
    expect(screen.getByTestId("document-TotalPayableAmount").textContent).toBe("105,20 €");
  });
});

describe("other taxes on a line, behind a disclosure", () => {
  it("a plain line keeps it closed; a 20% withholding and 1,2% stamp duty show their amounts and change the payable total", async () => {
    renderWithProviders(
      <ComposeHarness>
        {(f) => (
          <>
            <LinesStep defaultClassification={{ category: "category1_3", type: "E3_561_001" }} />
            <TotalsPanel control={f.control} />
          </>
        )}
      </ComposeHarness>,
      { locale: "en" },
    );
    fireEvent.change(screen.getByLabelText("Unit price (line 1)"), { target: { value: "1000" } });
    await waitFor(() => expect(screen.getByTestId("totals-gross").textContent).toBe("1,240.00 €"));
    const disclosure = screen.getByTestId("line-0-taxes") as HTMLDetailsElement;
    expect(disclosure.open).toBe(false);
    expect(screen.queryByLabelText("Withholding tax category (line 1)")).toBeNull();
    disclosure.open = true;
    fireEvent(disclosure, new Event("toggle"));
    fireEvent.change(screen.getByLabelText("Withholding tax category (line 1)"), { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText("Stamp duty category (line 1)"), { target: { value: "1" } });
    await waitFor(() => expect(screen.getByTestId("totals-gross").textContent).toBe("1,052.00 €"));
    expect(screen.getByTestId("line-0-withheld-computed").textContent).toBe("20% = 200.00 €");
    expect(screen.getByTestId("line-0-stampDuty-computed").textContent).toBe("1.2% = 12.00 €");
    expect(disclosure.open).toBe(true);
    // Other-tax categories myDATA no longer accepts (1, 2) are not offered; the rest are.
    const otherTaxes = [...(screen.getByLabelText("Other taxes category (line 1)") as HTMLSelectElement).options].map((option) => option.value).filter(Boolean);
    expect(otherTaxes).not.toContain("1");
    expect(otherTaxes).not.toContain("2");
    expect(otherTaxes).toContain("3");
    expect(otherTaxes).toHaveLength(28);
    // An amount category asks for its amount.
    fireEvent.change(screen.getByLabelText("Fee category (line 1)"), { target: { value: "10" } });
    fireEvent.change(await screen.findByLabelText("Fee amount (line 1)"), { target: { value: "3" } });
    await waitFor(() => expect(screen.getByTestId("totals-gross").textContent).toBe("1,055.00 €"));
  });
});
