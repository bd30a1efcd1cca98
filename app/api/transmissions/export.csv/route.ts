import { withAuth } from "@/lib/auth/with-auth";
import { exportCsvFromQuery } from "@/lib/history/api";
import { queryOf } from "@/lib/http/api";

// GET /api/transmissions/export.csv — the filtered history as CSV, UTF-8 with BOM (viewer).
export const GET = withAuth({ role: "viewer" }, async ({ req, locale }) => {
  const stream = await exportCsvFromQuery(queryOf(req), locale);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="transmissions-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
