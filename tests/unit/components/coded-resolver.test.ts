import { describe, expect, it } from "vitest";
import { codedResolver } from "@/components/form/coded-resolver";
import { branchBodySchema } from "@/lib/validation/settings";

describe("codedResolver", () => {
  it("turns a shared schema into a resolver whose errors are codes, worded later in the user's language", async () => {
    const resolver = codedResolver<{ branchCode: string; name: string }>(branchBodySchema);
    const failed = await resolver({ branchCode: "", name: "" }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(Object.keys(failed.errors).sort()).toEqual(["branchCode", "name"]);
    for (const error of Object.values(failed.errors)) expect(error?.message).toMatch(/^[a-z_.]+$/);
    const passed = await resolver({ branchCode: "3", name: "Κατάστημα Πειραιά" }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(passed.errors).toEqual({});
  });
});
