import { withAuth } from "@/lib/auth/with-auth";
import { numericIdOf } from "@/lib/domain/ids";
import { changeSeries, removeSeries } from "@/lib/settings/series";
import { json, readJsonBody } from "@/lib/http/api";

type Params = { id: string };

// PATCH /api/series/{id} — sets the next number and/or description (admin).
export const PATCH = withAuth<Params>({ role: "admin" }, async ({ req, params, user, locale, correlationId }) => {
  const id = numericIdOf(params.id, "series");
  return json({ series: await changeSeries(id, await readJsonBody(req, 10_000), { user, locale, correlationId }) });
});

// DELETE /api/series/{id} — removes a series no document carries; 409 otherwise (admin).
export const DELETE = withAuth<Params>({ role: "admin" }, async ({ params, user, locale, correlationId }) => {
  await removeSeries(numericIdOf(params.id, "series"), { user, locale, correlationId });
  return json({ deleted: true });
});
