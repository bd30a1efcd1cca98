import { withAuth } from "@/lib/auth/with-auth";
import { createIssuerProfile, loadIssuerProfiles } from "@/lib/settings/issuers";
import { json, readJsonBody } from "@/lib/http/api";

// GET /api/issuer-profiles — issuer profiles with their branches (clerk: the wizard offers them).
export const GET = withAuth({ role: "clerk" }, async () => json({ items: await loadIssuerProfiles() }));

// POST /api/issuer-profiles — adds a profile {vat, name, address, defaultClassification?}: 201; 409 for a VAT already there (admin).
export const POST = withAuth({ role: "admin" }, async ({ req, user, locale, correlationId }) =>
  json({ profile: await createIssuerProfile(await readJsonBody(req, 20_000), { user, locale, correlationId }) }, { status: 201 }));
