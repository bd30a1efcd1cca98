import "server-only";
import { getReadyDb } from "@/lib/db/ready";
import { AppError } from "@/lib/domain/errors";
import { uuidOf } from "@/lib/domain/ids";
import { getProviderClient } from "@/lib/provider";
import type { DocumentFileKind } from "@/lib/provider/client-types";

/** What the browser gets for each kind of file, whatever the provider labels it. */
const FILES: Record<DocumentFileKind, { type: string; extension: string; disposition: "inline" | "attachment" }> = {
  pdf: { type: "application/pdf", extension: "pdf", disposition: "inline" },
  // Downloaded, never rendered: markup from elsewhere does not get to run on the dashboard's origin.
  aade: { type: "application/xml; charset=utf-8", extension: "xml", disposition: "attachment" },
};

/**
 * The provider's PDF or myDATA XML of a document, fetched server-side from the URL the provider
 * returned and passed through, so staff need no provider login and the browser never talks to
 * the provider. 404 when there is no such document or it has no URL yet; 502 when the provider
 * does not hand the file over.
 */
export async function documentFileResponse(rawId: string, kind: DocumentFileKind): Promise<Response> {
  const id = uuidOf(rawId, "document");
  const db = await getReadyDb();
  const doc = await db.selectFrom("documents").select(["url", "series", "number"]).where("id", "=", id).executeTakeFirst();
  if (doc === undefined) throw new AppError("not_found", { subject: "document" });
  if (doc.url === null || doc.url === "") throw new AppError("no_document_url");
  const file = await getProviderClient().fetchDocumentFile(doc.url, kind);
  if (!file.ok) throw new AppError("provider_file_unavailable", { detail: file.httpStatus === null ? file.message : `HTTP ${file.httpStatus}` });
  const { type, extension, disposition } = FILES[kind];
  const name = `${doc.series}-${doc.number}.${extension}`.replace(/[^\p{L}\p{N}.\-_]/gu, "_");
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      "Content-Type": type,
      "Content-Disposition": `${disposition}; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
