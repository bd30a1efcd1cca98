import type { DetailView } from "@/lib/history/views";
import { ht } from "@/lib/i18n/history-messages";
import { plainT } from "@/lib/i18n/plain-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

/**
 * What the provider and myDATA gave back: MARK, UID, authentication code, the document link
 * with the QR code of AADE's link, and the PDF and XML served through the dashboard.
 */
export async function AnswerPanel({ view }: { view: DetailView }) {
  const locale = await getRequestLocale();
  const { summary } = view;
  // The QR's text alternative says what it opens, with the link itself for those who cannot scan it.
  const qrUrl = view.qrUrl;
  const qrAlt = qrUrl === null ? ht("detail.qr", locale) : plainT("qr.alt", locale, { url: qrUrl });
  const link = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-brand hover:bg-slate-50";
  return (
    <div className="flex flex-wrap gap-6">
      <dl className="grid min-w-0 flex-1 grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,auto)_1fr] sm:gap-y-1.5">
        <dt className="text-slate-500">{ht("detail.mark", locale)}</dt>
        <dd className="font-mono" data-testid="detail-mark">{summary.mark ?? ht("detail.noAnswer", locale)}</dd>
        <dt className="text-slate-500">{ht("detail.uid", locale)}</dt>
        <dd className="break-all font-mono text-xs">{summary.uid ?? "—"}</dd>
        <dt className="text-slate-500">{ht("detail.authCode", locale)}</dt>
        <dd className="break-all font-mono text-xs">{summary.authenticationCode ?? "—"}</dd>
        <dt className="text-slate-500">{ht("detail.url", locale)}</dt>
        <dd className="break-all text-xs">{summary.url ? <a href={summary.url} rel="noreferrer noopener" target="_blank" className="text-brand underline">{summary.url}</a> : "—"}</dd>
      </dl>
      {view.qrSvg !== null && (
        <figure className="w-36 shrink-0">
          {/* The SVG is drawn by the qrcode library from AADE's link (erpQrCode): geometry only, no markup from outside. */}
          <div role="img" aria-label={qrAlt} className="aspect-square w-36" dangerouslySetInnerHTML={{ __html: view.qrSvg }} data-testid="detail-qr" />
          <figcaption className="mt-1 text-center text-xs text-slate-500">
            {plainT("qr.caption", locale)}
            {qrUrl !== null && <a href={qrUrl} rel="noreferrer noopener" target="_blank" className="mt-0.5 block break-all text-brand underline">{qrUrl}</a>}
          </figcaption>
        </figure>
      )}
      {(view.pdfHref !== null || view.xmlHref !== null) && (
        <div className="flex w-full gap-3">
          {view.pdfHref !== null && <a href={view.pdfHref} target="_blank" rel="noopener" className={link}>{ht("detail.pdf", locale)}</a>}
          {view.xmlHref !== null && <a href={view.xmlHref} download className={link}>{ht("detail.xml", locale)}</a>}
        </div>
      )}
    </div>
  );
}
