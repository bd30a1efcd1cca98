import { describe, expect, it } from "vitest";
import { plainProviderError } from "@/lib/i18n/provider-error-words";

describe("provider errors in plain words", () => {
  it("words a known code first, else the kind, in both languages; unknown gives null", () => {
    expect(plainProviderError("rejected", [null, "DocumentNotFound"], "el")).toContain("κωδικό αυθεντικοποίησης");
    expect(plainProviderError("rejected", ["229"], "en")).toBe("A line's VAT does not match its net amount and rate.");
    expect(plainProviderError("rejected", ["999"], "en")).toContain("refused the document");
    expect(plainProviderError("unauthorized", [], "el")).toContain("κλειδί API");
    expect(plainProviderError("lookup_not_found", [], "en")).toBeNull();
  });
});
