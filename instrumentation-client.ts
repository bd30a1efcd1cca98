import { z } from "zod";

/**
 * Runs in the browser before any of the dashboard's own code. The pages' Content-Security-Policy
 * allows no `eval`, and zod would otherwise probe for it (`new Function("")`) and compile its
 * object parsers with it: each attempt is a CSP violation report even though zod recovers. The
 * interpreted parsers it falls back to are fast enough for forms.
 */
z.config({ jitless: true });
