import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { testDb } from "@/server/testing/fixtures";

describe("database backend", () => {
  it("answers through the Neon driver, on the backend the environment chose", async () => {
    const backends = inject("backends");
    const result = await testDb().execute<{ version: string }>(sql`select version() as version`);
    const version = result.rows[0]!.version;
    // Either way a native server build (the embedded one is PostgreSQL 18 from npm), as on Neon.
    expect(version).toMatch(/^PostgreSQL \d+/);
    expect(version).not.toMatch(/emscripten|wasm/i);
    console.info(`database backend: ${backends.postgres} (${version})`);
  });

  it("uses the machine's PostgreSQL whenever TEST_DATABASE_URL is set (CI)", () => {
    const expected = process.env.TEST_DATABASE_URL ? "postgres" : "embedded";
    expect(inject("backends").postgres).toBe(expected);
  });

  it("applied the migrations", async () => {
    const result = await testDb().execute<{ n: number }>(
      sql`select count(*)::int as n from information_schema.tables where table_name in ('users','sessions','organizations','memberships','invitations','audit_log')`,
    );
    expect(result.rows[0]!.n).toBe(6);
  });
});
