import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { http, json, sampleDocument, setPath, status } from "./helpers";

const OTHER_VAT = "EL925667500";
const OTHER_KEY = "other-issuer-key";
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ apiKeys: `EL094259216:sandbox-demo-key-094259216, ${OTHER_VAT}:${OTHER_KEY}` });
});

afterAll(async () => {
  await sandbox.stop();
});

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const login = (vat: string, key: string) => http(`${sandbox.baseUrl}/Authentication/login`, { body: { vat, key } });

describe("API key", () => {
  it("answers 401 to a wrong key, a missing key and another issuer's key", async () => {
    const attempts: Record<string, string>[] = [{ APIKey: "wrong" }, {}, { APIKey: OTHER_KEY }];
    for (const headers of attempts) {
      const result = await http(`${sandbox.baseUrl}/Invoice/json`, { body: sampleDocument(), headers });
      expect(result.status).toBe(401);
      expect(json(result)).toMatchObject({ message: "Unauthorized" });
    }
  });

  it("accepts the header in any case and the issuer VAT with or without its EL prefix", async () => {
    const doc = sampleDocument();
    setPath(doc, "Issuer.Vat", "094259216");
    expect((await http(`${sandbox.baseUrl}/Invoice/json`, { body: doc, headers: { aPiKeY: sandbox.apiKey } })).status).toBe(201);
  });

  it("lets a second configured issuer send with its own key", async () => {
    const doc = sampleDocument();
    setPath(doc, "Issuer.Vat", OTHER_VAT);
    expect((await http(`${sandbox.baseUrl}/Invoice/json`, { body: doc, headers: { apiKey: OTHER_KEY } })).status).toBe(201);
  });

  it("never logs key values, only whether one was sent", async () => {
    const entries = await sandbox.requests();
    expect(entries.some((entry) => entry.apiKeyPresent)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(sandbox.apiKey);
    expect(JSON.stringify(entries)).not.toContain(OTHER_KEY);
  });

  it("requires a key for status look-ups", async () => {
    expect((await status(sandbox, "internalId=x", {})).status).toBe(401);
  });
});

describe("bearer tokens", () => {
  it("logs in, sends with the access token, refreshes and sends with the new one", async () => {
    const first = await login("EL094259216", sandbox.apiKey);
    expect(first.status).toBe(200);
    const tokens = json<Tokens>(first);
    expect(tokens.expiresIn).toBe(900);
    expect(tokens.accessToken).not.toBe(tokens.refreshToken);
    const bearer = { Authorization: `Bearer ${tokens.accessToken}` };
    expect((await http(`${sandbox.baseUrl}/Invoice/json`, { body: sampleDocument(), headers: bearer })).status).toBe(201);

    const refreshed = await http(`${sandbox.baseUrl}/authentication/refresh`, { body: JSON.stringify(tokens.refreshToken), headers: bearer });
    expect(refreshed.status).toBe(200);
    const next = json<Tokens>(refreshed);
    expect(next.accessToken).not.toBe(tokens.accessToken);
    const nextBearer = { Authorization: `Bearer ${next.accessToken}` };
    expect((await http(`${sandbox.baseUrl}/Invoice/json`, { body: sampleDocument(), headers: nextBearer })).status).toBe(201);
    expect((await http(`${sandbox.baseUrl}/Invoice/json`, { body: sampleDocument(), headers: bearer })).status).toBe(401);
  });

  it("refuses a wrong key, an unknown token and a refresh without the matching bearer", async () => {
    expect((await login("EL094259216", "wrong")).status).toBe(401);
    expect((await login(OTHER_VAT, sandbox.apiKey)).status).toBe(401);
    const bogus = { Authorization: "Bearer not-a-token" };
    expect((await http(`${sandbox.baseUrl}/Invoice/json`, { body: sampleDocument(), headers: bogus })).status).toBe(401);
    const tokens = json<Tokens>(await login("EL094259216", sandbox.apiKey));
    const refresh = (headers: Record<string, string>) =>
      http(`${sandbox.baseUrl}/Authentication/Refresh`, { body: JSON.stringify(tokens.refreshToken), headers });
    expect((await refresh(bogus)).status).toBe(401);
    expect((await refresh({})).status).toBe(401);
  });

  it("refuses a token of one issuer for a document of another", async () => {
    const tokens = json<Tokens>(await login(OTHER_VAT, OTHER_KEY));
    const result = await http(`${sandbox.baseUrl}/Invoice/json`, { body: sampleDocument(), headers: { Authorization: `Bearer ${tokens.accessToken}` } });
    expect(result.status).toBe(401);
  });
});
