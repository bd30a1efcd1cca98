import { withAuth } from "@/lib/auth/with-auth";
import { documentFileResponse } from "@/lib/history/document-file";

// GET /api/transmissions/{id}/pdf — the provider's PDF of the document, fetched through the dashboard (viewer).
export const GET = withAuth<{ id: string }>({ role: "viewer" }, async ({ params }) => documentFileResponse(params.id, "pdf"));
