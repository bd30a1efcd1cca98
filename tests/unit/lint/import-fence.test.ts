import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? "");
}

describe("lint fence around server-only modules", () => {
  it.each([
    ["components/x.tsx", 'import { getDb } from "@/lib/db";\nexport const x = getDb;\n'],
    ["components/x.tsx", 'import { getEnv } from "@/lib/env";\nexport const x = getEnv;\n'],
    ["lib/domain/x.ts", 'import { getProviderClient } from "@/lib/provider";\nexport const x = getProviderClient;\n'],
    ["lib/domain/x.ts", 'import { useState } from "react";\nexport const x = useState;\n'],
    ["lib/domain/x.ts", 'import "server-only";\nexport const x = 1;\n'],
  ])("refuses in %s: %s", async (filePath, code) => {
    expect(await ruleIds(code, filePath)).toContain("no-restricted-imports");
  });

  it("allows the same import in a route handler", async () => {
    expect(await ruleIds('import { getEnv } from "@/lib/env";\nexport const x = getEnv;\n', "app/api/x/route.ts")).toEqual([]);
  });
});

describe("lint fence around react-hook-form's internals", () => {
  const code = 'import type { Control } from "react-hook-form";\nexport const errorsOf = (control: Control) => control._formState.errors;\n';

  it("refuses them outside components/form", async () => {
    expect(await ruleIds(code, "components/credit-note/x.tsx")).toContain("no-restricted-syntax");
    expect(await ruleIds(code, "app/(dashboard)/x/page.tsx")).toContain("no-restricted-syntax");
  });

  it("allows them inside components/form", async () => {
    expect(await ruleIds(code, "components/form/x.ts")).toEqual([]);
  });
});
