import { withAuth } from "@/lib/auth/with-auth";
import { originalFromQuery } from "@/lib/credit-notes/issued";
import { getReadyDb } from "@/lib/db/ready";
import { json } from "@/lib/http/api";
import { getProviderClient } from "@/lib/provider";

// GET /api/issued-documents/{mark}?issuerVat=&on= — one original: header, lines, totals, what has been credited against it (clerk).
export const GET = withAuth<{ mark: string }>({ role: "clerk" }, async ({ req, params, locale }) =>
  json(await originalFromQuery(await getReadyDb(), getProviderClient(), params.mark, Object.fromEntries(new URL(req.url).searchParams), locale)),
);
