// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HistoryTable } from "@/components/transmissions/history-table";
import { EMPTY_HISTORY_FORM } from "@/lib/history/history-url";
import type { HistoryItem, HistoryPageData } from "@/lib/history/views";
import { renderWithProviders, testQueryClient } from "./render";

afterEach(cleanup);

function page(counterpartyName: string, status: HistoryItem["status"]): HistoryPageData {
  return {
    items: [{
      id: "d1", internalDocumentId: "i1", kind: "compose", status, series: "ΠΤ", number: "12", issuedAt: "2026-11-21T10:15:00",
      issuerVat: "094259216", counterpartyName, counterpartyVat: "EL123456783", netCents: 10_000, vatCents: 2_400, grossCents: 12_400,
      mark: status === "accepted" ? "400001234567890" : null, uid: null, attemptCount: 1, createdBy: "clerk@example.gr",
      createdAt: "2026-11-21T08:15:00Z", updatedAt: "2026-11-21T08:15:00Z",
    }],
    nextCursor: null,
    prevCursor: null,
  };
}

describe("the history table", () => {
  it("words its rows in the provider's language", () => {
    renderWithProviders(<HistoryTable initial={page("Acme", "accepted")} apiQuery="" form={EMPTY_HISTORY_FORM} />, { locale: "en" });
    // The table (768 px and wider) and the cards (narrower; CSS picks one) say the same.
    for (const view of [within(screen.getByRole("table")), within(screen.getByTestId("history-cards"))]) {
      expect(view.getByText("Accepted")).toBeTruthy();
      expect(view.getByText("124.00 €")).toBeTruthy();
    }
  });

  it("shows the server's rows on a later visit, not what the dashboard's one query client kept from the last", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("{}", { status: 500 })));
    const client = testQueryClient();
    const first = renderWithProviders(<HistoryTable initial={page("Old name", "rejected")} apiQuery="" form={EMPTY_HISTORY_FORM} />, { client });
    expect(within(screen.getByRole("table")).getByText("Old name")).toBeTruthy();
    first.unmount();
    // Another page is at least a turn of the event loop away; by then the left page's entry is collected.
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    await waitFor(() => expect(client.getQueryCache().getAll()).toHaveLength(0));
    renderWithProviders(<HistoryTable initial={page("New name", "accepted")} apiQuery="" form={EMPTY_HISTORY_FORM} />, { client });
    expect(within(screen.getByRole("table")).getByText("New name")).toBeTruthy();
    expect(within(screen.getByTestId("history-cards")).getByText("New name")).toBeTruthy();
    expect(screen.queryByText("Old name")).toBeNull();
    vi.unstubAllGlobals();
  });
});
