import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { expect, type APIRequestContext } from "@playwright/test";
import { editableDraftOf, STORED_DRAFT_VERSION } from "@/lib/domain/editable-draft";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import type { CreditNoteInput } from "@/lib/domain/types";
import { SANDBOX_DEMO_VAT } from "../../sandbox/defaults";

/** A valid credit note of the sandbox's demo issuer (the provider sample's line: 6,44 + 1,55 = 7,99). */
export function sampleInput(counterpartyName = "Ωμέγα Εμπορική Α.Ε."): CreditNoteInput {
  return {
    issuer: { vat: SANDBOX_DEMO_VAT, name: "BEST SHOPPING", branchCode: 0, address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551" } },
    counterparty: { name: counterpartyName, vat: "DE123456789", address: { countryCode: "DE", city: "Reutlingen", street: "STREET NUMBER", postalCode: "12345" }, emails: [] },
    priceEntry: "net",
    lines: [{ description: "Φαρδιά ζώνη cowboy", quantityMilli: 1000, unitCode: 1, unitPriceCents: 644, discountBasisPoints: 0, vatCategory: 1, vatExemptionCategory: null, incomeClassification: { category: "category1_1", type: "E3_561_001" } }],
    payments: [{ methodCode: 3, amountCents: 799 }],
    emails: [],
  };
}

/** Athens wall-clock time of now, the provider's DateIssued format. */
function athensNow(): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Athens", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
    .formatToParts(new Date());
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
}

/** A document of the demo issuer as the outbox stores it: identity, exact payload, the draft it was built from, totals. */
export function outboxDocument(series: string, change: (payload: ReturnType<typeof buildProviderDocument>) => void = () => undefined) {
  const id = randomUUID();
  const internalDocumentId = randomUUID();
  const number = String(Date.now() % 1_000_000_000);
  const identity = { series, number, issuedAt: athensNow() };
  const payload = buildProviderDocument(sampleInput(), { internalDocumentId, ...identity });
  change(payload);
  const payloadJson = JSON.stringify(payload);
  const draftJson = JSON.stringify(editableDraftOf(sampleInput(), identity));
  return { id, internalDocumentId, series, number, payloadJson, draftJson, issuedAt: payload.DateIssued };
}

/**
 * Writes a document straight into the running dashboard's SQLite file, as the outbox would have:
 * `queued` documents are picked up by its send worker within a second; `unknown` ones are left
 * alone until `nextAttemptAt`.
 */
export function insertDocument(
  databasePath: string,
  doc: ReturnType<typeof outboxDocument>,
  state: { status: "queued" | "unknown"; nextAction: "send" | "lookup"; nextAttemptAt: string; createdBy: string },
): void {
  const db = new Database(databasePath, { timeout: 10_000 });
  try {
    const now = new Date().toISOString();
    const searchText = [doc.series, doc.number, `${doc.series}/${doc.number}`, "ωμεγα εμπορικη α.ε.", "de123456789", doc.internalDocumentId].join(" ");
    db.transaction(() => {
      db.prepare(`insert into documents (id, internal_document_id, kind, issuer_vat, series, number, issued_at, counterparty_name, counterparty_vat, search_text,
        net_cents, vat_cents, gross_cents, payload_json, payload_sha256, draft_json, draft_version, status, next_action, attempt_count, attempt_base, retry_step, next_attempt_at,
        deadline_at, created_by, created_at, updated_at, last_error_json)
        values (?, ?, 'compose', ?, ?, ?, ?, 'Ωμέγα Εμπορική Α.Ε.', 'DE123456789', ?, 644, 155, 799, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`).run(
        doc.id, doc.internalDocumentId, SANDBOX_DEMO_VAT, doc.series, doc.number, doc.issuedAt, searchText, doc.payloadJson,
        createHash("sha256").update(doc.payloadJson, "utf8").digest("hex"), doc.draftJson, STORED_DRAFT_VERSION, state.status, state.nextAction,
        state.status === "unknown" ? 1 : 0, 0, state.nextAttemptAt, new Date(Date.now() + 86_400_000).toISOString(), state.createdBy, now, now,
        state.status === "unknown" ? JSON.stringify({ kind: "ambiguous", httpStatus: null, message: "no answer in time", errors: [], reason: "timeout" }) : null,
      );
      // Its series, as the administrator defined it before the document took a number from it.
      db.prepare("insert into series (issuer_vat, code, next_number, description, created_at, updated_at) values (?, ?, ?, null, ?, ?) on conflict do nothing")
        .run(SANDBOX_DEMO_VAT, doc.series, Number(doc.number) + 1, now, now);
      db.prepare("insert into events (document_id, at, type, detail_json, actor) values (?, ?, 'queued', ?, ?)").run(doc.id, now, JSON.stringify({ series: doc.series, number: doc.number }), state.createdBy);
      if (state.status === "unknown") {
        db.prepare(`insert into attempts (document_id, seq, started_at, finished_at, request_sha256, http_status, outcome, latency_ms, response_body, error, worker_id)
          values (?, 1, ?, ?, ?, null, 'ambiguous', 1500, null, 'no answer in time', 'e2e')`).run(doc.id, now, now, createHash("sha256").update(doc.payloadJson, "utf8").digest("hex"));
        db.prepare("insert into events (document_id, at, type, detail_json) values (?, ?, 'unknown', ?)").run(doc.id, now, JSON.stringify({ reason: "no_answer_timeout", nextAction: "lookup" }));
      }
    })();
  } finally {
    db.close();
  }
}

/** Calls the sandbox's control API (faults, settings), which needs no key. */
export async function sandboxControl(sandboxUrl: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__control/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

/** Runs `npm run seed` against a database, waiting for it to finish. */
export function runSeed(env: Record<string, string>, documents: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts", "--documents", String(documents)], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`seed exited with ${code}: ${output}`))));
  });
}

/** Starts `next start` of the current build on its own port and database; resolves once healthy. */
export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore", detached: true });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stopServer(child);
  throw new Error(`the server on port ${port} did not start`);
}

/** Stops a server started by startServer (its whole process group). */
export function stopServer(child: ChildProcess | undefined): void {
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/** Signs a request context in through the API (the cookie then serves its pages too). */
export async function signIn(request: APIRequestContext, email: string, password: string): Promise<void> {
  const response = await request.post("/api/auth/login", { data: { email, password } });
  expect(response.status()).toBe(200);
}

