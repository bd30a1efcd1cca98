/**
 * Public defaults of the sandbox provider. The demo key is documented in the README:
 * it only ever unlocks the local sandbox, never a real provider.
 */
export const SANDBOX_DEFAULT_PORT = 4010;
export const SANDBOX_DEMO_VAT = "EL094259216";
export const SANDBOX_DEMO_API_KEY = "sandbox-demo-key-094259216";
export const SANDBOX_DEFAULT_API_KEYS = `${SANDBOX_DEMO_VAT}:${SANDBOX_DEMO_API_KEY}`;
export const SANDBOX_DEFAULT_PROCESSING_WINDOW_MS = 120_000;
export const SANDBOX_DEFAULT_HOST = "127.0.0.1";
export const SANDBOX_DEFAULT_DATA_DIR = "data/sandbox";
/** How long FAKE_IAPR_DELAYED_TIMEOUT waits before its 408. */
export const SANDBOX_DEFAULT_DELAYED_TIMEOUT_MS = 1_500;
/** How long FAKE_IAPR_DELAYED_TIMEOUT's document takes to be registered after the request arrived. */
export const SANDBOX_DEFAULT_DELAYED_REGISTER_MS = 3_000;
/** How long a series|number stays locked after a 500 "Could not accept document. Please resend." */
export const SANDBOX_DEFAULT_RESEND_LOCK_MS = 120_000;
/** Rows per page of GET /api/Invoice/GetDocuments. */
export const SANDBOX_DEFAULT_DOCUMENTS_PAGE_SIZE = 50;
/** Lifetime of a login's access token (the provider's is 900 s). */
export const SANDBOX_DEFAULT_ACCESS_TOKEN_TTL_MS = 900_000;
