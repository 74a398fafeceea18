"use client";

import { ArrowRight, Sparkles } from "lucide-react";
import Link from "next/link";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { toast } from "sonner";
import { PendingButton } from "@/components/pending-button";
import { errorMessage, fieldError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
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
import { Separator } from "@/components/ui/separator";
import { cn } from "@/lib/utils";
import { CTA_STYLES, TONES, type Tone, type VoiceProfile } from "@/server/content/types";
import { api } from "@/trpc/react";
import { TagInput } from "./tag-input";
import { CTA_OPTIONS, TONE_OPTIONS } from "./voice-options";

const EMPTY: VoiceProfile = {
  role: "",
  yearsExperience: null,
  expertise: [],
  audience: "",
  offers: [],
  tone: "direct",
  ctaStyle: "consultation",
  languages: ["en"],
  wordsToAvoid: [],
};

/** Fields in page order: after a failed save, focus goes to the first one with an error. */
const FIELDS = [
  "role",
  "yearsExperience",
  "expertise",
  "audience",
  "offers",
  "tone",
  "ctaStyle",
  "languages",
  "wordsToAvoid",
] as const;
type Field = (typeof FIELDS)[number];

/** "DE_de" → "de-DE": the shape the server accepts for language codes. */
function normalizeLanguage(code: string): string {
  const [language = "", region] = code.split(/[-_]/);
  return region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
}

function parseYears(value: string): number | null | "invalid" {
  if (!value.trim()) return null;
  const years = Number(value);
  return Number.isInteger(years) && years >= 0 && years <= 60 ? years : "invalid";
}

export function VoiceProfileForm({ initial }: { initial: VoiceProfile | null }) {
  const id = useId();
  const utils = api.useUtils();
  const [saved, setSaved] = useState(initial);
  const [profile, setProfile] = useState<VoiceProfile>(initial ?? EMPTY);
  const [years, setYears] = useState(initial?.yearsExperience?.toString() ?? "");
  const [yearsError, setYearsError] = useState<string | null>(null);
  const [firstSave, setFirstSave] = useState(false);

  const save = api.content.saveVoiceProfile.useMutation({
    onSuccess: (_data, input) => {
      if (!saved) setFirstSave(true);
      setSaved(input);
      toast.success(
        saved ? "Voice profile saved" : "Voice profile saved. Drafts will sound like you.",
      );
      void utils.content.voiceProfile.invalidate();
    },
    onError: (error) => {
      const first = FIELDS.find((field) => fieldError(error, field));
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      else toast.error(errorMessage(error));
    },
  });

  const set = <K extends keyof VoiceProfile>(key: K, value: VoiceProfile[K]) =>
    setProfile((current) => ({ ...current, [key]: value }));
  const errorOf = (field: Field) =>
    field === "yearsExperience"
      ? (yearsError ?? fieldError(save.error, field))
      : fieldError(save.error, field);
  const parsedYears = parseYears(years);
  const candidate = {
    ...profile,
    role: profile.role.trim(),
    audience: profile.audience.trim(),
    yearsExperience: parsedYears === "invalid" ? null : parsedYears,
  };
  const dirty = !saved || JSON.stringify(candidate) !== JSON.stringify(saved);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (parsedYears === "invalid") {
      setYearsError("Enter whole years between 0 and 60, or leave it empty.");
      document.getElementById(`${id}-yearsExperience`)?.focus();
      return;
    }
    setYearsError(null);
    save.mutate(candidate);
  }

  /** Label, control and a hint that turns into the error message when there is one. */
  const field = (
    name: Field,
    label: string,
    hint: string,
    control: (props: { id: string; describedBy: string; invalid: boolean }) => ReactNode,
  ) => {
    const error = errorOf(name);
    return (
      <div className="space-y-2">
        <Label htmlFor={`${id}-${name}`}>{label}</Label>
        {control({ id: `${id}-${name}`, describedBy: `${id}-${name}-hint`, invalid: !!error })}
        <p
          id={`${id}-${name}-hint`}
          className={cn("text-sm", error ? "text-destructive" : "text-muted-foreground")}
        >
          {error ?? hint}
        </p>
      </div>
    );
  };

  return (
    <Card>
      <form onSubmit={submit} noValidate className="contents">
        <CardHeader>
          <CardTitle>
            <h2>Voice profile</h2>
          </CardTitle>
          <CardDescription>
            Every draft is written from this: your expertise, who you write for and how you sound.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          <section aria-labelledby={`${id}-about`} className="grid gap-6 sm:grid-cols-2">
            <h3 id={`${id}-about`} className="text-sm font-semibold sm:col-span-2">
              About you
            </h3>
            {field("role", "Your role", "Shown in stories: “As a fractional CTO, …”.", (p) => (
              <Input
                id={p.id}
                value={profile.role}
                onChange={(event) => set("role", event.target.value)}
                placeholder="e.g. Fractional CTO"
                autoComplete="organization-title"
                maxLength={80}
                aria-describedby={p.describedBy}
                aria-invalid={p.invalid || undefined}
              />
            ))}
            {field("yearsExperience", "Years of experience", "Optional. Hooks use it.", (p) => (
              <Input
                id={p.id}
                type="number"
                inputMode="numeric"
                min={0}
                max={60}
                step={1}
                value={years}
                onChange={(event) => {
                  setYears(event.target.value);
                  setYearsError(null);
                }}
                placeholder="e.g. 15"
                className="sm:max-w-32"
                aria-describedby={p.describedBy}
                aria-invalid={p.invalid || undefined}
              />
            ))}
            <div className="sm:col-span-2">
              {field(
                "expertise",
                "Expertise areas",
                "Press Enter or a comma after each, up to 10. E.g. Kubernetes, hiring, cloud costs.",
                (p) => (
                  <TagInput
                    id={p.id}
                    values={profile.expertise}
                    onChange={(values) => set("expertise", values)}
                    max={10}
                    placeholder={
                      profile.expertise.length ? "Add another" : "e.g. Platform engineering"
                    }
                    describedBy={p.describedBy}
                    invalid={p.invalid}
                  />
                ),
              )}
            </div>
            <div className="sm:col-span-2">
              {field(
                "audience",
                "Audience",
                "Who should read your posts and think “I need this person”.",
                (p) => (
                  <Input
                    id={p.id}
                    value={profile.audience}
                    onChange={(event) => set("audience", event.target.value)}
                    placeholder="e.g. Seed to Series B founders without a CTO"
                    maxLength={200}
                    aria-describedby={p.describedBy}
                    aria-invalid={p.invalid || undefined}
                  />
                ),
              )}
            </div>
            <div className="sm:col-span-2">
              {field(
                "offers",
                "Offers",
                "What people can hire you for, up to 8. Calls to action mention them.",
                (p) => (
                  <TagInput
                    id={p.id}
                    values={profile.offers}
                    onChange={(values) => set("offers", values)}
                    max={8}
                    placeholder={profile.offers.length ? "Add another" : "e.g. Architecture review"}
                    describedBy={p.describedBy}
                    invalid={p.invalid}
                  />
                ),
              )}
            </div>
          </section>

          <Separator />

          <section aria-labelledby={`${id}-style`} className="grid gap-6 sm:grid-cols-2">
            <h3 id={`${id}-style`} className="text-sm font-semibold sm:col-span-2">
              How you write
            </h3>
            {field("tone", "Tone", TONE_OPTIONS[profile.tone].description, (p) => (
              <Select value={profile.tone} onValueChange={(tone) => set("tone", tone as Tone)}>
                <SelectTrigger
                  id={p.id}
                  className="w-full"
                  aria-describedby={p.describedBy}
                  aria-invalid={p.invalid || undefined}
                >
                  <SelectValue>{TONE_OPTIONS[profile.tone].label}</SelectValue>
                </SelectTrigger>
                <SelectContent>
                  {TONES.map((tone) => (
                    <SelectItem key={tone} value={tone}>
                      <span className="flex flex-col items-start">
                        <span>{TONE_OPTIONS[tone].label}</span>
                        <span className="text-xs text-muted-foreground">
                          {TONE_OPTIONS[tone].description}
                        </span>
                      </span>
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            ))}
            {field(
              "languages",
              "Languages",
              "Language codes; drafts are written in the first. E.g. en, de-DE.",
              (p) => (
                <TagInput
                  id={p.id}
                  values={profile.languages}
                  onChange={(values) => set("languages", values)}
                  max={5}
                  normalize={normalizeLanguage}
                  placeholder={profile.languages.length ? "Add" : "e.g. en"}
                  describedBy={p.describedBy}
                  invalid={p.invalid}
                />
              ),
            )}
            <fieldset
              className="space-y-2 sm:col-span-2"
              aria-describedby={errorOf("ctaStyle") ? `${id}-ctaStyle-hint` : undefined}
            >
              <legend className="mb-2 text-sm leading-none font-medium">Call to action</legend>
              <div className="grid gap-3 sm:grid-cols-2">
                {CTA_STYLES.map((style, index) => (
                  <label
                    key={style}
                    className="flex cursor-pointer gap-3 rounded-lg border p-3 transition-colors hover:bg-accent/50 has-checked:border-primary has-checked:bg-primary/5 has-focus-visible:ring-[3px] has-focus-visible:ring-ring/50"
                  >
                    <input
                      type="radio"
                      name={`${id}-cta`}
                      id={index === 0 ? `${id}-ctaStyle` : undefined}
                      value={style}
                      checked={profile.ctaStyle === style}
                      onChange={() => set("ctaStyle", style)}
                      className="mt-0.5 size-4 shrink-0 accent-primary"
                    />
                    <span className="space-y-1">
                      <span className="block text-sm font-medium">{CTA_OPTIONS[style].label}</span>
                      <span className="block text-sm text-muted-foreground">
                        {CTA_OPTIONS[style].description}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
              {errorOf("ctaStyle") && (
                <p id={`${id}-ctaStyle-hint`} className="text-sm text-destructive">
                  {errorOf("ctaStyle")}
                </p>
              )}
            </fieldset>
            <div className="sm:col-span-2">
              {field(
                "wordsToAvoid",
                "Words to avoid",
                "Drafts never use these, up to 30. E.g. synergy, rockstar, disrupt.",
                (p) => (
                  <TagInput
                    id={p.id}
                    values={profile.wordsToAvoid}
                    onChange={(values) => set("wordsToAvoid", values)}
                    max={30}
                    placeholder={profile.wordsToAvoid.length ? "Add another" : "e.g. synergy"}
                    describedBy={p.describedBy}
                    invalid={p.invalid}
                  />
                ),
              )}
            </div>
          </section>
        </CardContent>
        <CardFooter className="flex-col-reverse items-stretch gap-3 border-t sm:flex-row sm:items-center sm:justify-between">
          {firstSave ? (
            <p className="flex items-center gap-2 text-sm">
              <Sparkles className="size-4 shrink-0 text-primary" aria-hidden="true" />
              <span>Your voice is set.</span>
              <Button variant="link" className="h-auto p-0" asChild>
                <Link href="/posts/new">
                  Generate your first posts
                  <ArrowRight aria-hidden="true" />
                </Link>
              </Button>
            </p>
          ) : (
            <span />
          )}
          <PendingButton type="submit" pending={save.isPending} disabled={!dirty}>
            Save voice profile
          </PendingButton>
        </CardFooter>
      </form>
    </Card>
  );
}
