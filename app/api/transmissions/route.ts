import { withAuth } from "@/lib/auth/with-auth";
import { listFromQuery } from "@/lib/history/api";
import { json, queryOf } from "@/lib/http/api";

// GET /api/transmissions — the history, newest first, filtered, one keyset page: {items, nextCursor} (viewer).
export const GET = withAuth({ role: "viewer" }, async ({ req, locale }) => json(await listFromQuery(queryOf(req), locale)));
