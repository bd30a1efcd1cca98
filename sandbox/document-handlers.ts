/**
 * Public document links, no key (the token is the secret): GET /f/{vat}/{uid}/{token}[/pdf|/aade]
 * as the provider's portal links them, the older /v/{token}[/pdf|/aade], and the AADE-style QR
 * link /TimologioQR/QRInfo?q=… that redirects to the document page.
 */
import { normaliseVat } from "./afm";
import { documentUrl } from "./context";
import { replyRaw, type Exchange } from "./exchange";
import { renderHtml } from "./html";
import { renderPdf } from "./pdf";
import type { StoredDocument } from "./types";
import { renderAadeXml } from "./xml";

export type DocumentView = "html" | "pdf" | "aade";

export interface DocumentLink {
  signature: string;
  /** Present on /f/ links, and then they must match the document. */
  vat?: string;
  uid?: string;
}

function matches(stored: StoredDocument, link: DocumentLink): boolean {
  if (link.vat !== undefined && normaliseVat(link.vat) !== stored.issuerAfm) return false;
  return link.uid === undefined || link.uid.toUpperCase() === stored.uid;
}

export async function handleDocument(ex: Exchange, link: DocumentLink, view: DocumentView): Promise<void> {
  const stored = ex.ctx.store.findBySignature(link.signature);
  if (stored === undefined || !matches(stored, link)) {
    return replyRaw(ex, 404, "text/plain; charset=utf-8", "Document not found", "not_found");
  }
  ex.entry.internalId = stored.internalId;
  ex.entry.uid = stored.uid;
  const url = documentUrl(ex.ctx, stored);
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

/** GET /TimologioQR/QRInfo?q=… — `q` is the base64 of the document token's bytes; 302 to its page. */
export function handleQrInfo(ex: Exchange): void {
  const q = ex.url.searchParams.get("q") ?? "";
  const signature = Buffer.from(q, "base64").toString("hex");
  const stored = signature === "" ? undefined : ex.ctx.store.findBySignature(signature);
  if (stored === undefined) return replyRaw(ex, 404, "text/plain; charset=utf-8", "Document not found", "not_found");
  ex.res.setHeader("Location", documentUrl(ex.ctx, stored));
  replyRaw(ex, 302, "text/plain; charset=utf-8", "", "document");
}
