"use client";

import { Loader2 } from "lucide-react";
import { formatDateTime } from "@/components/format";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api, type RouterOutputs } from "@/trpc/react";

type Delivery = RouterOutputs["notification"]["deliveries"]["items"][number];

const STATUS: Record<
  Delivery["status"],
  { label: string; variant: "default" | "secondary" | "destructive" | "outline" }
> = {
  sent: { label: "Sent", variant: "secondary" },
  pending: { label: "Sending", variant: "outline" },
  failed: { label: "Failed", variant: "destructive" },
  skipped: { label: "Skipped", variant: "outline" },
};

const CHANNEL: Record<Delivery["channel"], string> = { email: "Email", in_app: "In app" };

/** Admins: what was sent to whom, and why something wasn't. */
export function DeliveryLog({ timeZone }: { timeZone: string }) {
  const query = api.notification.deliveries.useQuery({ limit: 50 });
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Delivery log</h2>
        </CardTitle>
        <CardDescription>
          The latest lead alerts to everyone in this organization, by channel. Only owners and
          admins see this.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden="true" />
            Loading the delivery log…
          </p>
        ) : query.isError ? (
          <QueryError
            title="The delivery log didn't load"
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />
        ) : query.data.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No alerts have been sent yet.</p>
        ) : (
          <ul className="divide-y">
            {query.data.items.map((d) => (
              <li key={d.id} className="grid gap-1 py-3 sm:grid-cols-[1fr_auto] sm:gap-4">
                <div className="min-w-0">
                  <p className="text-sm font-medium break-words">{d.title}</p>
                  <p className="truncate text-xs text-muted-foreground">
                    To {d.recipientName ?? d.recipientEmail} · {CHANNEL[d.channel]}
                    {d.attempt > 1 ? ` · attempt ${d.attempt}` : ""}
                  </p>
                  {d.error && (
                    <p className="text-xs break-words text-muted-foreground">{d.error}</p>
                  )}
                </div>
                <div className="flex items-center gap-2 sm:flex-col sm:items-end">
                  <Badge variant={STATUS[d.status].variant}>{STATUS[d.status].label}</Badge>
                  <time
                    dateTime={d.updatedAt.toISOString()}
                    className="text-xs text-muted-foreground"
                  >
                    {formatDateTime(d.updatedAt, timeZone)}
                  </time>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
