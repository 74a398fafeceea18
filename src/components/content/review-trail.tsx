import { CheckCircle2, CornerUpLeft, PencilLine, Send } from "lucide-react";
import { displayName, formatDateTime } from "@/components/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RouterOutputs } from "@/trpc/react";

type Review = RouterOutputs["post"]["get"]["reviews"][number];

const ACTIONS: Record<string, { verb: string; icon: typeof Send; className: string }> = {
  submitted: { verb: "submitted it for review", icon: Send, className: "text-muted-foreground" },
  approved: { verb: "approved it", icon: CheckCircle2, className: "text-emerald-600" },
  rejected: { verb: "sent it back", icon: CornerUpLeft, className: "text-amber-600" },
  edited: {
    verb: "edited it during review, so it went back to draft",
    icon: PencilLine,
    className: "text-amber-600",
  },
};

/** Submissions and decisions with their comments, newest first. */
export function ReviewTrail({ reviews, timeZone }: { reviews: Review[]; timeZone: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Review trail</h2>
        </CardTitle>
        <CardDescription>Who submitted, approved or sent this post back, and why.</CardDescription>
      </CardHeader>
      <CardContent>
        {reviews.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            Not reviewed yet. When it&apos;s ready, submit it: owners and admins get an email.
          </p>
        ) : (
          <ol className="space-y-4">
            {reviews.map((review, index) => {
              const action = ACTIONS[review.action] ?? {
                verb: review.action,
                icon: Send,
                className: "text-muted-foreground",
              };
              const Icon = action.icon;
              return (
                <li key={index} className="flex gap-3">
                  <Icon
                    className={`mt-0.5 size-4 shrink-0 ${action.className}`}
                    aria-hidden="true"
                  />
                  <div className="min-w-0 space-y-1">
                    <p className="text-sm">
                      <span className="font-medium">
                        {review.actorEmail
                          ? displayName({ name: review.actorName, email: review.actorEmail })
                          : "A former member"}
                      </span>{" "}
                      {action.verb}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      <time dateTime={review.createdAt.toISOString()}>
                        {formatDateTime(review.createdAt, timeZone)}
                      </time>
                    </p>
                    {review.comment && (
                      <blockquote className="border-l-2 pl-3 text-sm break-words whitespace-pre-wrap">
                        {review.comment}
                      </blockquote>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
