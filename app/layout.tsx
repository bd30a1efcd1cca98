import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LocaleProvider } from "@/components/ui/locale-provider";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: "Credit Desk",
  description: "Πιστωτικά τιμολόγια 5.2 μέσω Impact eInvoicing",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Read once per request; client components take it from the provider (useLocale).
  const locale = await getRequestLocale();
  return (
    <html lang={locale}>
      <body>
        <LocaleProvider locale={locale}>{children}</LocaleProvider>
      </body>
    </html>
  );
}
