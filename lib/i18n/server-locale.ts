import "server-only";
import { cookies, headers } from "next/headers";
import { localeFromAcceptLanguage, type Locale } from "./locale";

/** The viewer's language: the `locale` cookie when set, else the browser's preference, else Greek. */
export async function getRequestLocale(): Promise<Locale> {
  const cookie = (await cookies()).get("locale")?.value;
  if (cookie === "el" || cookie === "en") return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}
