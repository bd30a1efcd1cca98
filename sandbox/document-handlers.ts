/** GET /v/{signature}[/pdf|/aade] — public document links; no key, the signature is the secret. */
import { documentUrl } from "./context";
import { replyRaw, type Exchange } from "./exchange";
import { renderHtml } from "./html";
import { renderPdf } from "./pdf";
import { renderAadeXml } from "./xml";

export type DocumentView = "html" | "pdf" | "aade";

export async function handleDocument(ex: Exchange, signature: string, view: DocumentView): Promise<void> {
  const stored = ex.ctx.store.findBySignature(signature);
  if (stored === undefined) {
    return replyRaw(ex, 404, "text/plain; charset=utf-8", "Document not found", "not_found");
  }
  ex.entry.internalId = stored.internalId;
  ex.entry.uid = stored.uid;
  const url = documentUrl(ex.ctx, stored.signature);
  switch (view) {
    case "pdf": {
      const pdf = await renderPdf(stored, url, ex.ctx.config.fontPath);
      ex.res.setHeader("Content-Disposition", `inline; filename="${stored.mark}.pdf"`);
      return replyRaw(ex, 200, "application/pdf", pdf, "document");
    }
    case "aade":
      return replyRaw(ex, 200, "application/xml; charset=utf-8", renderAadeXml(stored), "document");
    case "html":
      return replyRaw(ex, 200, "text/html; charset=utf-8", await renderHtml(stored, url), "document");
  }
}
