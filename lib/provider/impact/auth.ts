import "server-only";

/**
 * How calls authenticate at the provider. `apiKey` is the default (`APIKey` header on every
 * call); `bearer` carries an access token from `POST /Authentication/login`, for when the
 * provider retires keys.
 */
export type ProviderAuth = { kind: "apiKey"; apiKey: string } | { kind: "bearer"; accessToken: string };

/** The only place that builds authentication headers. */
export function authHeaders(auth: ProviderAuth): Record<string, string> {
  switch (auth.kind) {
    case "apiKey":
      return { APIKey: auth.apiKey };
    case "bearer":
      return { Authorization: `Bearer ${auth.accessToken}` };
  }
}
