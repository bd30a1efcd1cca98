import { withAuth } from "@/lib/auth/with-auth";
import { exportXlsxFromQuery } from "@/lib/history/api";
import { queryOf } from "@/lib/http/api";

// GET /api/transmissions/export.xlsx — the filtered history as an Excel spreadsheet, the CSV's filters and rows (viewer).
export const GET = withAuth({ role: "viewer" }, async ({ req, locale }) => {
  const stream = await exportXlsxFromQuery(queryOf(req), locale);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="transmissions-${day}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
});
