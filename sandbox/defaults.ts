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
