import { getRedis } from "@/server/adapters/redis";
import { getDb } from "@/server/db/client";
import { checkHealth } from "@/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth({ db: getDb(), redis: getRedis() });
  return Response.json(report, {
    status: report.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
