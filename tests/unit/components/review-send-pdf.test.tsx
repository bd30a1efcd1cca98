// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReviewStep } from "@/components/credit-note/review-step";
import { newDraftValues } from "@/components/credit-note/wizard-model";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { renderWithProviders } from "./render";

beforeEach(() => {
  // The preview is not what these tests look at: the server refuses it, the notice stands on the draft alone.
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ errors: [] }), { status: 422 })));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function valuesWith(patch: Partial<ComposeValues>): ComposeValues {
  return { ...newDraftValues("7c0e2f4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b", [], []), ...patch };
}

function renderReview(values: ComposeValues, locale: "el" | "en") {
  renderWithProviders(
    <ReviewStep environment="SANDBOX" values={values} fix={undefined} onIssued={() => undefined} onIssuing={() => undefined} onRefused={() => undefined} />,
    { locale },
  );
}

describe("the review step before issuing, when the PDF is to be e-mailed", () => {
  it("says in English that the provider will e-mail the PDF to every listed address", () => {
    renderReview(valuesWith({ sendPdf: true, emails: ["a@customer.example", "b@customer.example"] }), "en");
    expect(screen.getByTestId("review-send-pdf").textContent).toBe(
      "Once the provider registers the document, it will e-mail the PDF to: a@customer.example, b@customer.example",
    );
  });

  it("says it in Greek", () => {
    renderReview(valuesWith({ sendPdf: true, emails: ["a@customer.example"] }), "el");
    expect(screen.getByTestId("review-send-pdf").textContent).toBe(
      "Μόλις ο πάροχος καταχωρίσει το παραστατικό, θα στείλει το PDF με e-mail σε: a@customer.example",
    );
  });

  it("says nothing of e-mail when the option is off, even with addresses listed", () => {
    renderReview(valuesWith({ sendPdf: false, emails: ["a@customer.example"] }), "en");
    expect(screen.queryByTestId("review-send-pdf")).toBeNull();
    expect(screen.queryByText(/e-mail the PDF/)).toBeNull();
  });
});
