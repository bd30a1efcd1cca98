import { json } from "@/lib/http/api";
import { withAuth } from "@/lib/auth/with-auth";

// GET /api/auth/session — who is signed in (401 when nobody).
export const GET = withAuth({ role: "viewer" }, async ({ user }) => json({ user }));
