/** `npm run db:migrate`: applies pending migrations in drizzle/ to DATABASE_URL (Neon in production). */
import { createDb } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: point it at the database to migrate.");
  process.exit(1);
}
const { db, pool } = createDb(url, process.env.NEON_WS_PROXY);
await runMigrations(db);
await pool.end();
console.log("migrations applied");
