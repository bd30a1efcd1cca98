// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as composeApi from "@/components/credit-note/compose-api";
import { AddressBookSearch } from "@/components/credit-note/address-book-search";
import { ReviewStep } from "@/components/credit-note/review-step";
import { newDraftValues } from "@/components/credit-note/wizard-model";
import { transmissionKeys } from "@/components/transmissions/transmission-api";
import { queryKeys } from "@/components/ui/query-keys";
import { DRAFT_ID } from "./compose-harness";
import { renderWithProviders } from "./render";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Every .ts/.tsx file under `dir`, as a path from the repository root. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(process.cwd(), dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    return statSync(join(process.cwd(), rel)).isDirectory() ? sourcesUnder(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

describe("query keys", () => {
  it("sit under their area's key, so invalidating the area reaches each of them", () => {
    const { transmissions, counterparties } = queryKeys;
    expect(transmissions.list("status=rejected").slice(0, 1)).toEqual(transmissions.all);
    expect(transmissions.detail("d1").slice(0, 1)).toEqual(transmissions.all);
    expect(counterparties.search("acme").slice(0, 1)).toEqual(counterparties.all);
  });

  it("come from the one factory: no component builds its own, and the older transmission name is the factory's", () => {
    expect(transmissionKeys).toBe(queryKeys.transmissions);
    expect(Object.keys(composeApi).filter((name) => /keys$/i.test(name))).toEqual([]);
    const ownKeys = sourcesUnder("components")
      .filter((file) => file !== "components/ui/query-keys.ts")
      .flatMap((file) => readFileSync(join(process.cwd(), file), "utf8").split("\n").map((line, i) => ({ file, line, n: i + 1 })))
      .filter(({ line }) => /queryKey:\s*\[/.test(line))
      .map(({ file, n }) => `${file}:${n}`);
    expect(ownKeys).toEqual([]);
  });
});

describe("the compose wizard's queries", () => {
  it("search the address book under the factory's counterparty key, which invalidating the address book reaches", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ items: [] }), { status: 200 })));
    const { client } = renderWithProviders(createElement(AddressBookSearch, { onPick: () => undefined }));
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "acme" } });
    await waitFor(() => expect(client.getQueryCache().find({ queryKey: queryKeys.counterparties.search("acme"), exact: true })?.state.status).toBe("success"));
    expect(client.getQueryCache().findAll({ queryKey: queryKeys.counterparties.all }).map((query) => query.queryKey)).toContainEqual(queryKeys.counterparties.search("acme"));
  });

  it("preview the draft under the factory's preview key", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ error: { message: "down" } }), { status: 503 })));
    const values = newDraftValues(DRAFT_ID, [], []);
    const { client } = renderWithProviders(createElement(ReviewStep, {
      environment: "SANDBOX", values, fix: undefined, onIssued: () => undefined, onIssuing: () => undefined, onRefused: () => undefined,
    }));
    await waitFor(() => expect(client.getQueryCache().find({ queryKey: queryKeys.preview(JSON.stringify(values)), exact: true })?.state.status).toBe("error"));
  });
});
