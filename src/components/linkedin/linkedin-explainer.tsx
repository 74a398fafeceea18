import { BarChart3, MessageSquareText, Send, ShieldCheck } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ANALYTICS_SCOPE, COMMENTS_SCOPE, PUBLISH_SCOPE } from "./links";

const PERMISSIONS = [
  {
    icon: Send,
    title: "Publishing",
    scope: PUBLISH_SCOPE,
    text: "Approved posts go out on the connected profile, when you press Publish now or at their scheduled time. Nothing is posted before it's approved.",
  },
  {
    icon: MessageSquareText,
    title: "Comments",
    scope: COMMENTS_SCOPE,
    text: "Comments on your posts are read so people worth following up surface as leads. Without it, you'll be able to import comments by hand.",
  },
  {
    icon: BarChart3,
    title: "Analytics",
    scope: ANALYTICS_SCOPE,
    text: "Impressions and reactions per post, to learn what works for your audience. Without it, you'll be able to import analytics by hand.",
  },
] as const;

/** What connecting LinkedIn allows, and what it doesn't. */
export function LinkedInExplainer() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>What connecting does</h2>
        </CardTitle>
        <CardDescription>
          LinkedIn asks you to approve these permissions on its own page. You can disconnect at any
          time.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        <ul className="grid gap-4 sm:grid-cols-3">
          {PERMISSIONS.map(({ icon: Icon, title, scope, text }) => (
            <li key={scope} className="space-y-1.5">
              <h3 className="flex items-center gap-2 text-sm font-medium">
                <Icon className="size-4 text-primary" aria-hidden="true" />
                {title}
              </h3>
              <p className="text-sm text-muted-foreground text-pretty">{text}</p>
              <p className="font-mono text-xs text-muted-foreground">{scope}</p>
            </li>
          ))}
        </ul>
        <p className="flex gap-2 rounded-md bg-muted/60 p-3 text-sm text-muted-foreground">
          <ShieldCheck className="mt-0.5 size-4 shrink-0 text-foreground" aria-hidden="true" />
          <span className="text-pretty">
            We never see your LinkedIn password. Access is stored encrypted and lasts 60 days, as
            LinkedIn sets it; a banner here warns you a week before it runs out. Disconnecting here
            deletes it, and you can also remove the app in LinkedIn&apos;s own settings.
          </span>
        </p>
      </CardContent>
    </Card>
  );
}
