// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DraftAutosave } from "@/components/credit-note/draft-autosave";
import { TextField } from "@/components/form/text-field";
import { ComposeHarness } from "./compose-harness";
import { renderWithProviders } from "./render";

/** What the dashboard's draft API was sent: one entry per PUT, with the body's reference and step. */
interface Put { reference: string; step: number; keepalive: boolean }

let puts: Put[];
let answer: (() => Promise<Response>) | undefined;

beforeEach(() => {
  puts = [];
  answer = undefined;
  vi.stubGlobal("fetch", vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { draft: { reference: string }; step: number };
    puts.push({ reference: body.draft.reference, step: body.step, keepalive: init.keepalive === true });
    if (answer) return answer();
    return new Response(JSON.stringify({ id: "x", updatedAt: "2026-11-21T10:00:00Z" }), { status: 200 });
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A reference field and the autosave, at `step`. */
function autosaveForm(step: number, enabled: boolean) {
  return (
    <ComposeHarness>
      {() => (
        <>
          <TextField name="reference" label="Reference" />
          <DraftAutosave step={step} enabled={enabled} />
        </>
      )}
    </ComposeHarness>
  );
}

function renderAutosave(step = 3, enabled = true) {
  const view = renderWithProviders(autosaveForm(step, enabled), { locale: "en" });
  const rerender = (nextStep: number, nextEnabled = true) => view.rerender(autosaveForm(nextStep, nextEnabled));
  return { rerender };
}

const type = (value: string) => fireEvent.change(screen.getByLabelText("Reference"), { target: { value } });
const sleep = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

describe("DraftAutosave", () => {
  it("does not save a draft that was only opened", async () => {
    renderAutosave();
    await sleep(1_000);
    expect(puts).toEqual([]);
  });

  it("saves once after a burst of keystrokes, with the last value, and says so", async () => {
    renderAutosave();
    for (const value of ["A", "A9", "A94", "A943"]) {
      type(value);
      await sleep(50);
    }
    await waitFor(() => expect(screen.getByTestId("autosave-status").dataset.state).toBe("saved"), { timeout: 3_000 });
    expect(puts).toEqual([{ reference: "A943", step: 3, keepalive: false }]);
    // Typing back to what was saved saves nothing more.
    type("A94");
    type("A943");
    await sleep(1_000);
    expect(puts).toHaveLength(1);
  });

  it("never lets an older save overtake a newer one: a change typed during a save is saved after it", async () => {
    let release!: () => void;
    answer = () => new Promise<Response>((resolve) => {
      release = () => resolve(new Response("{}", { status: 200 }));
    });
    renderAutosave();
    type("first");
    await waitFor(() => expect(puts).toHaveLength(1), { timeout: 3_000 });
    type("second");
    await sleep(1_000);
    // The first save is still on its way: nothing is sent beside it.
    expect(puts).toHaveLength(1);
    answer = undefined;
    await act(async () => release());
    await waitFor(() => expect(puts.map((p) => p.reference)).toEqual(["first", "second"]), { timeout: 3_000 });
  });

  it("retries after a failed save, and saves when the step changes", async () => {
    answer = async () => new Response(JSON.stringify({ error: { message: "down" } }), { status: 503 });
    const { rerender } = renderAutosave(2);
    type("X");
    await waitFor(() => expect(screen.getByTestId("autosave-status").dataset.state).toBe("error"), { timeout: 3_000 });
    answer = undefined;
    await waitFor(() => expect(screen.getByTestId("autosave-status").dataset.state).toBe("saved"), { timeout: 8_000 });
    expect(puts.map((p) => p.reference)).toEqual(["X", "X"]);
    rerender(3);
    await waitFor(() => expect(puts).toHaveLength(3), { timeout: 3_000 });
    expect(puts[2]).toEqual({ reference: "X", step: 3, keepalive: false });
  });

  it("saves what is unsaved with keepalive when the page goes away, and nothing while issuing", async () => {
    const { rerender } = renderAutosave();
    type("leaving");
    await act(async () => { window.dispatchEvent(new Event("pagehide")); });
    expect(puts).toEqual([{ reference: "leaving", step: 3, keepalive: true }]);
    await sleep(1_000);
    expect(puts).toHaveLength(1);
    rerender(3, false);
    type("while issuing");
    await sleep(1_000);
    await act(async () => { window.dispatchEvent(new Event("pagehide")); });
    expect(puts).toHaveLength(1);
  });
});
