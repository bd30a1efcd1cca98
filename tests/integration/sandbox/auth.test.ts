import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { http, json, listDocuments, sampleDocument, setPath, sleep, status } from "./helpers";

const OTHER_VAT = "EL925667500";
const OTHER_KEY = "other-issuer-key";
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ apiKeys: `EL094259216:sandbox-demo-key-094259216, ${OTHER_VAT}:${OTHER_KEY}`, accessTokenTtlMs: 2_500 });
});

afterAll(async () => {
  await sandbox.stop();
});

interface Tokens {
  accessToken: string;
  refreshToken: { token: string; expires: string; created: string };
}

const login = (vat: string, key: string) => http(`${sandbox.baseUrl}/Authentication/login`, { body: { key, vat } });

/** The payload of a JWT, decoded without checking its signature. */
function jwtPayload(token: string): Record<string, unknown> {
  const [, payload = ""] = token.split(".");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

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

  it("requires a key for status look-ups and the document list", async () => {
    expect((await status(sandbox, "internalId=x", {})).status).toBe(401);
    expect((await listDocuments(sandbox, 1, "", {})).status).toBe(401);
    expect((await listDocuments(sandbox, 1, "", { APIKey: OTHER_KEY })).status).toBe(401);
    expect((await listDocuments(sandbox, 1, "", { apikey: sandbox.apiKey })).status).toBe(200);
  });
});

describe("bearer tokens", () => {
  it("logs in with {key, vat}: a JWT access token and a refresh token object", async () => {
    const first = await login("EL094259216", sandbox.apiKey);
    expect(first.status).toBe(200);
    const tokens = json<Tokens>(first);
    expect(Object.keys(tokens)).toEqual(["accessToken", "refreshToken"]);
    expect(tokens.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const payload = jwtPayload(tokens.accessToken);
    expect(payload).toMatchObject({ vat: "094259216" });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(3);
    expect(Object.keys(tokens.refreshToken)).toEqual(["token", "expires", "created"]);
    expect(tokens.refreshToken.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Date.parse(tokens.refreshToken.expires) - Date.parse(tokens.refreshToken.created)).toBe(7 * 24 * 3600 * 1000);
  });

  it("accepts the bearer token on every endpoint and refuses it once expired (401)", async () => {
    const tokens = json<Tokens>(await login("EL094259216", sandbox.apiKey));
    const bearer = { Authorization: `Bearer ${tokens.accessToken}` };
    const doc = sampleDocument();
    expect((await http(`${sandbox.baseUrl}/Invoice/json`, { body: doc, headers: bearer })).status).toBe(201);
    expect((await status(sandbox, "internalId=unknown", bearer)).status).toBe(404);
    expect((await listDocuments(sandbox, 1, "", bearer)).status).toBe(200);
    await sleep(2_600);
    expect((await http(`${sandbox.baseUrl}/Invoice/json`, { body: sampleDocument(), headers: bearer })).status).toBe(401);
    expect((await status(sandbox, "internalId=unknown", bearer)).status).toBe(401);
    expect((await listDocuments(sandbox, 1, "", bearer)).status).toBe(401);
  });

  it("logs in, sends with the access token, refreshes and sends with the new one", async () => {
    const tokens = json<Tokens>(await login("EL094259216", sandbox.apiKey));
    const bearer = { Authorization: `Bearer ${tokens.accessToken}` };
    expect((await http(`${sandbox.baseUrl}/Invoice/json`, { body: sampleDocument(), headers: bearer })).status).toBe(201);

    // The body is a bare JSON string (samples/authentication-refresh-request.json).
    const refreshed = await http(`${sandbox.baseUrl}/authentication/refresh`, { body: JSON.stringify(tokens.refreshToken.token), headers: bearer });
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
      http(`${sandbox.baseUrl}/Authentication/Refresh`, { body: JSON.stringify(tokens.refreshToken.token), headers });
    expect((await refresh(bogus)).status).toBe(401);
    expect((await refresh({})).status).toBe(401);
  });

  it("refuses a token of one issuer for a document of another", async () => {
    const tokens = json<Tokens>(await login(OTHER_VAT, OTHER_KEY));
    const result = await http(`${sandbox.baseUrl}/Invoice/json`, { body: sampleDocument(), headers: { Authorization: `Bearer ${tokens.accessToken}` } });
    expect(result.status).toBe(401);
  });
});
