"use client";

import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { PendingButton } from "@/components/pending-button";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import type { LeadRowPriority } from "@/server/db/schema/leads";
import type { LeadIntent } from "@/server/leads/types";
import { api, type RouterOutputs } from "@/trpc/react";
import {
  INTENT_NAMES,
  INTENTS,
  PRIORITIES,
  PRIORITY_HINTS,
  PRIORITY_LABELS,
  STAGE_NAMES,
} from "./labels";

type Settings = RouterOutputs["lead"]["settings"];
type Stage = keyof Settings["values"]["stageMultipliers"];
const STAGES = Object.keys(STAGE_NAMES) as Stage[];

interface Draft {
  alertPriority: LeadRowPriority;
  intentsOfInterest: LeadIntent[];
  ignoreNames: string;
  ignoreCompanies: string;
  ignoreKeywords: string;
  currency: string;
  byIntent: Record<LeadIntent, string>;
  stageMultipliers: Record<Stage, string>;
}

function draftFrom(s: Settings): Draft {
  return {
    alertPriority: s.alertPriority,
    intentsOfInterest: s.intentsOfInterest,
    ignoreNames: s.ignoreNames.join("\n"),
    ignoreCompanies: s.ignoreCompanies.join("\n"),
    ignoreKeywords: s.ignoreKeywords.join("\n"),
    currency: s.values.currency,
    byIntent: Object.fromEntries(INTENTS.map((i) => [i, String(s.values.byIntent[i])])) as Record<
      LeadIntent,
      string
    >,
    stageMultipliers: Object.fromEntries(
      STAGES.map((st) => [st, String(s.values.stageMultipliers[st])]),
    ) as Record<Stage, string>,
  };
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

const amount = (text: string) => Number(text.replace(/[\s,]/g, ""));

function problems(d: Draft) {
  const found: Partial<Record<"currency" | "values" | "multipliers", string>> = {};
  if (!/^[A-Za-z]{3}$/.test(d.currency.trim())) {
    found.currency = "Use a three-letter currency code such as EUR or USD.";
  }
  if (INTENTS.some((i) => !Number.isInteger(amount(d.byIntent[i])) || amount(d.byIntent[i]) < 0)) {
    found.values = "Every value needs a whole amount, 0 or more.";
  }
  if (
    STAGES.some((s) => !(Number(d.stageMultipliers[s]) >= 0 && Number(d.stageMultipliers[s]) <= 10))
  ) {
    found.multipliers = "Multipliers go from 0 to 10 (1 means the base value).";
  }
  return found;
}

export function LeadSettingsForm({ canEdit }: { canEdit: boolean }) {
  const query = api.lead.settings.useQuery();
  if (query.isPending) return <Skeleton className="h-96 rounded-xl" />;
  if (query.isError) {
    return (
      <QueryError
        title="Couldn't load your lead settings"
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <SettingsForm settings={query.data} canEdit={canEdit} />;
}

function SettingsForm({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const id = useId();
  const utils = api.useUtils();
  const [draft, setDraft] = useState(() => draftFrom(settings));
  const [submitted, setSubmitted] = useState(false);
  const save = api.lead.updateSettings.useMutation({
    onSuccess: (saved) => {
      utils.lead.settings.setData(undefined, saved);
      setDraft(draftFrom(saved));
      setSubmitted(false);
      void utils.lead.invalidate();
      toast.success("Lead settings saved", {
        description: "Values are re-estimated; the rest applies to new comments.",
      });
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const problem = problems(draft);
  const shown = submitted ? problem : {};
  const disabled = !canEdit || save.isPending;
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problem).length > 0) return;
    save.mutate({
      alertPriority: draft.alertPriority,
      intentsOfInterest: draft.intentsOfInterest,
      ignoreNames: lines(draft.ignoreNames),
      ignoreCompanies: lines(draft.ignoreCompanies),
      ignoreKeywords: lines(draft.ignoreKeywords),
      values: {
        currency: draft.currency.trim().toUpperCase(),
        byIntent: Object.fromEntries(
          INTENTS.map((i) => [i, amount(draft.byIntent[i])]),
        ) as Settings["values"]["byIntent"],
        stageMultipliers: Object.fromEntries(
          STAGES.map((s) => [s, Number(draft.stageMultipliers[s])]),
        ) as Settings["values"]["stageMultipliers"],
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Alerts</h2>
          </CardTitle>
          <CardDescription>
            {canEdit
              ? "Which leads are worth interrupting you for. Everyone still lands in the inbox."
              : "Only owners and admins can change lead settings."}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          <div className="space-y-2">
            <Label htmlFor={`${id}-priority`}>Alert from priority</Label>
            <Select
              value={draft.alertPriority}
              disabled={disabled}
              onValueChange={(v) => update({ alertPriority: v as LeadRowPriority })}
            >
              <SelectTrigger id={`${id}-priority`} className="w-full sm:max-w-xs">
                <SelectValue>{PRIORITY_LABELS[draft.alertPriority]} and above</SelectValue>
              </SelectTrigger>
              <SelectContent>
                {PRIORITIES.map((p) => (
                  <SelectItem key={p} value={p}>
                    {PRIORITY_LABELS[p]}
                    {p !== "critical" && " and above"} — {PRIORITY_HINTS[p].toLowerCase()}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <fieldset className="space-y-2" disabled={disabled}>
            <legend className="text-sm font-medium">Topics you sell</legend>
            <p className="text-sm text-muted-foreground">
              Leads about other topics are kept, but don&apos;t raise an alert.
            </p>
            <div className="grid gap-2 pt-1 sm:grid-cols-2">
              {INTENTS.map((intent) => (
                <label key={intent} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 accent-primary"
                    checked={draft.intentsOfInterest.includes(intent)}
                    onChange={(e) =>
                      update({
                        intentsOfInterest: e.target.checked
                          ? [...draft.intentsOfInterest, intent]
                          : draft.intentsOfInterest.filter((i) => i !== intent),
                      })
                    }
                  />
                  {INTENT_NAMES[intent]}
                </label>
              ))}
            </div>
          </fieldset>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Ignore list</h2>
          </CardTitle>
          <CardDescription>
            Comments from these people or companies, or with these words, never become leads
            (competitors, friends, your own team). One per line; case and accents don&apos;t matter.
            Applies to comments from now on.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-3">
          {(
            [
              ["ignoreNames", "Names", "Jane Doe"],
              ["ignoreCompanies", "Companies", "Acme Recruiting"],
              ["ignoreKeywords", "Words in the comment", "giveaway"],
            ] as const
          ).map(([key, label, example]) => (
            <div key={key} className="space-y-2">
              <Label htmlFor={`${id}-${key}`}>{label}</Label>
              <Textarea
                id={`${id}-${key}`}
                value={draft[key]}
                disabled={disabled}
                rows={4}
                placeholder={example}
                onChange={(e) => update({ [key]: e.target.value })}
              />
            </div>
          ))}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Lead values</h2>
          </CardTitle>
          <CardDescription>
            A lead&apos;s estimated value is the value of its topic times its company&apos;s stage
            multiplier. Saving re-estimates every lead.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          <div className="space-y-2">
            <Label htmlFor={`${id}-currency`}>Currency</Label>
            <Input
              id={`${id}-currency`}
              value={draft.currency}
              maxLength={3}
              disabled={disabled}
              className="w-24 uppercase"
              onChange={(e) => update({ currency: e.target.value })}
              aria-invalid={shown.currency ? true : undefined}
              aria-describedby={shown.currency ? `${id}-currency-error` : undefined}
            />
            {shown.currency && (
              <p id={`${id}-currency-error`} className="text-sm text-destructive">
                {shown.currency}
              </p>
            )}
          </div>
          <fieldset className="space-y-2" disabled={disabled}>
            <legend className="text-sm font-medium">Value by topic</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {INTENTS.map((intent) => (
                <div key={intent} className="flex items-center justify-between gap-3">
                  <Label htmlFor={`${id}-v-${intent}`} className="font-normal">
                    {INTENT_NAMES[intent]}
                  </Label>
                  <Input
                    id={`${id}-v-${intent}`}
                    inputMode="numeric"
                    className="w-32 text-right tabular-nums"
                    value={draft.byIntent[intent]}
                    onChange={(e) =>
                      update({ byIntent: { ...draft.byIntent, [intent]: e.target.value } })
                    }
                  />
                </div>
              ))}
            </div>
            {shown.values && <p className="text-sm text-destructive">{shown.values}</p>}
          </fieldset>
          <fieldset className="space-y-2" disabled={disabled}>
            <legend className="text-sm font-medium">Company stage multipliers</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {STAGES.map((stage) => (
                <div key={stage} className="flex items-center justify-between gap-3">
                  <Label htmlFor={`${id}-m-${stage}`} className="font-normal">
                    {STAGE_NAMES[stage]}
                  </Label>
                  <Input
                    id={`${id}-m-${stage}`}
                    inputMode="decimal"
                    className="w-20 text-right tabular-nums"
                    value={draft.stageMultipliers[stage]}
                    onChange={(e) =>
                      update({
                        stageMultipliers: { ...draft.stageMultipliers, [stage]: e.target.value },
                      })
                    }
                  />
                </div>
              ))}
            </div>
            {shown.multipliers && <p className="text-sm text-destructive">{shown.multipliers}</p>}
          </fieldset>
        </CardContent>
        {canEdit && (
          <CardFooter className="justify-end border-t">
            <PendingButton type="submit" pending={save.isPending}>
              Save lead settings
            </PendingButton>
          </CardFooter>
        )}
      </Card>
    </form>
  );
}
