import { withAuth } from "@/lib/auth/with-auth";
import { saveCounterparty, searchAddressBook } from "@/lib/settings/counterparties";
import { json, queryOf, readJsonBody } from "@/lib/http/api";

// GET /api/counterparties?q=&limit=&offset= — address-book search by name, VAT number or code (clerk).
export const GET = withAuth({ role: "clerk" }, async ({ req, locale }) => json({ items: await searchAddressBook(queryOf(req), locale) }));

// POST /api/counterparties — saves an entry; the same VAT number updates the existing one: 201 or 200 {counterparty} (clerk).
export const POST = withAuth({ role: "clerk" }, async ({ req, user, locale, correlationId }) => {
  const { created, counterparty } = await saveCounterparty(await readJsonBody(req, 50_000), { user, locale, correlationId });
  return json({ counterparty }, { status: created ? 201 : 200 });
});
