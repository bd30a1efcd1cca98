import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProviderClient } from "@/lib/provider/impact/client";
import type { ProviderClientConfig } from "@/lib/provider/client-types";

// The transport against a plain local HTTP server whose behaviour each test chooses: exact
// bytes and headers, timeouts, resets, redirects and the answer size cap.

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;

const KEY = "transport-test-key-0123456789";

function startServer(): Promise<{ server: http.Server; baseUrl: string; seen: Seen[]; handle: (h: Handler) => void }> {
  const seen: Seen[] = [];
  let handler: Handler = (_req, res) => res.end("{}");
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(req, res, body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}`, seen, handle: (h) => (handler = h) });
    });
  });
}

let main: Awaited<ReturnType<typeof startServer>>;
let other: Awaited<ReturnType<typeof startServer>>;

function client(overrides: Partial<ProviderClientConfig> = {}) {
  return createProviderClient({ baseUrl: `${main.baseUrl}/api/`, apiKey: KEY, connectTimeoutMs: 1_000, responseTimeoutMs: 1_000, ...overrides });
}

beforeAll(async () => {
  main = await startServer();
  other = await startServer();
});

afterAll(() => {
  for (const { server } of [main, other]) server.closeAllConnections();
  return Promise.all([main, other].map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

beforeEach(() => {
  main.seen.length = 0;
  other.seen.length = 0;
});

const ACCEPTED = '{"mark":"400001951234567","uid":"U","authenticationCode":"A","url":"http://x/v/1"}';
const QUERY = { issuerVat: "EL094259216", series: "S1", number: "7", internalId: "id-7", from: "2026-04-17", to: "2026-04-19", invoiceTypes: ["5.1", "5.2"] };

describe("provider transport", () => {
  it("sends a string document byte for byte with the provider headers", async () => {
    main.handle((_req, res) => res.writeHead(201, { "Content-Type": "application/json" }).end(ACCEPTED));
    const text = '{ "Series":"Α", "Number" : "1",\n "Issuer": {"RegisteredName":"ΕΤΑΙΡΕΙΑ"} }';
    const outcome = await client({ userAgent: "credit-desk-test" }).sendDocument(text, { headers: { erp: "FAKE_NOTHING", apikey: "override" } });
    expect(outcome).toMatchObject({ kind: "accepted", mark: "400001951234567" });
    const [request] = main.seen;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/api/Invoice/json");
    expect(request?.body.equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(request?.headers).toMatchObject({
      apikey: KEY, "content-type": "application/json", accept: "application/json", "user-agent": "credit-desk-test",
      erp: "FAKE_NOTHING", "content-length": String(Buffer.byteLength(text)),
    });
  });

  it("serialises a non-string document and posts a credit request to /Invoice/credit", async () => {
    main.handle((_req, res) => res.writeHead(200).end(ACCEPTED));
    await client().sendDocument({ Series: "A", Number: "2" });
    await client().creditExisting({
      issuerTin: "EL094259216", authenticationCode: "A", mark: "400001951234567", series: "A", number: "3",
      internalId: "id-3", relateCredit: false, preventDocumentMapping: false,
    });
    expect(main.seen.map((r) => [r.url, r.body.toString()])).toEqual([
      ["/api/Invoice/json", '{"Series":"A","Number":"2"}'],
      ["/api/Invoice/credit", expect.stringContaining('"issuerTin":"EL094259216"')],
    ]);
  });

  it("asks the status look-up by internal id and mark only when that adapter is switched on", async () => {
    main.handle((_req, res) => res.writeHead(200).end('{"status":"processing"}'));
    const outcome = await client({ statusLookup: true }).findDocument({ ...QUERY, internalId: "id 1", mark: "42" });
    expect(outcome).toMatchObject({ kind: "found", status: "processing", source: "status" });
    expect(main.seen[0]).toMatchObject({ method: "GET", url: "/api/MyData/status?internalId=id+1&mark=42" });
    expect(main.seen[0]?.headers.apikey).toBe(KEY);
  });

  it("by default finds a document in the portal's list, page by page, and never asks /MyData/status", async () => {
    other.handle((req, res) => {
      const page = Number(/GetDocuments\/[^/]+\/(\d+)\//.exec(req.url ?? "")?.[1]);
      if (page === 1) res.writeHead(200, { NextPage: "2" }).end('[{"series":"A","number":"1","mark":400001961605001,"invoiceType":"5.2"}]');
      else if (page === 2) res.writeHead(200, { NextPage: "" }).end(`[{"series":"S1","number":"7","mark":400001961605377,"uid":"U7","authenticationCode":"C7","url":"http://portal/f/7","invoiceType":"5.1","counterPartyVAT":"EL800512345","totalAmount":7.99}]`);
      else res.writeHead(404).end("Page > TotalPageSize");
    });
    const outcome = await client({ portalUrl: other.baseUrl }).findDocument(QUERY);
    expect(outcome).toMatchObject({
      kind: "found", status: "accepted", source: "document_list", mark: "400001961605377", uid: "U7", authenticationCode: "C7", url: "http://portal/f/7",
      listed: { invoiceType: "5.1", counterpartyVat: "EL800512345", totalAmount: "7.99" },
    });
    expect(other.seen.map((r) => r.url)).toEqual([
      "/api/Invoice/GetDocuments/EL094259216/1/?From=20260417&To=20260419",
      "/api/Invoice/GetDocuments/EL094259216/2/?From=20260417&To=20260419",
    ]);
    expect(other.seen[0]?.headers.apikey).toBe(KEY);
    expect(main.seen).toEqual([]);
  });

  it("reads past the last page as not found, and names the end date as configured", async () => {
    other.handle((req, res) => (req.url?.includes("/1/") === true ? res.writeHead(200, { NextPage: "2" }).end("[]") : res.writeHead(404).end("Page > TotalPageSize")));
    expect(await client({ portalUrl: other.baseUrl, listToParam: "dateTo" }).findDocument(QUERY)).toMatchObject({ kind: "not_found" });
    expect(other.seen.map((r) => r.url)).toEqual([
      "/api/Invoice/GetDocuments/EL094259216/1/?From=20260417&dateTo=20260419",
      "/api/Invoice/GetDocuments/EL094259216/2/?From=20260417&dateTo=20260419",
    ]);
  });

  it("gives up after the response timeout and says the provider may hold the document", async () => {
    main.handle(() => undefined);
    const started = Date.now();
    const outcome = await client({ responseTimeoutMs: 300 }).sendDocument("{}");
    expect(outcome).toMatchObject({ kind: "ambiguous", reason: "timeout", connected: true, httpStatus: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("counts the body in the response timeout (headers then silence)", async () => {
    main.handle((_req, res) => {
      res.writeHead(201, { "Content-Type": "application/json" });
      res.write('{"mark":');
    });
    const outcome = await client({ responseTimeoutMs: 300 }).sendDocument("{}");
    expect(outcome).toMatchObject({ kind: "ambiguous", reason: "timeout", connected: true });
  });

  it("does not follow redirects", async () => {
    main.handle((_req, res) => res.writeHead(307, { Location: `${other.baseUrl}/Invoice/json` }).end());
    const outcome = await client().sendDocument("{}");
    expect(outcome).toMatchObject({ kind: "ambiguous", reason: "redirect", httpStatus: 307, connected: true });
    expect(other.seen).toHaveLength(0);
  });

  it("reports a reset before any answer, and one in the middle of the answer", async () => {
    main.handle((req) => req.socket.destroy());
    expect(await client().sendDocument("{}")).toMatchObject({ kind: "ambiguous", reason: "reset", connected: true });
    main.handle((_req, res) => {
      res.writeHead(201, { "Content-Length": "500" });
      res.write('{"mark":"1"', () => res.socket?.destroy());
    });
    expect(await client().sendDocument("{}")).toMatchObject({ kind: "ambiguous", reason: "reset", connected: true });
  });

  it("drops answers over the size cap", async () => {
    const big = `{"message":"${"x".repeat(5 * 1024 * 1024)}"}`;
    main.handle((_req, res) => res.writeHead(200).end(big));
    expect(await client().sendDocument("{}")).toMatchObject({ kind: "ambiguous", reason: "malformed", httpStatus: 200 });
    main.handle((_req, res) => res.writeHead(200, { "Content-Length": String(big.length) }).end(big));
    expect(await client().sendDocument("{}")).toMatchObject({ kind: "ambiguous", reason: "malformed", httpStatus: 200 });
  });

  it("redacts the key from answers", async () => {
    main.handle((req, res) => res.writeHead(400).end(JSON.stringify({ message: `bad key ${String(req.headers.apikey)}` })));
    const outcome = await client().sendDocument("{}");
    expect(outcome).toMatchObject({ kind: "rejected", message: "bad key [REDACTED]" });
    expect(JSON.stringify(outcome)).not.toContain(KEY);
  });

  it("reports a refused connection as not connected", async () => {
    const closed = await startServer();
    const baseUrl = closed.baseUrl;
    await new Promise((resolve) => closed.server.close(resolve));
    const outcome = await createProviderClient({ baseUrl, apiKey: KEY, connectTimeoutMs: 1_000, responseTimeoutMs: 1_000 }).sendDocument("{}");
    expect(outcome).toMatchObject({ kind: "ambiguous", reason: "connect", connected: false });
    expect(await createProviderClient({ baseUrl, apiKey: KEY, connectTimeoutMs: 1_000, responseTimeoutMs: 1_000 }).findDocument(QUERY))
      .toMatchObject({ kind: "ambiguous", reason: "connect", connected: false });
  });

  it("gives up within the connect timeout when the connection never completes", async () => {
    // A TCP listener that reads and never speaks: the TLS handshake of an https call cannot finish.
    const silent = net.createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    const outcome = await createProviderClient({ baseUrl: `https://127.0.0.1:${port}`, apiKey: KEY, connectTimeoutMs: 300, responseTimeoutMs: 5_000 }).sendDocument("{}");
    await new Promise((resolve) => silent.close(resolve));
    expect(outcome).toMatchObject({ kind: "ambiguous", reason: "connect", connected: false, message: "No connection within 300 ms" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("stops when the caller aborts", async () => {
    main.handle(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const outcome = await client({ responseTimeoutMs: 5_000 }).sendDocument("{}", { signal: controller.signal });
    expect(outcome).toMatchObject({ kind: "ambiguous", reason: "unexpected", connected: true });
  });
});

describe("fetchDocumentFile", () => {
  it("returns the PDF bytes with their type, sending the key to the provider's own origin only", async () => {
    const pdf = Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n");
    for (const server of [main, other]) server.handle((_req, res) => res.writeHead(200, { "Content-Type": "application/pdf" }).end(pdf));
    const own = await client().fetchDocumentFile(`${main.baseUrl}/v/abc/`, "pdf");
    const foreign = await client().fetchDocumentFile(`${other.baseUrl}/v/abc`, "aade");
    expect(own).toEqual({ ok: true, contentType: "application/pdf", body: pdf });
    expect(foreign).toMatchObject({ ok: true });
    expect(main.seen[0]).toMatchObject({ method: "GET", url: "/v/abc/pdf" });
    expect(main.seen[0]?.headers.apikey).toBe(KEY);
    expect(other.seen[0]).toMatchObject({ url: "/v/abc/aade" });
    expect(other.seen[0]?.headers.apikey).toBeUndefined();
  });

  it("reports a missing file and a redirect without following it", async () => {
    main.handle((_req, res) => res.writeHead(404).end());
    expect(await client().fetchDocumentFile(`${main.baseUrl}/v/none`, "pdf")).toEqual({ ok: false, httpStatus: 404, message: "Provider answered HTTP 404" });
    main.handle((_req, res) => res.writeHead(302, { Location: `${other.baseUrl}/x` }).end());
    expect(await client().fetchDocumentFile(`${main.baseUrl}/v/abc`, "pdf")).toMatchObject({ ok: false, httpStatus: 302 });
    expect(other.seen).toHaveLength(0);
  });
});

describe("bearer mode", () => {
  /** A JWT-shaped token whose `exp` is `expSeconds` (only the claim is read). */
  const jwt = (name: string, expSeconds: number) =>
    `h.${Buffer.from(JSON.stringify({ exp: expSeconds, name })).toString("base64url")}.s`;

  function provider(opts: { lifetimeS: number; now: () => number }) {
    let issued = 0;
    main.handle((req, res, body) => {
      if (req.url === "/api/Authentication/login" || req.url === "/api/Authentication/Refresh") {
        issued += 1;
        const exp = Math.floor(opts.now() / 1000) + opts.lifetimeS;
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({
          accessToken: jwt(`t${issued}`, exp), refreshToken: { token: `r${issued}`, expires: new Date(opts.now() + 7 * 86_400_000).toISOString() },
        }));
        return;
      }
      const token = req.headers.authorization ?? "";
      res.writeHead(token.startsWith("Bearer h.") ? 201 : 401).end(token.startsWith("Bearer h.") ? ACCEPTED : '{"message":"Unauthorized"}');
      void body;
    });
  }

  const calls = (path: string) => main.seen.filter((r) => r.url === `/api/Authentication/${path}`);

  it("logs in once for concurrent sends of one issuer, with {key, vat}, and sends the token", async () => {
    provider({ lifetimeS: 900, now: Date.now });
    const bearer = client({ auth: "bearer" });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => bearer.sendDocument('{"Issuer":{"Vat":"EL094259216"}}')));
    expect(outcomes.every((o) => o.kind === "accepted")).toBe(true);
    expect(calls("login")).toHaveLength(1);
    expect(JSON.parse(calls("login")[0]?.body.toString() ?? "{}")).toEqual({ key: KEY, vat: "EL094259216" });
    const sends = main.seen.filter((r) => r.url === "/api/Invoice/json");
    expect(sends).toHaveLength(5);
    for (const send of sends) {
      expect(send.headers.authorization).toMatch(/^Bearer h\./);
      expect(send.headers.apikey).toBeUndefined();
    }
  });

  it("refreshes shortly before the access token expires, with the refresh token as a JSON string", async () => {
    let now = Date.parse("2026-04-18T10:00:00Z");
    provider({ lifetimeS: 900, now: () => now });
    const bearer = client({ auth: "bearer", clock: () => now });
    await bearer.sendDocument("{}", { issuerVat: "EL094259216" });
    now += 600_000; // 10 minutes: still fresh
    await bearer.sendDocument("{}", { issuerVat: "EL094259216" });
    expect([calls("login").length, calls("Refresh").length]).toEqual([1, 0]);
    now += 270_000; // 30 s before expiry: renewed first
    await bearer.sendDocument("{}", { issuerVat: "EL094259216" });
    expect([calls("login").length, calls("Refresh").length]).toEqual([1, 1]);
    expect(calls("Refresh")[0]?.body.toString()).toBe('"r1"');
    expect(calls("Refresh")[0]?.headers.authorization).toMatch(/^Bearer h\./);
    const last = main.seen.filter((r) => r.url === "/api/Invoice/json").at(-1);
    expect(Buffer.from(last?.headers.authorization?.split(".")[1] ?? "", "base64url").toString()).toContain('"t2"');
  });

  it("keeps one login per issuer VAT", async () => {
    provider({ lifetimeS: 900, now: Date.now });
    const bearer = client({ auth: "bearer" });
    await Promise.all([
      bearer.sendDocument("{}", { issuerVat: "EL094259216" }),
      bearer.sendDocument("{}", { issuerVat: "EL094259216" }),
      bearer.sendDocument("{}", { issuerVat: "EL800512345" }),
    ]);
    expect(calls("login").map((r) => (JSON.parse(r.body.toString()) as { vat: string }).vat).sort()).toEqual(["EL094259216", "EL800512345"]);
  });

  it("a refused login makes the document rejected as unauthorized; nothing is sent", async () => {
    main.handle((_req, res) => res.writeHead(401).end('{"message":"Invalid key"}'));
    const outcome = await client({ auth: "bearer" }).sendDocument("{}", { issuerVat: "EL094259216" });
    expect(outcome).toMatchObject({ kind: "unauthorized", httpStatus: 401 });
    expect(main.seen.filter((r) => r.url === "/api/Invoice/json")).toEqual([]);
  });
});
