// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { UseFormReturn } from "react-hook-form";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LinesStep } from "@/components/credit-note/lines-step";
import { TotalsPanel } from "@/components/credit-note/totals-panel";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { ComposeHarness } from "./compose-harness";

afterEach(cleanup);

/** Lets react-hook-form's asynchronous validation finish and React commit what followed. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));

describe("watching while typing", () => {
  it("the totals panel and the line amounts subscribe once, not again on every keystroke", async () => {
    let form: UseFormReturn<ComposeValues> | undefined;
    render(
      <ComposeHarness onForm={(f) => { form = f; }}>
        {(f) => (
          <>
            <LinesStep locale="en" defaultClassification={null} />
            <TotalsPanel control={f.control} locale="en" />
          </>
        )}
      </ComposeHarness>,
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
});
