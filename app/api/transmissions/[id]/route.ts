import { withAuth } from "@/lib/auth/with-auth";
import { detailOf } from "@/lib/history/api";
import { json } from "@/lib/http/api";

// GET /api/transmissions/{id} — a document with its identity, answers, attempts and events (viewer).
export const GET = withAuth<{ id: string }>({ role: "viewer" }, async ({ params }) => json(await detailOf(params.id)));
