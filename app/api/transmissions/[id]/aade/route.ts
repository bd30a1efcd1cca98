import { withAuth } from "@/lib/auth/with-auth";
import { documentFileResponse } from "@/lib/history/document-file";

// GET /api/transmissions/{id}/aade — the document's myDATA XML from the provider, as a download (viewer).
export const GET = withAuth<{ id: string }>({ role: "viewer" }, async ({ params }) => documentFileResponse(params.id, "aade"));
