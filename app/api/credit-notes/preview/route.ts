import { json, readJsonBody, withApi } from "@/lib/http/api";
import { previewCreditNote } from "@/lib/credit-notes/preview";

// POST /api/credit-notes/preview — the exact provider document and totals a draft would produce.
export const POST = withApi(async ({ req, locale }) => {
  const body = await readJsonBody(req);
  return json(await previewCreditNote(body, locale));
});
