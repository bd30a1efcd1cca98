import { describe, expect, it } from "vitest";
import { composeKeys } from "@/components/credit-note/compose-api";
import { transmissionKeys } from "@/components/transmissions/transmission-api";
import { queryKeys } from "@/components/ui/query-keys";

describe("query keys", () => {
  it("sit under their area's key, so invalidating the area reaches each of them", () => {
    const { transmissions, counterparties } = queryKeys;
    expect(transmissions.list("status=rejected").slice(0, 1)).toEqual(transmissions.all);
    expect(transmissions.detail("d1").slice(0, 1)).toEqual(transmissions.all);
    expect(counterparties.search("acme").slice(0, 1)).toEqual(counterparties.all);
  });

  it("are the ones the compose wizard and the fix form still import by their older names", () => {
    expect(transmissionKeys).toBe(queryKeys.transmissions);
    expect(composeKeys.counterparties("acme")).toEqual(queryKeys.counterparties.search("acme"));
    expect(composeKeys.allCounterparties).toEqual(queryKeys.counterparties.all);
    expect(composeKeys.preview("{}")).toEqual(queryKeys.preview("{}"));
    expect(composeKeys.drafts).toEqual(queryKeys.drafts);
  });
});
