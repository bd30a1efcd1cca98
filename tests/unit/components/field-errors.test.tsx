// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import type { UseFormReturn } from "react-hook-form";
import { afterEach, describe, expect, it } from "vitest";
import { CounterpartyStep } from "@/components/credit-note/counterparty-step";
import { FieldErrorText } from "@/components/form/field-error";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { ComposeHarness } from "./compose-harness";
import { renderWithProviders } from "./render";

afterEach(cleanup);

function renderCounterparty(locale: "el" | "en") {
  let form: UseFormReturn<ComposeValues> | undefined;
  const view = renderWithProviders(
    <ComposeHarness onForm={(f) => { form = f; }}>
      {() => <CounterpartyStep saveToBook={false} onSaveToBookChange={() => undefined} />}
    </ComposeHarness>,
    { locale },
  );
  return { form: () => form!, view };
}

describe("field errors", () => {
  it("word an error code in the user's language", () => {
    const view = renderWithProviders(<FieldErrorText id="e" error={{ message: "afm_check_digit" }} />, { locale: "el" });
    expect(screen.getByText("μη έγκυρος ΑΦΜ (λάθος ψηφίο ελέγχου)")).toBeTruthy();
    view.rerender(<FieldErrorText id="e" error={{ message: "afm_check_digit" }} />, { locale: "en" });
    expect(screen.getByText("invalid Greek VAT number (AFM): wrong check digit")).toBeTruthy();
  });

  it("sit next to their fields after a step is checked, keep the typed text, and follow a language switch", async () => {
    const { form, view } = renderCounterparty("el");
    fireEvent.change(screen.getByLabelText("ΑΦΜ/VAT αντισυμβαλλόμενου"), { target: { value: "094259217" } });
    expect(screen.getByTestId("vat-check").textContent).toBe("μη έγκυρος ΑΦΜ (λάθος ψηφίο ελέγχου)");
    let valid = true;
    await act(async () => { valid = await form().trigger("counterparty"); });
    expect(valid).toBe(false);
    const name = screen.getByLabelText("Επωνυμία αντισυμβαλλόμενου");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(name.getAttribute("aria-describedby") ?? "")?.textContent).toBe("είναι υποχρεωτικό");
    const vat = screen.getByLabelText("ΑΦΜ/VAT αντισυμβαλλόμενου") as HTMLInputElement;
    expect(document.getElementById(vat.getAttribute("aria-describedby") ?? "")?.textContent).toBe("μη έγκυρος ΑΦΜ (λάθος ψηφίο ελέγχου)");
    expect(vat.value).toBe("094259217");

    view.rerender(
      <ComposeHarness>{() => <CounterpartyStep saveToBook={false} onSaveToBookChange={() => undefined} />}</ComposeHarness>,
      { locale: "en" },
    );
    // Same tree, new language: the form keeps its state and its errors are worded again.
    const englishVat = await screen.findByLabelText("Counterparty VAT number") as HTMLInputElement;
    expect(englishVat.value).toBe("094259217");
    expect(document.getElementById(englishVat.getAttribute("aria-describedby") ?? "")?.textContent).toBe("invalid Greek VAT number (AFM): wrong check digit");
    const englishName = screen.getByLabelText("Counterparty name");
    expect(document.getElementById(englishName.getAttribute("aria-describedby") ?? "")?.textContent).toBe("is required");
  });

  it("show the country's VAT prefix and accept a valid number as typed", () => {
    renderCounterparty("el");
    fireEvent.change(screen.getByLabelText("Χώρα αντισυμβαλλόμενου"), { target: { value: "DE" } });
    expect(screen.getByText("DE", { selector: "span" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("ΑΦΜ/VAT αντισυμβαλλόμενου"), { target: { value: "123456789" } });
    expect(screen.getByTestId("vat-check").textContent).toBe("✓ Έγκυρο: DE123456789");
  });
});
