import { withAuth } from "@/lib/auth/with-auth";
import { json, readJsonBody } from "@/lib/http/api";
import { previewCreditNote } from "@/lib/credit-notes/preview";
import { lastIssuedAtOfDb } from "@/lib/credit-notes/issue-date";

// POST /api/credit-notes/preview — the exact provider document and totals a draft would produce (clerk).
export const POST = withAuth({ role: "clerk" }, async ({ req, locale }) => {
  const body = await readJsonBody(req);
  return json(await previewCreditNote(body, locale, new Date(), lastIssuedAtOfDb));
});
