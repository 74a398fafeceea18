"use client";

import { useId } from "react";
import { toast } from "sonner";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { api, type RouterOutputs } from "@/trpc/react";

type Preferences = RouterOutputs["notification"]["preferences"];

const PRIORITY_OPTIONS: { value: Preferences["minPriority"]; label: string }[] = [
  { value: "critical", label: "Critical only" },
  { value: "high", label: "High and critical" },
  { value: "medium", label: "Medium and up" },
  { value: "low", label: "Every lead" },
];

/** The member's lead alerts in this org; each change saves at once. */
export function NotificationPreferencesForm({ organizationName }: { organizationName: string }) {
  const id = useId();
  const utils = api.useUtils();
  const prefs = api.notification.preferences.useQuery();
  const update = api.notification.updatePreferences.useMutation({
    onMutate: async (input) => {
      await utils.notification.preferences.cancel();
      const before = utils.notification.preferences.getData();
      utils.notification.preferences.setData(undefined, (p) => (p ? { ...p, ...input } : p));
      return { before };
    },
    onSuccess: () => toast.success("Alert settings saved"),
    onError: (error, _input, context) => {
      utils.notification.preferences.setData(undefined, context?.before);
      toast.error(errorMessage(error));
    },
    onSettled: () => utils.notification.preferences.invalidate(),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Lead alerts</h2>
        </CardTitle>
        <CardDescription>
          How you hear about new leads in {organizationName}. These settings are yours alone.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {prefs.isPending ? (
          <div className="space-y-4" role="status" aria-label="Loading alert settings">
            <Skeleton className="h-5 w-64 max-w-full" />
            <Skeleton className="h-5 w-64 max-w-full" />
            <Skeleton className="h-9 w-56" />
          </div>
        ) : prefs.isError ? (
          <QueryError
            title="Alert settings didn't load"
            message={errorMessage(prefs.error)}
            onRetry={() => void prefs.refetch()}
          />
        ) : (
          <div className="space-y-5">
            <div className="flex items-start justify-between gap-4">
              <div className="grid gap-1">
                <Label htmlFor={`${id}-in-app`}>In the app</Label>
                <p id={`${id}-in-app-hint`} className="text-sm text-muted-foreground">
                  A pop-up while the app is open, and an entry under the bell.
                </p>
              </div>
              <Switch
                id={`${id}-in-app`}
                aria-describedby={`${id}-in-app-hint`}
                checked={prefs.data.inAppLeadAlerts}
                onCheckedChange={(inAppLeadAlerts) => update.mutate({ inAppLeadAlerts })}
              />
            </div>
            <div className="flex items-start justify-between gap-4">
              <div className="grid gap-1">
                <Label htmlFor={`${id}-email`}>By email</Label>
                <p id={`${id}-email-hint`} className="text-sm text-muted-foreground">
                  One email per lead, with their comment and a link to it.
                </p>
              </div>
              <Switch
                id={`${id}-email`}
                aria-describedby={`${id}-email-hint`}
                checked={prefs.data.emailLeadAlerts}
                onCheckedChange={(emailLeadAlerts) => update.mutate({ emailLeadAlerts })}
              />
            </div>
            <div className="grid gap-2">
              <Label htmlFor={`${id}-priority`}>Alert me about</Label>
              <Select
                value={prefs.data.minPriority}
                onValueChange={(v) =>
                  update.mutate({ minPriority: v as Preferences["minPriority"] })
                }
              >
                <SelectTrigger id={`${id}-priority`} className="w-full sm:w-64">
                  {/* Explicit text: Radix only fills the value in after the list first opens. */}
                  <SelectValue>
                    {PRIORITY_OPTIONS.find((o) => o.value === prefs.data.minPriority)?.label}
                  </SelectValue>
                </SelectTrigger>
                <SelectContent>
                  {PRIORITY_OPTIONS.map((o) => (
                    <SelectItem key={o.value} value={o.value}>
                      {o.label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              <p className="text-sm text-muted-foreground">
                Your organization's lead settings decide which leads raise an alert at all; this
                narrows what reaches you.
              </p>
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
