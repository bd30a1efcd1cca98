// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SeriesTable } from "@/components/settings/series-editor";
import { queryKeys } from "@/components/ui/query-keys";
import { renderWithProviders } from "./render";

const router = vi.hoisted(() => ({ refresh: vi.fn(), replace: vi.fn(), push: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const SERIES = [{ id: 7, issuerVat: "094259216", code: "ΠΤ", nextNumber: 12, description: null }];

let requests: Request[];
let answer: () => Response;

beforeEach(() => {
  vi.clearAllMocks();
  requests = [];
  vi.stubGlobal("fetch", vi.fn(async (url: string, init: RequestInit) => {
    requests.push(new Request(new URL(url, "http://localhost"), init));
    return answer();
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function saveNextNumber(value: string) {
  fireEvent.change(screen.getByLabelText("Next number — ΠΤ"), { target: { value } });
  await act(async () => { fireEvent.click(screen.getByRole("button", { name: "Save" })); });
}

describe("a settings change", () => {
  it("is sent in the provider's language; a refusal shows the server's message and refreshes nothing", async () => {
    answer = () => new Response(JSON.stringify({ error: { code: "conflict", message: "Number 3 is already taken." }, correlationId: "c1" }), { status: 409 });
    renderWithProviders(<SeriesTable series={SERIES} />, { locale: "en" });
    await saveNextNumber("3");
    expect(await screen.findByText("Number 3 is already taken.")).toBeTruthy();
    expect(requests[0]?.method).toBe("PATCH");
    expect(requests[0]?.url).toBe("http://localhost/api/series/7");
    expect(requests[0]?.headers.get("accept-language")).toBe("en");
    expect(await requests[0]?.json()).toEqual({ nextNumber: "3" });
    expect(router.refresh).not.toHaveBeenCalled();
  });

  it("once saved, refreshes the page and marks the cached queries stale (the compose wizard's address book and previews)", async () => {
    answer = () => new Response(JSON.stringify({ id: 7 }), { status: 200 });
    const view = renderWithProviders(<SeriesTable series={SERIES} />, { locale: "el" });
    view.client.setQueryData(queryKeys.counterparties.search("acme"), { items: [] });
    expect(view.client.getQueryState(queryKeys.counterparties.search("acme"))?.isInvalidated).toBe(false);
    fireEvent.change(screen.getByLabelText("Επόμενος αριθμός — ΠΤ"), { target: { value: "20" } });
    await act(async () => { fireEvent.click(screen.getByRole("button", { name: "Αποθήκευση" })); });
    await waitFor(() => expect(router.refresh).toHaveBeenCalledTimes(1));
    expect(view.client.getQueryState(queryKeys.counterparties.search("acme"))?.isInvalidated).toBe(true);
  });
});
