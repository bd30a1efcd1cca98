// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LoginForm } from "@/components/auth/login-form";
import { HistoryPager } from "@/components/transmissions/history-pager";
import { StatusBadge } from "@/components/transmissions/status-badge";
import { useLocale } from "@/components/ui/locale-provider";
import { LocaleSwitch } from "@/components/ui/locale-switch";
import { EMPTY_HISTORY_FORM } from "@/lib/history/history-url";
import { renderWithProviders } from "./render";

const router = vi.hoisted(() => ({ refresh: vi.fn(), replace: vi.fn(), push: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

beforeEach(() => {
  vi.clearAllMocks();
  document.cookie = "locale=; Max-Age=0; Path=/";
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function ShowLocale() {
  return <p>{useLocale()}</p>;
}

describe("the language from LocaleProvider", () => {
  it("is what useLocale() reads, and useLocale() outside a provider says so instead of guessing", () => {
    const view = renderWithProviders(<ShowLocale />, { locale: "en" });
    expect(screen.getByText("en")).toBeTruthy();
    view.rerender(<ShowLocale />, { locale: "el" });
    expect(screen.getByText("el")).toBeTruthy();
    cleanup();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => render(<ShowLocale />)).toThrow(/LocaleProvider/);
  });

  it("words components that no longer take a locale prop, and rewords them when it changes", () => {
    const ui = (
      <>
        <StatusBadge status="rejected" />
        <HistoryPager form={EMPTY_HISTORY_FORM} nextCursor="c2" prevCursor={null} />
      </>
    );
    const view = renderWithProviders(ui, { locale: "el" });
    expect(screen.getByText("Απορρίφθηκε")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Επόμενη σελίδα →" })).toBeTruthy();
    view.rerender(ui, { locale: "en" });
    expect(screen.getByText("Rejected")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Next page →" })).toBeTruthy();
  });
});

describe("the locale switch", () => {
  it("presses the provider's language, and choosing the other sets the cookie and refreshes the page", async () => {
    const view = renderWithProviders(<LocaleSwitch label="Language" />, { locale: "el" });
    expect(screen.getByRole("button", { name: "Ελληνικά" }).getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "Ελληνικά" }));
    expect(router.refresh).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(document.cookie).toContain("locale=en");
    await waitFor(() => expect(router.refresh).toHaveBeenCalledTimes(1));
    // The refreshed layout hands the new language to the provider.
    view.rerender(<LocaleSwitch label="Language" />, { locale: "en" });
    expect(screen.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: "Ελληνικά" }).getAttribute("aria-pressed")).toBe("false");
  });
});

describe("the sign-in form", () => {
  it("asks in the provider's language and shows the server's refusal, or goes on when signed in", async () => {
    const requests: Request[] = [];
    let status = 401;
    vi.stubGlobal("fetch", vi.fn(async (url: string, init: RequestInit) => {
      requests.push(new Request(new URL(url, "http://localhost"), init));
      return status === 200
        ? new Response(JSON.stringify({ ok: true }), { status })
        : new Response(JSON.stringify({ error: { code: "invalid_credentials", message: "Wrong e-mail or password." } }), { status });
    }));
    renderWithProviders(<LoginForm next="/transmissions" />, { locale: "en" });
    fireEvent.change(screen.getByLabelText("E-mail"), { target: { value: "clerk@example.gr" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "wrong" } });
    await act(async () => { fireEvent.click(screen.getByRole("button", { name: "Sign in" })); });
    expect((await screen.findByRole("alert")).textContent).toBe("Wrong e-mail or password.");
    expect(requests[0]?.headers.get("accept-language")).toBe("en");
    expect(await requests[0]?.json()).toEqual({ email: "clerk@example.gr", password: "wrong" });
    expect(router.replace).not.toHaveBeenCalled();

    status = 200;
    await act(async () => { fireEvent.click(screen.getByRole("button", { name: "Sign in" })); });
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/transmissions"));
    expect(router.refresh).toHaveBeenCalled();
  });
});
