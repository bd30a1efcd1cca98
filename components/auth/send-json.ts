/** What the dashboard's JSON API answered. */
export interface ApiAnswer {
  ok: boolean;
  status: number;
  body: unknown;
}

/** Sends JSON to the dashboard's own API (same origin, with the session cookie) and reads the answer. */
export async function sendJson(method: "POST" | "PATCH", url: string, body: unknown): Promise<ApiAnswer> {
  try {
    const response = await fetch(url, {
      method,
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text === "" ? null : (JSON.parse(text) as unknown);
    } catch {
      parsed = null;
    }
    return { ok: response.ok, status: response.status, body: parsed };
  } catch {
    return { ok: false, status: 0, body: null };
  }
}

/** The message(s) the server put in an error answer, or `fallback`. */
export function errorMessageOf(answer: ApiAnswer, fallback: string): string {
  const body = answer.body as { error?: { message?: unknown }; errors?: { message?: unknown }[] } | null;
  if (typeof body?.error?.message === "string") return body.error.message;
  const messages = (body?.errors ?? []).map((e) => e.message).filter((m): m is string => typeof m === "string");
  return messages.length > 0 ? messages.join(" · ") : fallback;
}
