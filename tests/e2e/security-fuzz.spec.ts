import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import fc from "fast-check";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { API_ACCESS, type HttpMethod } from "@/lib/auth/access-policy";
import { sampleDraft } from "../fixtures/sample-draft";
import { e2eSettings } from "./global-setup";

const e2e = e2eSettings();
test.setTimeout(240_000);

/** A piece of JSON text written as is: numbers JSON.stringify cannot produce, lone surrogates, deep nesting. */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of a value; own `__proto__` keys and Raw pieces are written verbatim. */
function toJson(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const deepArray = (depth: number) => new Raw(`${"[".repeat(depth)}${"]".repeat(depth)}`);
const deepObject = (depth: number) => new Raw(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`);

type Path = (string | number)[];
interface Mutation {
  path: Path;
  value: unknown;
  /** Sets `__proto__` as an own key instead of replacing the value. */
  proto?: boolean;
}

/** A deep copy that keeps Raw pieces and own `__proto__` keys, so runs never share containers. */
function copy(value: unknown): unknown {
  if (value instanceof Raw || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copy);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: copy(inner), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Applies a mutation, turning anything in the way into an object. */
function apply(body: unknown, mutation: Mutation): unknown {
  const value = copy(mutation.value);
  if (mutation.path.length === 0 && !mutation.proto) return value;
  const root = body !== null && typeof body === "object" && !(body instanceof Raw) ? body : {};
  let node = root as Record<string | number, unknown>;
  const steps = mutation.proto ? mutation.path : mutation.path.slice(0, -1);
  for (const step of steps) {
    const next = node[step];
    if (next === null || typeof next !== "object" || next instanceof Raw) node[step] = {};
    node = node[step] as Record<string | number, unknown>;
  }
  if (mutation.proto) Object.defineProperty(node, "__proto__", { value, enumerable: true, writable: true, configurable: true });
  else node[mutation.path[mutation.path.length - 1] as string | number] = value;
  return root;
}

/** Paths of every value inside a body, to pick mutation targets from. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [prefix];
  const own = Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k]));
  return [prefix, ...own];
}

const hostileStrings = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --", "\"; drop table users; --", "<script>alert(1)</script>", "\u0000", "\u202eevil", "${7*7}", "{{7*7}}",
    "../../etc/passwd", "__proto__", "constructor", "NaN", "Infinity", "-0", "1e400", "7,999", "7.999", "1.234", "1,234.56",
    "０１２", "٣٤٥", "🙂".repeat(40), "x".repeat(100_000), "", " ", "EL123456789", "null",
  ),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);
const hostileRaw = fc.constantFrom(
  new Raw("1e400"), new Raw("-1e400"), new Raw("1e308"), new Raw("-1e308"), new Raw("5e-324"), new Raw("9007199254740993"),
  new Raw("-0"), new Raw('"\\ud800"'), new Raw('"a\\udc00b"'), deepArray(10_000), deepObject(2_000),
);
const hostileNumbers = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0.001, 7.999, 1e21, -1, 2 ** 53 + 2, 123456789012345680000));
const wrongTypes = fc.constantFrom<unknown>(null, true, false, [], {}, [1, 2], 0, { nested: { deeper: [[]] } });
const hostile = fc.oneof(hostileStrings, hostileRaw, hostileNumbers, wrongTypes, fc.jsonValue({ maxDepth: 3 }));

function mutations(base: unknown): fc.Arbitrary<Mutation[]> {
  const paths = pathsOf(base);
  const one = fc.oneof(
    fc.record({ path: fc.constantFrom(...paths), value: hostile }),
    fc.record({ path: fc.constantFrom(...paths.filter((p) => p.length < 3)), value: fc.oneof(fc.constantFrom<unknown>({ isAdmin: true }, { role: "admin" }), hostile), proto: fc.constant(true) }),
  );
  return fc.array(one, { maxLength: 4 });
}

const line = sampleDraft().lines[0];
/** Changes that make any draft invalid whatever else was changed (applied last). */
const draftPoisons: Mutation[] = [
  { path: ["draft", "lines", 0, "unitPrice"], value: "7,999" },
  { path: ["draft", "lines", 0, "unitPrice"], value: 7.999 },
  { path: ["draft", "payments", 0, "amount"], value: "7.991" },
  { path: ["draft", "lines", 0, "unitPrice"], value: new Raw("1e400") },
  { path: ["draft", "lines", 0, "quantity"], value: new Raw("-1e400") },
  { path: ["draft", "lines", 0, "unitPrice"], value: new Raw("1e308") },
  { path: ["draft", "lines", 0, "quantity"], value: "-1" },
  { path: ["draft", "issuer", "vat"], value: "EL123456789" },
  { path: ["draft", "lines"], value: "x" },
  { path: ["draft", "lines"], value: [] },
  { path: ["draft", "lines"], value: Array.from({ length: 10_000 }, () => line) },
  { path: ["draft", "lines"], value: Array.from({ length: 1_001 }, () => line) },
  { path: ["draft"], value: deepArray(10_000) },
  { path: ["draft", "lines", 0], value: deepObject(2_000) },
  { path: ["draft", "lines", 0, "vatCategory"], value: "1; drop table documents" },
  { path: ["draft"], value: null },
];
const creditPoisons: Mutation[] = ["12a", "' OR 1=1", 1.5, -1, new Raw("1e400"), "1".repeat(21), null, [], {}, ""]
  .map((value) => ({ path: ["mark"], value }))
  .concat([{ path: ["series"], value: "../etc" }, { path: ["authenticationCode"], value: 123 }, { path: ["authenticationCode"], value: "x".repeat(201) }]);
const newUserPoisons: Mutation[] = [
  ...["root", "", null, 1, "ADMIN"].map((value) => ({ path: ["role"], value })),
  ...["short", 123, null].map((value) => ({ path: ["password"], value })),
  ...["not-an-email", "a@", 5, `${"x".repeat(300)}@x.gr`].map((value) => ({ path: ["email"], value })),
];
const patchPoisons: Mutation[] = [
  { path: ["disabled"], value: "yes" }, { path: ["role"], value: "root" }, { path: ["isAdmin"], value: true },
  { path: ["password"], value: "short" }, { path: ["name"], value: "" }, { path: ["disabled"], value: new Raw("1e400") },
];
const loginPoisons: Mutation[] = [
  ...[1, null, [], {}, new Raw("1e400")].map((value) => ({ path: ["email"], value })),
  ...[1, null, [], { length: 1 }].map((value) => ({ path: ["password"], value })),
  { path: ["email"], value: "x".repeat(400) }, { path: ["password"], value: "x".repeat(2_000) }, { path: [], value: deepArray(10_000) },
];

interface Recipe {
  base: unknown;
  poisons: Mutation[];
  /** Who sends it: the admin, or nobody (sign-out would end the admin's own session). */
  as: "admin" | "anonymous";
  /** True for an endpoint that takes no input (sign-out): any body is fine and answered 200. */
  ignoresBody?: boolean;
  /** Ids to put into [id] segments. */
  ids?: () => fc.Arbitrary<string>;
}

/** Bodies that are not JSON at all, or only nearly. */
const brokenTexts = ["{not json", "NaN", "[1,", "\u0000", "", '{"a":1}garbage', "{\"draft\": undefined}", "\ufeff{}", "'single'", "1e400"];

/** Bodies no endpoint taking a JSON object can accept: the whole body is something else. */
const notAnObject: Mutation[] = [[], "text", 1, null, true, new Raw("1e400"), deepArray(10_000), deepObject(2_000), new Raw('"\\ud800"')]
  .map((value) => ({ path: [], value }));

const hostileIds = () => fc.oneof(hostileStrings.map((s) => encodeURIComponent(s.slice(0, 2_000)) || "x"), fc.uuid());
/**
 * Ids that name no row. A DELETE takes no body, so its id is all that can make it invalid: a hostile string that
 * happens to be a small number ("8") names a real series or address and is rightly deleted. Numbers stay in, out of reach.
 */
const absentIds = () => fc.oneof(
  hostileIds().filter((id) => !/^\d{1,15}$/.test(id)),
  fc.constant("999999999999999"),
);
const sampleCredit = { authenticationCode: "ABCDEF0123456789", mark: "400001234567890", relateCredit: false, series: "A" };
const sampleCounterparty = sampleDraft().counterparty;
const counterpartyPoisons: Mutation[] = [
  { path: ["vat"], value: "EL123456789" }, { path: ["name"], value: "" }, { path: ["address"], value: "x" },
  { path: ["address", "countryCode"], value: "Δ1" }, { path: ["emails"], value: ["not-an-email"] },
];
const sampleIssuerProfile = {
  vat: "EL094259216", name: "Fuzz Co", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "Οδός 1", postalCode: "10551" },
};
const issuerProfilePoisons: Mutation[] = [
  { path: ["vat"], value: "EL123456789" }, { path: ["address", "countryCode"], value: "DE" }, { path: ["name"], value: "" },
  { path: ["defaultClassification"], value: { category: "category1_1", type: "E3_561_003" } },
];
const sampleBranch = { branchCode: 1, name: "Branch" };
const branchPoisons: Mutation[] = [{ path: ["branchCode"], value: 0 }, { path: ["branchCode"], value: "x" }, { path: ["branchCode"], value: new Raw("1e400") }];
const sampleSeries = { issuerVat: "EL094259216", code: "FZ", nextNumber: 1 };
const seriesPoisons: Mutation[] = [
  { path: ["nextNumber"], value: 0 }, { path: ["nextNumber"], value: new Raw("1e400") }, { path: ["nextNumber"], value: 1.5 },
  { path: ["code"], value: "../etc" }, { path: ["issuerVat"], value: "EL123456789" },
];
const sampleUser = { email: "fuzz@credit-desk.example", name: "Fuzz", role: "viewer", password: "fuzz-password-1" };

/** How to fuzz each JSON endpoint; a state-changing route missing here fails the suite. */
const RECIPES: Record<string, Recipe> = {
  "POST /api/credit-notes/preview": { base: { draft: sampleDraft() }, poisons: draftPoisons, as: "admin" },
  "POST /api/credit-notes": { base: { draft: sampleDraft() }, poisons: draftPoisons, as: "admin" },
  "POST /api/credit-notes/credit-existing": { base: sampleCredit, poisons: creditPoisons, as: "admin" },
  "POST /api/users": { base: sampleUser, poisons: newUserPoisons, as: "admin" },
  "PATCH /api/users/[id]": { base: { name: "Renamed" }, poisons: patchPoisons, as: "admin", ids: hostileIds },
  "POST /api/auth/login": { base: { email: e2e.users.admin.email, password: e2e.users.admin.password }, poisons: loginPoisons, as: "anonymous" },
  "POST /api/auth/logout": { base: {}, poisons: [{ path: [], value: deepArray(10_000) }], as: "anonymous", ignoresBody: true },
  "POST /api/setup": { base: sampleUser, poisons: newUserPoisons, as: "anonymous" },
  // Compose and settings endpoints: a valid body made invalid by one poison, or no object at all.
  "PUT /api/drafts/[id]": { base: {}, poisons: [...notAnObject, { path: ["step"], value: 9 }, { path: ["draft", "lines"], value: "x" }], as: "admin", ids: hostileIds },
  "DELETE /api/drafts/[id]": { base: {}, poisons: notAnObject, as: "admin", ids: absentIds },
  "POST /api/drafts/[id]/duplicate": { base: {}, poisons: notAnObject, as: "admin", ids: hostileIds },
  "POST /api/counterparties": { base: sampleCounterparty, poisons: [...notAnObject, ...counterpartyPoisons], as: "admin" },
  "PATCH /api/counterparties/[id]": { base: sampleCounterparty, poisons: [...notAnObject, ...counterpartyPoisons], as: "admin", ids: hostileIds },
  "DELETE /api/counterparties/[id]": { base: {}, poisons: notAnObject, as: "admin", ids: absentIds },
  "POST /api/issuer-profiles": { base: sampleIssuerProfile, poisons: [...notAnObject, ...issuerProfilePoisons], as: "admin" },
  "PATCH /api/issuer-profiles/[id]": { base: sampleIssuerProfile, poisons: [...notAnObject, ...issuerProfilePoisons], as: "admin", ids: hostileIds },
  "DELETE /api/issuer-profiles/[id]": { base: {}, poisons: notAnObject, as: "admin", ids: absentIds },
  "POST /api/issuer-profiles/[id]/branches": { base: sampleBranch, poisons: [...notAnObject, ...branchPoisons], as: "admin", ids: hostileIds },
  "PATCH /api/issuer-profiles/[id]/branches/[branchId]": { base: sampleBranch, poisons: [...notAnObject, ...branchPoisons], as: "admin", ids: hostileIds },
  "DELETE /api/issuer-profiles/[id]/branches/[branchId]": { base: {}, poisons: notAnObject, as: "admin", ids: absentIds },
  "POST /api/series": { base: sampleSeries, poisons: [...notAnObject, ...seriesPoisons], as: "admin" },
  "PATCH /api/series/[id]": { base: { nextNumber: 5 }, poisons: [...notAnObject, ...seriesPoisons.filter((p) => p.path[0] === "nextNumber")], as: "admin", ids: hostileIds },
  "DELETE /api/series/[id]": { base: {}, poisons: notAnObject, as: "admin", ids: absentIds },
  "POST /api/transmissions/[id]/fix": { base: { draft: sampleDraft() }, poisons: draftPoisons, as: "admin", ids: hostileIds },
  "POST /api/transmissions/[id]/refresh": { base: {}, poisons: [{ path: ["x"], value: 1 }], as: "admin", ids: hostileIds },
  "POST /api/transmissions/[id]/retry": { base: {}, poisons: [{ path: ["x"], value: 1 }], as: "admin", ids: hostileIds },
  "POST /api/issued-documents/[mark]/credit-part": {
    base: { parts: [{ lineNumber: 1, quantity: "1" }] },
    poisons: [...notAnObject, { path: ["parts"], value: [] }, { path: ["parts", 0, "lineNumber"], value: -1 }, { path: ["parts", 0, "quantity"], value: "1e400" }, { path: ["series"], value: "../etc" }],
    as: "admin", ids: hostileIds,
  },
  "POST /api/transmissions/[id]/correct-credit": {
    base: { authenticationCode: "ABCDEF0123456789", relateCredit: true }, poisons: [...notAnObject, { path: ["authenticationCode"], value: "" }, { path: ["relateCredit"], value: "yes" }],
    as: "admin", ids: hostileIds,
  },
  "POST /api/transmissions/[id]/close-out": {
    base: { reason: "λάθος κωδικός" }, poisons: [...notAnObject, { path: ["reason"], value: "" }, { path: ["reason"], value: 5 }, { path: ["reason"], value: "x".repeat(501) }],
    as: "admin", ids: hostileIds,
  },
};

function builtApiRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<string, string>;
  return [...new Set(Object.values(manifest))].filter((route) => route.startsWith("/api/")).sort();
}

const jsonEndpoints = builtApiRoutes().flatMap((route) =>
  (["POST", "PUT", "PATCH", "DELETE"] as HttpMethod[]).filter((m) => API_ACCESS[route]?.[m] !== undefined).map((m) => `${m} ${route}`),
);

/** What invalid input must never change: rows that record work, users, and the provider's request log. */
interface Snapshot {
  tables: Record<string, string>;
  sends: { seq: number; method: string; path: string; internalId?: string }[];
}

const WATCHED = ["documents", "drafts", "counterparties", "series", "issuer_profiles", "issuer_branches", "users", "audit_log", "sessions"];

async function sandboxRequests(): Promise<Snapshot["sends"]> {
  const response = await fetch(`http://127.0.0.1:${e2e.sandboxPort}/__control/requests`);
  const body = (await response.json()) as Snapshot["sends"] | { requests: Snapshot["sends"] };
  return Array.isArray(body) ? body : body.requests;
}

function snapshotTables(db: Database.Database): Record<string, string> {
  const tables: Record<string, string> = {};
  for (const table of WATCHED) {
    const { n } = db.prepare(`select count(*) as n from ${table}`).get() as { n: number };
    tables[table] = String(n);
  }
  const users = db.prepare("select group_concat(email || role || disabled || password_hash, '|') as v from (select * from users order by id)").get() as { v: string };
  tables["users*"] = users.v;
  return tables;
}

async function waitUntilQuiet(db: Database.Database): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const { n } = db.prepare("select count(*) as n from documents where status in ('queued', 'sending')").get() as { n: number };
    if (n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test("every state-changing JSON endpoint of the build has a fuzz recipe", () => {
  expect(jsonEndpoints.length).toBeGreaterThan(5);
  expect(jsonEndpoints.filter((endpoint) => RECIPES[endpoint] === undefined), "add a recipe to RECIPES").toEqual([]);
});

test("fuzzed JSON never yields a 500, and invalid input writes nothing and sends nothing", async () => {
  const db = new Database(e2e.databasePath, { readonly: true, fileMustExist: true });
  const clients: Record<Recipe["as"], APIRequestContext> = {
    admin: await playwrightRequest.newContext({ baseURL: e2e.baseURL, storageState: e2e.statePath("admin") }),
    anonymous: await playwrightRequest.newContext({ baseURL: e2e.baseURL, storageState: { cookies: [], origins: [] } }),
  };
  try {
    await waitUntilQuiet(db);
    // The watch does see a write: a valid request changes the snapshot.
    const quiet = snapshotTables(db);
    const valid = await clients.admin.post("/api/users", {
      data: { ...sampleUser, email: `fuzz-${Date.now()}@credit-desk.example` }, headers: { Origin: e2e.baseURL },
    });
    expect(valid.status()).toBe(201);
    expect(snapshotTables(db)).not.toEqual(quiet);
    const knownIds = new Set((db.prepare("select internal_document_id as id from documents").all() as { id: string }[]).map((r) => r.id));
    let counted = 0;
    for (const endpoint of jsonEndpoints) {
      const recipe = RECIPES[endpoint];
      if (recipe === undefined) continue;
      const [method, route] = endpoint.split(" ") as [HttpMethod, string];
      const body = fc.tuple(
        mutations(recipe.base),
        fc.constantFrom(...recipe.poisons),
        recipe.ids?.() ?? fc.constant("00000000-0000-4000-8000-000000000000"),
        fc.option(fc.constantFrom(...brokenTexts), { freq: 6 }),
      );
      await fc.assert(
        fc.asyncProperty(body, async ([changes, poison, id, broken]) => {
          const text = broken ?? toJson([...changes, poison].reduce(apply, copy(recipe.base)));
          const before = snapshotTables(db);
          const lastSeq = (await sandboxRequests()).reduce((max, entry) => Math.max(max, entry.seq), 0);
          const path = route.replace(/\[\w+\]/g, id);
          const response = await clients[recipe.as].fetch(path, {
            // A Buffer goes out byte for byte; Playwright would re-encode a string that JSON.parse refuses.
            method, data: Buffer.from(text), maxRedirects: 0,
            headers: { "Content-Type": "application/json", Origin: e2e.baseURL, "X-Forwarded-For": "192.0.2.222" },
          });
          counted += 1;
          const status = response.status();
          const answer = await response.text();
          expect(status, `${endpoint} ${text.slice(0, 300)} → ${answer.slice(0, 300)}`).toBeLessThan(500);
          if (!recipe.ignoresBody) expect(status, `${endpoint} accepted invalid input ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          expect(answer).not.toMatch(/\n\s+at |SQLITE_|node_modules/);
          expect(answer).not.toContain(e2e.apiKey);
          expect(snapshotTables(db), `${endpoint} wrote on invalid input ${text.slice(0, 200)}`).toEqual(before);
          const sends = (await sandboxRequests()).filter((entry) =>
            entry.seq > lastSeq && entry.method === "POST" && !(entry.internalId !== undefined && knownIds.has(entry.internalId)));
          expect(sends, `${endpoint} sent something for invalid input`).toEqual([]);
        }),
        { numRuns: 30, endOnFailure: true },
      );
    }
    expect(counted).toBeGreaterThanOrEqual(30 * Object.keys(RECIPES).filter((k) => jsonEndpoints.includes(k)).length);
  } finally {
    db.close();
    await clients.admin.dispose();
    await clients.anonymous.dispose();
  }
});

test("hostile query strings and ids on the read endpoints never yield a 500", async ({ request }) => {
  const getRoutes = builtApiRoutes().filter((route) => API_ACCESS[route]?.GET !== undefined);
  const keys = ["status", "from", "to", "q", "series", "mark", "counterpartyVat", "minGross", "maxGross", "cursor", "limit", "actor", "action"];
  const query = fc.array(fc.tuple(fc.constantFrom(...keys), hostileStrings.map((s) => s.slice(0, 3_000))), { maxLength: 5 });
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...getRoutes), query, hostileIds(), async (route, pairs, id) => {
      const search = new URLSearchParams(pairs).toString();
      const response = await request.get(`${route.replace(/\[\w+\]/g, id)}?${search}`, { maxRedirects: 0 });
      expect(response.status(), `${route}?${search.slice(0, 200)}`).toBeLessThan(500);
      const text = await response.text();
      expect(text).not.toMatch(/\n\s+at |SQLITE_/);
      expect(text).not.toContain(e2e.apiKey);
    }),
    { numRuns: 150 },
  );
});
