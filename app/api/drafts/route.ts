import { withAuth } from "@/lib/auth/with-auth";
import { listDraftSummaries } from "@/lib/credit-notes/drafts";
import { json } from "@/lib/http/api";

// GET /api/drafts — the caller's unissued drafts, most recently saved first (clerk).
export const GET = withAuth({ role: "clerk" }, async ({ user }) => json({ items: await listDraftSummaries(user) }));
