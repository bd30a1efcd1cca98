import { withAuth } from "@/lib/auth/with-auth";
import { createSeries, seriesFromQuery } from "@/lib/settings/series";
import { json, queryOf, readJsonBody } from "@/lib/http/api";

// GET /api/series?issuerVat= — series with their next numbers (clerk: the wizard shows them).
export const GET = withAuth({ role: "clerk" }, async ({ req, locale }) => json({ items: await seriesFromQuery(queryOf(req), { locale }) }));

// POST /api/series — adds a series {issuerVat, code, nextNumber?, description?}: 201; 409 for a code the issuer already has (admin).
export const POST = withAuth({ role: "admin" }, async ({ req, user, locale, correlationId }) =>
  json({ series: await createSeries(await readJsonBody(req, 10_000), { user, locale, correlationId }) }, { status: 201 }));
