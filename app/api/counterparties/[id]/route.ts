import { withAuth } from "@/lib/auth/with-auth";
import { changeCounterparty, getCounterparty, removeCounterparty } from "@/lib/settings/counterparties";
import { uuidOf } from "@/lib/domain/ids";
import { json, readJsonBody } from "@/lib/http/api";

type Params = { id: string };

// GET /api/counterparties/{id} — one address-book entry (clerk).
export const GET = withAuth<Params>({ role: "clerk" }, async ({ params }) =>
  json({ counterparty: await getCounterparty(uuidOf(params.id, "counterparty")) }));

// PATCH /api/counterparties/{id} — replaces an entry's values (clerk).
export const PATCH = withAuth<Params>({ role: "clerk" }, async ({ req, params, user, locale, correlationId }) => {
  const id = uuidOf(params.id, "counterparty");
  return json({ counterparty: await changeCounterparty(id, await readJsonBody(req, 50_000), { user, locale, correlationId }) });
});

// DELETE /api/counterparties/{id} — removes an entry; issued documents keep their copy (clerk).
export const DELETE = withAuth<Params>({ role: "clerk" }, async ({ params, user, locale, correlationId }) => {
  await removeCounterparty(uuidOf(params.id, "counterparty"), { user, locale, correlationId });
  return json({ deleted: true });
});
