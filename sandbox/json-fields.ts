/**
 * Case-insensitive property access: the provider deserialises PascalCase and camelCase alike
 * (its own samples mix both inside one document), so every read goes through these helpers.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function findKey(obj: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(obj, name)) return name;
  const wanted = name.toLowerCase();
  return Object.keys(obj).find((key) => key.toLowerCase() === wanted);
}

/** The value under the first of `names` present (any case), or undefined. */
export function getField(obj: unknown, ...names: string[]): unknown {
  if (!isObject(obj)) return undefined;
  for (const name of names) {
    const key = findKey(obj, name);
    if (key !== undefined) return obj[key];
  }
  return undefined;
}

export function getObject(obj: unknown, ...names: string[]): JsonObject | undefined {
  const value = getField(obj, ...names);
  return isObject(value) ? value : undefined;
}

/** Sets `name`, replacing an existing key of any case so the object never holds both spellings. */
export function setField(obj: JsonObject, name: string, value: unknown): void {
  const key = findKey(obj, name);
  if (key !== undefined && key !== name) delete obj[key];
  obj[name] = value;
}

/** Trimmed text of a string or number value; undefined for anything else or blank text. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A JSON path segment appended to a parent path. */
export function joinPath(parent: string, name: string): string {
  if (parent === "") return name;
  return name.startsWith("[") ? `${parent}${name}` : `${parent}.${name}`;
}
