// @vitest-environment jsdom
import { QueryClient } from "@tanstack/react-query";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { renderWithProviders } from "./render";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ComposeWizard } from "@/components/credit-note/compose-wizard";
import { firstStepWithError, isOnField, type FixMode } from "@/components/credit-note/fix-mode";
import { fixValuesOf } from "@/components/credit-note/wizard-model";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { computeTotals } from "@/lib/domain/totals";
import { editableDraftOfDocument } from "@/lib/provider/impact/read-document";
import { editableDraftSchema, type EditableDraft } from "@/lib/validation/draft-snapshot";

/** The editable draft of a stored payload, read through the draft's one declaration. */
const draftFromPayload = (payload: unknown): EditableDraft => editableDraftSchema.parse(editableDraftOfDocument(payload));
import { placeErrors } from "@/lib/history/error-fields";
import { messageOfCode } from "@/lib/i18n/validation-messages";
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

const router = { push: vi.fn(), refresh: vi.fn(), replace: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const DOCUMENT_ID = "0b7e4d8c-3f2a-4e61-9c5d-7a8b9c0d1e2f";
const IDENTITY = { series: "ΠΤ", number: "42", internalDocumentId: "5f0c6a8e-2b1d-4c3e-9f7a-1a2b3c4d5e6f", issuedAt: "2025-03-24T10:15:00" };

/** The rejected document as it was sent (the provider's 5.2 sample), read back as Fix & resend reads it. */
function rejectedDraft() {
  const parsed = parseDraft(sampleDraft());
  if (!parsed.ok) throw new Error("sample draft invalid");
  return draftFromPayload(buildProviderDocument(parsed.value.input, IDENTITY));
}

/** What myDATA said: one error on a line's field, one on the totals (no field), one on nothing at all. */
const PROVIDER_ERRORS = placeErrors([
  { code: "229", message: "Aade Validation Error: <code>229</code> VAT amount differs", field: "Details[0].VATTotal" },
  { code: "231", message: "Total VAT does not match the lines", field: "Summaries.TotalVATAmount" },
  { code: "300", message: "Document refused", field: null },
]);

interface Call { url: string; method: string; body: unknown }
let calls: Call[];
let fixAnswer: () => Response;

function previewOf(draft: unknown): Response {
  const parsed = parseDraft(draft);
  if (!parsed.ok) return new Response(JSON.stringify({ errors: parsed.errors }), { status: 422 });
  const document = buildProviderDocument(parsed.value.input, { ...IDENTITY, internalDocumentId: "00000000-0000-4000-8000-000000000000" });
  return new Response(JSON.stringify({ document, totals: computeTotals(parsed.value.input), assignedAtIssue: ["DistributionDetails.InternalDocumentId"] }), { status: 200 });
}

beforeEach(() => {
  calls = [];
  router.push.mockReset();
  router.refresh.mockReset();
  fixAnswer = () => new Response(JSON.stringify({ id: DOCUMENT_ID, status: "queued", series: IDENTITY.series, number: IDENTITY.number, internalDocumentId: IDENTITY.internalDocumentId }), { status: 202 });
  vi.stubGlobal("fetch", vi.fn(async (url: string, init: RequestInit = {}) => {
    const body = init.body === undefined ? undefined : (JSON.parse(String(init.body)) as { draft?: unknown });
    calls.push({ url, method: init.method ?? "GET", body });
    if (url === "/api/credit-notes/preview") return previewOf(body?.draft);
    if (url === `/api/transmissions/${DOCUMENT_ID}/fix`) return fixAnswer();
    return new Response("{}", { status: 404 });
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The document's issuer as its administrator defined it: the fix shows the profile's name and address. */
const ISSUER_PROFILE = {
  id: "5d1f6a2e-0c7b-4f3e-9a8d-1b2c3d4e5f60", vat: "EL094259216", name: "BEST SHOPPING",
  address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551" }, defaultClassification: null, branches: [],
};

function renderFix(providerErrors = PROVIDER_ERRORS) {
  const fix: FixMode = { documentId: DOCUMENT_ID, identity: IDENTITY, providerErrors };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  renderWithProviders(
    <ComposeWizard environment="SANDBOX" initialValues={fixValuesOf(DOCUMENT_ID, rejectedDraft())} initialStep={0} restored={false}
      profiles={[ISSUER_PROFILE]} series={[]} fix={fix} />,
    { locale: "el", client },
  );
}

const stepTitle = () => screen.getByRole("heading", { level: 2, name: /Εκδότης|Αντισυμβαλλόμενος|Γραμμές|ΦΠΑ & πληρωμή|Έλεγχος/ });
const openStep = (n: number, name: string) => fireEvent.click(screen.getByRole("button", { name: `${n}. ${name}` }));

describe("the compose wizard in fix mode", () => {
  it("opens where the provider found the error, with the error on its field and the identity shown, not editable", async () => {
    renderFix();
    expect(stepTitle()).toHaveProperty("textContent", "Γραμμές");
    const vat = screen.getByLabelText("Κατηγορία ΦΠΑ (γραμμή 1)");
    await waitFor(() => expect(vat.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Ο πάροχος: [229] VAT amount differs")).toBeTruthy();
    expect(screen.getByTestId("fix-identity").textContent).toBe("ΠΤ/42");
    expect(screen.getByText(IDENTITY.internalDocumentId)).toBeTruthy();
    expect(screen.getByText("24/03/2025 10:15")).toBeTruthy();
    // The line's other fields are not in error.
    expect(screen.getByLabelText("Τιμή μονάδας (γραμμή 1)").getAttribute("aria-invalid")).not.toBe("true");

    openStep(1, "Εκδότης");
    await waitFor(() => expect(stepTitle().textContent).toBe("Εκδότης"));
    // No control for the series, the issue time or the issuer's VAT number: the document keeps them.
    expect(screen.queryByLabelText(/Σειρά/)).toBeNull();
    expect(screen.queryByLabelText(/Ημερομηνία/)).toBeNull();
    expect(screen.queryByRole("textbox", { name: /ΑΦΜ εκδότη/ })).toBeNull();
    expect(screen.getByTestId("fix-issuer-vat").textContent).toBe("EL094259216");
    expect(screen.getByTestId("fix-identity").textContent).toBe("ΠΤ/42");
  });

  it("lists the errors that have no field under their step's heading", async () => {
    renderFix();
    // Lines: the 229 sits on its field, nothing is listed under the heading.
    expect(screen.queryByTestId("step-provider-errors")).toBeNull();
    openStep(4, "ΦΠΑ & πληρωμή");
    await waitFor(() => expect(stepTitle().textContent).toBe("ΦΠΑ & πληρωμή"));
    const totals = screen.getByTestId("step-provider-errors");
    expect(totals.textContent).toContain("[231]");
    expect(totals.textContent).toContain("Summaries.TotalVATAmount");
    openStep(5, "Έλεγχος & έκδοση");
    await waitFor(() => expect(stepTitle().textContent).toBe("Έλεγχος & έκδοση"));
    expect(screen.getByTestId("step-provider-errors").textContent).toContain("[300] Document refused");
  });

  it("validates with the shared resolver and shows the live totals, as composing does", async () => {
    renderFix([]);
    // No error from the provider: the fix opens at the first step.
    expect(stepTitle().textContent).toBe("Εκδότης");
    openStep(3, "Γραμμές");
    await waitFor(() => expect(stepTitle().textContent).toBe("Γραμμές"));
    expect(screen.getByTestId("totals-gross").textContent).toBe("7,99 €");
    fireEvent.change(screen.getByLabelText("Τιμή μονάδας (γραμμή 1)"), { target: { value: "1,234.5" } });
    await waitFor(() => expect(screen.getByLabelText("Τιμή μονάδας (γραμμή 1)").getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText(messageOfCode("amount.ambiguous_separators", "el"))).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Τιμή μονάδας (γραμμή 1)"), { target: { value: "10" } });
    await waitFor(() => expect(screen.getByTestId("totals-gross").textContent).toBe("12,40 €"));
  });

  it("resends the corrected draft with the same number to the fix endpoint, saves no draft, and opens the document", async () => {
    renderFix();
    openStep(2, "Αντισυμβαλλόμενος");
    await waitFor(() => expect(stepTitle().textContent).toBe("Αντισυμβαλλόμενος"));
    fireEvent.change(screen.getByLabelText("Επωνυμία αντισυμβαλλόμενου"), { target: { value: "FOREIGN COMPANY (διόρθωση)" } });
    openStep(5, "Έλεγχος & έκδοση");
    await waitFor(() => expect(stepTitle().textContent).toBe("Έλεγχος & έκδοση"));
    const send = await screen.findByRole("button", { name: "Διόρθωση & επαναποστολή (SANDBOX)" });
    await waitFor(() => expect((send as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(send);
    await waitFor(() => expect(router.push).toHaveBeenCalledWith(`/transmissions/${DOCUMENT_ID}`));

    const sent = calls.filter((call) => call.url === `/api/transmissions/${DOCUMENT_ID}/fix`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: "POST",
      body: { draft: { series: "ΠΤ", number: "42", issuedAt: IDENTITY.issuedAt, issuerProfileId: null, counterparty: { name: "FOREIGN COMPANY (διόρθωση)" }, lines: [{ unitPrice: "6,44" }] } },
    });
    // Previewed with the document's own number; never issued as a new document, never saved as a draft.
    expect(calls.find((call) => call.url === "/api/credit-notes/preview")?.body).toMatchObject({ draft: { number: "42" } });
    expect(calls.some((call) => call.url === "/api/credit-notes" || call.url.startsWith("/api/drafts"))).toBe(false);
  });

  it("puts the server's field errors back on the wizard's fields when the correction is refused", async () => {
    fixAnswer = () => new Response(JSON.stringify({ errors: [{ path: "draft.counterparty.vat", code: "vat_format", message: "ΑΦΜ/VAT αντισυμβαλλόμενου: μη έγκυρη μορφή" }] }), { status: 422 });
    renderFix();
    openStep(5, "Έλεγχος & έκδοση");
    const send = await screen.findByRole("button", { name: "Διόρθωση & επαναποστολή (SANDBOX)" });
    await waitFor(() => expect((send as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(send);
    await waitFor(() => expect(stepTitle().textContent).toBe("Αντισυμβαλλόμενος"));
    const vat = screen.getByLabelText("ΑΦΜ/VAT αντισυμβαλλόμενου");
    expect(vat.getAttribute("aria-invalid")).toBe("true");
    const described = vat.getAttribute("aria-describedby")?.split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain(messageOfCode("vat_format", "el"));
    expect(within(screen.getByRole("form")).getByText(/Διορθώστε τα πεδία με σφάλμα/)).toBeTruthy();
    expect(router.push).not.toHaveBeenCalled();
  });
});

describe("fix mode's placing of errors", () => {
  const values = { lines: [rejectedDraft().lines[0]!], payments: [{ methodCode: 3, amount: "7,99" }] };

  it("puts an error on a field only when the wizard shows that field and it is not the document's identity", () => {
    expect(isOnField("lines.0.vatCategory", values)).toBe(true);
    expect(isOnField("payments.0.amount", values)).toBe(true);
    expect(isOnField("lines.3.vatCategory", values)).toBe(false);
    expect(isOnField("lines.0", values)).toBe(false);
    expect(isOnField("series", values)).toBe(false);
    expect(isOnField("issuer.vat", values)).toBe(false);
    // The issuer is chosen, not typed: its VAT number has no field; the profile choice does.
    expect(isOnField("issuer.vat", values, { locked: false })).toBe(false);
    expect(isOnField("issuerProfileId", values, { locked: false })).toBe(true);
    expect(isOnField(null, values)).toBe(false);
  });

  it("opens on the first step with an error", () => {
    expect(firstStepWithError(PROVIDER_ERRORS)).toBe(2);
    expect(firstStepWithError(placeErrors([{ code: null, message: "x", field: "CounterParty.Vat" }, { code: null, message: "y", field: "Details[0].Quantity" }]))).toBe(1);
    expect(firstStepWithError([])).toBe(0);
  });

  it("gives the wizard the document's draft without its number and without an issuer profile", () => {
    const values = fixValuesOf(DOCUMENT_ID, rejectedDraft());
    expect(values).toMatchObject({ id: DOCUMENT_ID, issuerProfileId: null, series: "ΠΤ", issuedAt: IDENTITY.issuedAt });
    expect("number" in values).toBe(false);
  });
});
