// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import type { UseFormReturn } from "react-hook-form";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LinesStep } from "@/components/credit-note/lines-step";
import { TotalsPanel } from "@/components/credit-note/totals-panel";
import { newLine } from "@/components/credit-note/wizard-model";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { ComposeHarness } from "./compose-harness";
import { renderWithProviders } from "./render";

afterEach(cleanup);

/** Lets react-hook-form's asynchronous validation finish and React commit what followed. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));

describe("watching while typing", () => {
  it("the totals panel and the line amounts subscribe once, not again on every keystroke", async () => {
    let form: UseFormReturn<ComposeValues> | undefined;
    renderWithProviders(
      <ComposeHarness onForm={(f) => { form = f; }}>
        {(f) => (
          <>
            <LinesStep defaultClassification={null} />
            <TotalsPanel control={f.control} />
          </>
        )}
      </ComposeHarness>,
      { locale: "en" },
    );
    await settle();
    // Each (re)subscription of a watcher deep-copies and deep-compares all it watches: all the lines, for the panel.
    const subscribe = vi.spyOn(form!.control, "_subscribe");
    for (const value of ["1", "12", "123", "12"]) {
      fireEvent.change(screen.getByLabelText("Unit price (line 1)"), { target: { value } });
      await settle();
    }
    expect(screen.getByTestId("totals-net").textContent).toBe("12.00 €");
    expect(subscribe).not.toHaveBeenCalled();
  });

  it("a line's fields share one error subscription, and each still shows its own error", async () => {
    let subscriptions = 0;
    const lines = Array.from({ length: 8 }, (_, i) => ({ ...newLine(null), description: `Item ${i + 1}`, unitPrice: "1" }));
    renderWithProviders(
      <ComposeHarness values={{ lines }} onForm={(f) => {
        if (subscriptions === 0 && !vi.isMockFunction(f.control._subscribe)) {
          const original = f.control._subscribe;
          f.control._subscribe = vi.fn((props: Parameters<typeof original>[0]) => { subscriptions += 1; return original(props); });
        }
      }}>
        {() => <LinesStep defaultClassification={null} />}
      </ComposeHarness>,
      { locale: "en" },
    );
    await settle();
    // Per line: its error scope and two watchers (the line's VAT and category, its amounts); its
    // fields subscribe to nothing. One subscription per field made it ten per line.
    expect(subscriptions).toBeLessThanOrEqual(8 * 3 + 2);
    fireEvent.change(screen.getByLabelText("Unit price (line 7)"), { target: { value: "1x" } });
    await settle();
    const price7 = screen.getByLabelText("Unit price (line 7)");
    expect(price7.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(price7.getAttribute("aria-describedby") ?? "")?.textContent).toBeTruthy();
    expect(screen.getByLabelText("Unit price (line 6)").getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByLabelText("Unit price (line 8)").getAttribute("aria-invalid")).toBeNull();
    fireEvent.change(price7, { target: { value: "2" } });
    await settle();
    expect(price7.getAttribute("aria-invalid")).toBeNull();
  });
});
