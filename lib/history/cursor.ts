import "server-only";

/** Position after the last row of a page, in (created_at desc, id desc) order. */
export interface HistoryCursor {
  createdAt: string;
  id: string;
}

/** Opaque URL-safe cursor: base64url of `[createdAt, id]`. */
export function encodeCursor(cursor: HistoryCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), "utf8").toString("base64url");
}

/** @throws RangeError when the text is not a cursor encodeCursor made. */
export function decodeCursor(text: string): HistoryCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new RangeError("invalid cursor");
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "string" || typeof value[1] !== "string" ||
    Number.isNaN(Date.parse(value[0]))) {
    throw new RangeError("invalid cursor");
  }
  return { createdAt: value[0], id: value[1] };
}
