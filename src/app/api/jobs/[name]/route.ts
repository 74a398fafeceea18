import { env } from "@/env";
import { handleJobRequest } from "@/server/jobs/handle";
import { defaultServices } from "@/server/services";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }) {
  return handleJobRequest(request, (await params).name, defaultServices(), {
    appUrl: env.APP_URL,
    currentSigningKey: env.QSTASH_CURRENT_SIGNING_KEY,
    nextSigningKey: env.QSTASH_NEXT_SIGNING_KEY,
  });
}
