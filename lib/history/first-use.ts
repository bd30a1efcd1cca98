import "server-only";
import type { Db } from "@/lib/db/schema";

/** True once any document exists: until then the overview tells a clerk how to start. */
export async function hasAnyDocument(db: Db): Promise<boolean> {
  return (await db.selectFrom("documents").select("id").limit(1).executeTakeFirst()) !== undefined;
}
