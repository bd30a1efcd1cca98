import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "@/lib/env";
import { SANDBOX_DEMO_API_KEY } from "@/sandbox/defaults";

describe("configuration", () => {
  it("defaults to the built-in sandbox with its demo key and the embedded database", () => {
    const env = parseEnv({});
    expect(env.port).toBe(3000);
    expect(env.provider).toMatchObject({ baseUrl: "http://127.0.0.1:4010", apiKey: SANDBOX_DEMO_API_KEY, environment: "SANDBOX", isSandbox: true });
    expect(env.databaseUrl).toBe("file:./data/credit-desk.sqlite");
    expect(env.workerEnabled).toBe(true);
    expect(env.trustProxy).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(env.appUrl).toBeUndefined();
    expect(parseEnv({ APP_URL: "https://Desk.example.gr/" }).appUrl).toBe("https://desk.example.gr");
  });

  it("recognises UAT and production by the provider host", () => {
    expect(parseEnv({ IMPACT_BASE_URL: "https://einvoiceapiuat.impact.gr", IMPACT_API_KEY: "k" }).provider.environment).toBe("UAT");
    expect(parseEnv({ IMPACT_BASE_URL: "https://einvoiceapi.impact.gr/", IMPACT_API_KEY: "k" }).provider).toMatchObject({
      environment: "PRODUCTION",
      baseUrl: "https://einvoiceapi.impact.gr",
    });
  });

  it("derives the portal of the document list from the API host, unless IMPACT_PORTAL_URL says otherwise", () => {
    const portal = (source: Record<string, string>) => parseEnv({ IMPACT_API_KEY: "k", ...source }).provider.portalUrl;
    expect(portal({ IMPACT_BASE_URL: "https://einvoiceapiuat.impact.gr" })).toBe("https://einvoiceportaluat.impact.gr");
    expect(portal({ IMPACT_BASE_URL: "https://einvoiceapi.impact.gr/" })).toBe("https://einvoice.impact.gr");
    expect(parseEnv({}).provider.portalUrl).toBe("http://127.0.0.1:4010");
    expect(parseEnv({ SANDBOX_PORT: "4120" }).provider.portalUrl).toBe("http://127.0.0.1:4120");
    expect(portal({ IMPACT_BASE_URL: "http://127.0.0.1:4999" })).toBe("http://127.0.0.1:4999");
    expect(portal({ IMPACT_BASE_URL: "https://einvoiceapiuat.impact.gr", IMPACT_PORTAL_URL: "https://portal.example.gr/" })).toBe("https://portal.example.gr");
  });

  it("authenticates with the API key, lists with To, and never asks the status look-up unless told", () => {
    expect(parseEnv({}).provider).toMatchObject({ auth: "apikey", statusLookup: false, listToParam: "To" });
    expect(parseEnv({ IMPACT_AUTH: "bearer", IMPACT_STATUS_LOOKUP: "1", IMPACT_DOCUMENT_LIST_TO_PARAM: "dateTo" }).provider).toMatchObject({
      auth: "bearer", statusLookup: true, listToParam: "dateTo",
    });
  });

  it("fails fast, naming the variable, when a real provider has no key", () => {
    expect(() => parseEnv({ IMPACT_BASE_URL: "https://einvoiceapi.impact.gr" })).toThrow(/IMPACT_API_KEY/);
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ IMPACT_BASE_URL: "ftp://x", IMPACT_API_KEY: "k" }, "IMPACT_BASE_URL"],
    [{ ADMIN_EMAIL: "admin@example.com" }, "ADMIN_PASSWORD"],
    [{ IMPACT_AUTH: "oauth" }, "IMPACT_AUTH"],
    [{ IMPACT_STATUS_LOOKUP: "yes" }, "IMPACT_STATUS_LOOKUP"],
    [{ IMPACT_PORTAL_URL: "portal" }, "IMPACT_PORTAL_URL"],
    [{ IMPACT_DOCUMENT_LIST_TO_PARAM: "until" }, "IMPACT_DOCUMENT_LIST_TO_PARAM"],
    [{ TRUST_PROXY: "yes" }, "TRUST_PROXY"],
    [{ APP_URL: "desk.example.gr" }, "APP_URL"],
    [{ APP_URL: "ftp://desk.example.gr" }, "APP_URL"],
    [{ SESSION_SECRET: "too-short-secret" }, "SESSION_SECRET"],
    [{ ADMIN_EMAIL: "admin@example.com", ADMIN_PASSWORD: "short-pass" }, "ADMIN_PASSWORD"],
    [{ ADMIN_EMAIL: "admin@example.com", ADMIN_PASSWORD: "qwertyuiop123" }, "ADMIN_PASSWORD"],
    [{ TRUST_PROXY: "-1" }, "TRUST_PROXY"],
  ])("refuses %o with a message naming %s", (source, name) => {
    expect(() => parseEnv(source)).toThrow(ConfigurationError);
    expect(() => parseEnv(source)).toThrow(new RegExp(name));
  });
});
