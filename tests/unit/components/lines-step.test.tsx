// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { UseFormReturn } from "react-hook-form";
import { afterEach, describe, expect, it } from "vitest";
import { LinesStep } from "@/components/credit-note/lines-step";
import { TotalsPanel } from "@/components/credit-note/totals-panel";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { ComposeHarness } from "./compose-harness";
import { renderWithProviders } from "./render";

afterEach(cleanup);

function renderLines(locale: "el" | "en" = "el") {
  let form: UseFormReturn<ComposeValues> | undefined;
  renderWithProviders(
    <ComposeHarness onForm={(f) => { form = f; }}>
      {(f) => (
        <>
          <LinesStep defaultClassification={{ category: "category1_3", type: "E3_561_001" }} />
          <TotalsPanel control={f.control} />
        </>
      )}
    </ComposeHarness>,
    { locale },
  );
  return () => form!;
}

const typeInto = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("lines step with the totals panel", () => {
  it("recomputes the totals on every keystroke, net or gross, with the domain's rounding", async () => {
    renderLines();
    typeInto("Τιμή μονάδας (γραμμή 1)", "7,99");
    await waitFor(() => expect(screen.getByTestId("totals-gross").textContent).toBe("9,91 €"));
    fireEvent.click(screen.getByLabelText("με ΦΠΑ (μικτές)"));
    await waitFor(() => expect(screen.getByTestId("totals-net").textContent).toBe("6,44 €"));
    expect(screen.getByTestId("totals-vat").textContent).toBe("1,55 €");
    expect(screen.getByTestId("totals-gross").textContent).toBe("7,99 €");
    expect(screen.getByTestId("line-0-amounts").textContent).toContain("Καθαρό 6,44 € · ΦΠΑ 1,55 € · Σύνολο 7,99 €");
    typeInto("Ποσότητα (γραμμή 1)", "3");
    typeInto("Έκπτωση % (γραμμή 1)", "10");
    // 3 × 7,99 − 10% = 21,573 → 21,57 typed gross; no net gives exactly that with the rounded VAT at
    // 24%, so net = half-up(21,57 / 1,24) = 17,40 and VAT = 21,57 − 17,40 = 4,17; the line says so.
    await waitFor(() => expect(screen.getByTestId("totals-gross").textContent).toBe("21,57 €"));
    expect(screen.getByTestId("totals-net").textContent).toBe("17,40 €");
    expect(screen.getByTestId("line-0-vat-adjusted").textContent).toContain("ΦΠΑ (4,17 €)");
  });

  it("offers the exemption reason only at 0% and drops it when leaving 0%", async () => {
    const form = renderLines();
    expect(screen.queryByLabelText("Αιτία εξαίρεσης ΦΠΑ (γραμμή 1)")).toBeNull();
    fireEvent.change(screen.getByLabelText("Κατηγορία ΦΠΑ (γραμμή 1)"), { target: { value: "7" } });
    const exemption = await screen.findByLabelText("Αιτία εξαίρεσης ΦΠΑ (γραμμή 1)");
    fireEvent.change(exemption, { target: { value: "14" } });
    await waitFor(() => expect(form().getValues("lines.0.vatExemptionCategory")).toBe(14));
    fireEvent.change(screen.getByLabelText("Κατηγορία ΦΠΑ (γραμμή 1)"), { target: { value: "2" } });
    await waitFor(() => expect(screen.queryByLabelText("Αιτία εξαίρεσης ΦΠΑ (γραμμή 1)")).toBeNull());
    expect(form().getValues("lines.0.vatExemptionCategory")).toBeNull();
    expect(form().getValues("lines.0.vatCategory")).toBe(2);
  });

  it("moves the type to an allowed one when the classification category changes", async () => {
    const form = renderLines();
    expect(form().getValues("lines.0.incomeClassification")).toEqual({ category: "category1_1", type: "E3_561_001" });
    fireEvent.change(screen.getByLabelText("Κατηγορία χαρακτηρισμού (γραμμή 1)"), { target: { value: "category1_7" } });
    await waitFor(() => expect(form().getValues("lines.0.incomeClassification.type")).toBe("E3_881_001"));
    fireEvent.change(screen.getByLabelText("Κατηγορία χαρακτηρισμού (γραμμή 1)"), { target: { value: "category1_95" } });
    await waitFor(() => expect(form().getValues("lines.0.incomeClassification.type")).toBeNull());
  });

  it("adds a line on Enter in the last line, with the issuer's default classification, and focuses it", async () => {
    const form = renderLines();
    await act(async () => { fireEvent.keyDown(screen.getByLabelText("Ποσότητα (γραμμή 1)"), { key: "Enter" }); });
    await waitFor(() => expect(screen.getByLabelText("Περιγραφή (γραμμή 2)")).toBe(document.activeElement));
    expect(form().getValues("lines.1.incomeClassification")).toEqual({ category: "category1_3", type: "E3_561_001" });
    // Enter on a line that is not the last one only moves down.
    await act(async () => { fireEvent.keyDown(screen.getByLabelText("Περιγραφή (γραμμή 1)"), { key: "Enter" }); });
    expect(form().getValues("lines")).toHaveLength(2);
  });

  it("duplicates, moves and deletes lines from the keyboard", async () => {
    const form = renderLines();
    typeInto("Περιγραφή (γραμμή 1)", "Α");
    await act(async () => { fireEvent.keyDown(screen.getByLabelText("Περιγραφή (γραμμή 1)"), { key: "d", altKey: true }); });
    typeInto("Περιγραφή (γραμμή 2)", "Β");
    await act(async () => { fireEvent.keyDown(screen.getByLabelText("Περιγραφή (γραμμή 2)"), { key: "ArrowUp", altKey: true }); });
    await waitFor(() => expect(form().getValues("lines").map((l) => l.description)).toEqual(["Β", "Α"]));
    await act(async () => { fireEvent.keyDown(screen.getByLabelText("Περιγραφή (γραμμή 1)"), { key: "Delete", altKey: true }); });
    await waitFor(() => expect(form().getValues("lines").map((l) => l.description)).toEqual(["Α"]));
  });

  it("turns pasted spreadsheet rows into lines, filling the blank line first", async () => {
    const form = renderLines();
    const text = "Ζώνη\t2\t7,99\t24\nΒιβλίο\t1\t5,50\t13\nΕξαγωγή\t1\t100\t0\n";
    fireEvent.paste(screen.getByLabelText("Περιγραφή (γραμμή 1)"), { clipboardData: { getData: () => text } });
    await waitFor(() => expect(form().getValues("lines")).toHaveLength(3));
    expect(form().getValues("lines").map((l) => [l.description, l.quantity, l.unitPrice, l.vatCategory])).toEqual([
      ["Ζώνη", "2", "7,99", 1], ["Βιβλίο", "1", "5,50", 2], ["Εξαγωγή", "1", "100", 7],
    ]);
    expect(screen.getByRole("status").textContent).toContain("Προστέθηκαν 3 γραμμές");
    expect(screen.getByLabelText("Αιτία εξαίρεσης ΦΠΑ (γραμμή 3)")).toBeTruthy();
  });

  it("leaves a single value pasted into a cell to the browser", () => {
    const form = renderLines();
    const event = fireEvent.paste(screen.getByLabelText("Τιμή μονάδας (γραμμή 1)"), { clipboardData: { getData: () => "7,99" } });
    expect(event).toBe(true);
    expect(form().getValues("lines")).toHaveLength(1);
  });
});
