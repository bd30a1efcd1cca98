import { json, withApi } from "@/lib/http/api";
import { checkHealth } from "@/lib/health";

// GET /api/health — is the dashboard able to work: database reachable, provider reachable.
export const GET = withApi(async () => {
  const health = await checkHealth();
  return json(health, { status: health.ok ? 200 : 503 });
});

export const dynamic = "force-dynamic";
