import { withAuth } from "@/lib/auth/with-auth";
import { listIssued } from "@/lib/credit-notes/issued";
import { getReadyDb } from "@/lib/db/ready";
import { json } from "@/lib/http/api";
import { getProviderClient } from "@/lib/provider";

// GET /api/issued-documents?from=&to=&q=&issuerVat= — the issuer's creditable documents at the provider, merged with our history: {items:[…]} (clerk).
export const GET = withAuth({ role: "clerk" }, async ({ req, locale }) =>
  json(await listIssued(await getReadyDb(), getProviderClient(), Object.fromEntries(new URL(req.url).searchParams), locale)),
);
