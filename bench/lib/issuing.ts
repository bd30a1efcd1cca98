/**
 * Issuing credit notes for measurements and the drill: the sample draft of docs/DRAFT.md with a fresh
 * draft id in a given series (number assigned by the series), through `POST /api/credit-notes`,
 * and the same document posted straight to the provider.
 */
import { randomUUID } from "node:crypto";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";
import { httpRequest, jsonOf, type HttpAnswer } from "./http";
import type { ApiSession } from "./session";

/** A draft of the provider's 5.2 sample in `series`, number left to the series, with its own id. */
export function freshDraft(series: string, id: string = randomUUID()): Record<string, unknown> {
  const draft: Record<string, unknown> = { ...sampleDraft(), id, series };
  delete draft.number;
  return draft;
}

export interface Issued {
  id: string;
  status: string;
  created: boolean;
  internalDocumentId: string;
  series: string;
  number: string;
}

/** POST /api/credit-notes; throws unless 202. */
export async function issueThroughDashboard(session: ApiSession, draft: Record<string, unknown>): Promise<{ issued: Issued; answer: HttpAnswer }> {
  const answer = await session.request("POST", "/api/credit-notes", { draft });
  if (answer.status !== 202) throw new Error(`POST /api/credit-notes answered ${answer.status}: ${answer.body.slice(0, 400)}`);
  return { issued: jsonOf<Issued>(answer, "POST /api/credit-notes"), answer };
}

/** The exact provider document the dashboard would build for `draft`, under the given identity. */
export function providerDocumentOf(draft: Record<string, unknown>, identity: { series: string; number: string; internalDocumentId: string }): unknown {
  const parsed = parseDraft(draft);
  if (!parsed.ok) throw new Error(`the sample draft does not parse: ${JSON.stringify(parsed.errors)}`);
  return buildProviderDocument(parsed.value.input, { ...identity, issuedAt: formatAthensDateTime(new Date()) });
}

/** POST {provider}/Invoice/json with the API key, as the dashboard's provider client does; throws unless 201. */
export async function postStraightToProvider(baseUrl: string, apiKey: string, document: unknown): Promise<HttpAnswer> {
  const answer = await httpRequest(`${baseUrl}/Invoice/json`, { method: "POST", body: document, headers: { APIKey: apiKey, accept: "application/json" } });
  if (answer.status !== 201) throw new Error(`POST /Invoice/json answered ${answer.status}: ${answer.body.slice(0, 400)}`);
  return answer;
}
