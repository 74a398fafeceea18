"use client";

import { AlertCircle, Sparkles } from "lucide-react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { PendingButton } from "@/components/pending-button";
import { errorMessage, fieldError } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { type FrameworkId, MEDIA_TYPES, type MediaType } from "@/server/content/types";
import { api } from "@/trpc/react";
import { formatCount } from "./engagement";
import { FrameworkPicker } from "./framework-picker";
import { GeneratedDrafts, GeneratingDrafts } from "./generated-drafts";
import { MEDIA_TYPE_LABELS } from "./media-types";

const TOPIC_MAX = 500;
const MAX_FRAMEWORKS = 5;

export function GenerateForm({
  author,
  headline,
}: {
  author: { name: string | null; email: string };
  headline: string;
}) {
  const id = useId();
  const utils = api.useUtils();
  const [topic, setTopic] = useState("");
  const [frameworks, setFrameworks] = useState<FrameworkId[]>([]);
  const [mediaType, setMediaType] = useState<MediaType>("text");
  const generate = api.content.generate.useMutation({
    onSuccess: () => void utils.post.list.invalidate(),
  });
  const topicError = fieldError(generate.error, "topic");
  // After the form is enabled again: a disabled field can't take focus.
  useEffect(() => {
    if (topicError) document.getElementById(`${id}-topic`)?.focus();
  }, [topicError, id]);
  const frameworksError = fieldError(generate.error, "frameworks");
  const otherError =
    generate.error && !topicError && !frameworksError ? errorMessage(generate.error) : null;
  const count = frameworks.length;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    generate.mutate({ topic: topic.trim(), frameworks, mediaType });
  }

  return (
    <div className="space-y-8">
      <Card>
        <form onSubmit={submit} noValidate className="contents">
          <fieldset disabled={generate.isPending} className="contents">
            <CardContent className="space-y-6">
              <div className="space-y-2">
                <Label htmlFor={`${id}-topic`}>Topic</Label>
                <Textarea
                  id={`${id}-topic`}
                  value={topic}
                  onChange={(event) => setTopic(event.target.value)}
                  maxLength={TOPIC_MAX}
                  rows={3}
                  placeholder="e.g. Why we moved our monolith to modules instead of microservices"
                  aria-describedby={`${id}-topic-hint ${id}-topic-count`}
                  aria-invalid={topicError ? true : undefined}
                />
                <div className="flex justify-between gap-4 text-sm">
                  <p
                    id={`${id}-topic-hint`}
                    className={topicError ? "text-destructive" : "text-muted-foreground"}
                  >
                    {topicError ??
                      "A project, a lesson or an opinion, in a sentence. The drafts add the detail."}
                  </p>
                  <p
                    id={`${id}-topic-count`}
                    className="shrink-0 text-muted-foreground tabular-nums"
                  >
                    {formatCount(topic.length)} / {formatCount(TOPIC_MAX)}
                  </p>
                </div>
              </div>

              <FrameworkPicker
                selected={frameworks}
                onChange={setFrameworks}
                max={MAX_FRAMEWORKS}
                error={frameworksError}
                hintId={`${id}-frameworks-hint`}
              />

              <div className="space-y-2">
                <Label htmlFor={`${id}-media`}>Media type</Label>
                <Select
                  value={mediaType}
                  onValueChange={(value) => setMediaType(value as MediaType)}
                >
                  <SelectTrigger
                    id={`${id}-media`}
                    className="w-full sm:max-w-xs"
                    aria-describedby={`${id}-media-hint`}
                  >
                    {/* Explicit text: Radix only fills the value in after the list first opens. */}
                    <SelectValue>{MEDIA_TYPE_LABELS[mediaType]}</SelectValue>
                  </SelectTrigger>
                  <SelectContent>
                    {MEDIA_TYPES.map((type) => (
                      <SelectItem key={type} value={type}>
                        {MEDIA_TYPE_LABELS[type]}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
                <p id={`${id}-media-hint`} className="text-sm text-muted-foreground">
                  What you&apos;ll attach when you publish. It changes the engagement prediction,
                  not the text.
                </p>
              </div>

              {otherError && (
                <Alert variant="destructive">
                  <AlertCircle aria-hidden="true" />
                  <AlertTitle>Couldn&apos;t generate drafts</AlertTitle>
                  <AlertDescription>
                    <p>{otherError}</p>
                  </AlertDescription>
                </Alert>
              )}
            </CardContent>
            <CardFooter className="justify-end border-t">
              <PendingButton
                type="submit"
                pending={generate.isPending}
                icon={<Sparkles aria-hidden="true" />}
                className="w-full sm:w-auto"
              >
                {count === 0
                  ? "Generate drafts"
                  : `Generate ${count} ${count === 1 ? "draft" : "drafts"}`}
              </PendingButton>
            </CardFooter>
          </fieldset>
        </form>
      </Card>

      {generate.isPending ? (
        <GeneratingDrafts count={generate.variables.frameworks.length} />
      ) : (
        generate.data && (
          <GeneratedDrafts
            key={generate.data.posts[0]?.id}
            result={generate.data}
            author={author}
            headline={headline}
          />
        )
      )}
    </div>
  );
}
