"use client";

import { encodeBase64 } from "@oslojs/encoding";
import {
  AlertCircle,
  CheckCircle2,
  ExternalLink,
  ImagePlus,
  Loader2,
  RotateCw,
  Send,
  Settings,
  X,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  type ChangeEvent,
  type FormEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { toast } from "sonner";
import { fileSize, formatDateTime } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import type { PostStatus } from "@/server/content/workflow";
import { api } from "@/trpc/react";
import { AccountSelect, usePublishingAccounts } from "./account-select";
import { LinkedInCheck } from "./linkedin-check";
import { LinkedInIcon } from "./linkedin-icon";
import { connectHref, linkedinPostHref, needsReconnect } from "./links";

export interface PublishNowPost {
  id: string;
  status: PostStatus;
  linkedinPostUrl: string | null;
  linkedinPostUrn: string | null;
  publishedAt: Date | null;
  failureReason: string | null;
  /** The account it last went out on (or was meant to): preselected when it can still publish. */
  linkedinAccountId: string | null;
  /** We couldn't confirm whether it reached LinkedIn: a person checks (see LinkedInCheck). */
  needsLinkedInCheck?: boolean;
}

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif"];
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const MAX_ALT_TEXT = 300;

/** The same rules the server applies, checked before uploading 8 MB for nothing. */
function imageProblem(file: File): string | null {
  if (!IMAGE_TYPES.includes(file.type)) {
    return "LinkedIn accepts JPG, PNG and GIF images only. Save it as JPG or PNG, then choose it again.";
  }
  if (file.size > MAX_IMAGE_BYTES) {
    return `This image is ${fileSize(file.size)}; the limit is 8 MB. Use a smaller image.`;
  }
  return null;
}

function PanelCard({ children, description }: { children: ReactNode; description?: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="flex items-center gap-2">
            <LinkedInIcon className="text-[#0a66c2] dark:text-[#71b7fb]" />
            Publish to LinkedIn
          </h2>
        </CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="space-y-4">{children}</CardContent>
    </Card>
  );
}

function Published({
  post,
  timeZone,
  focus,
}: {
  post: PublishNowPost;
  timeZone: string | undefined;
  focus: boolean;
}) {
  const id = useId();
  const href = linkedinPostHref(post);
  // Publishing replaces the button that had focus, so focus moves to the outcome.
  const focusOnMount = useCallback((element: HTMLElement | null) => element?.focus(), []);
  return (
    <Card>
      <CardContent className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 gap-3">
          <div className="grid size-10 shrink-0 place-items-center rounded-full bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300">
            <CheckCircle2 className="size-5" aria-hidden="true" />
          </div>
          <div className="min-w-0 space-y-0.5">
            <h2
              ref={focus ? focusOnMount : undefined}
              tabIndex={-1}
              className="font-semibold outline-none"
            >
              Published on LinkedIn
            </h2>
            {post.publishedAt && timeZone && (
              <p className="text-sm text-muted-foreground">
                <time dateTime={post.publishedAt.toISOString()}>
                  {formatDateTime(post.publishedAt, timeZone)}
                </time>
              </p>
            )}
          </div>
        </div>
        {href && (
          <span id={`${id}-new-tab`} className="sr-only">
            Opens in a new tab
          </span>
        )}
        {href && (
          <Button asChild variant="outline" className="shrink-0">
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              aria-describedby={`${id}-new-tab`}
            >
              View on LinkedIn
              <ExternalLink aria-hidden="true" />
            </a>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * "Publish now" for one post: choose the LinkedIn account and an optional image, publish, and
 * see the outcome. Shown for approved and failed posts (failed ones say why and offer Retry), and
 * as a link to the live post once published; nothing for drafts, posts in review or scheduled.
 */
export function PublishNowPanel({
  post,
  timeZone: timeZoneProp,
}: {
  post: PublishNowPost;
  /** The viewer's profile time zone for the published time; read from the session if omitted. */
  timeZone?: string;
}) {
  const id = useId();
  const pathname = usePathname();
  const utils = api.useUtils();
  const fileInput = useRef<HTMLInputElement>(null);
  const me = api.auth.me.useQuery(undefined, { enabled: !timeZoneProp });
  const timeZone = timeZoneProp ?? me.data?.user.timeZone;

  const active = post.status === "approved" || post.status === "failed";
  const { accounts, publishable, selected, select } = usePublishingAccounts({
    enabled: active,
    preferredId: post.linkedinAccountId,
  });
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [altText, setAltText] = useState("");
  const [reading, setReading] = useState(false);
  const [justPublished, setJustPublished] = useState(false);

  // What the last attempt returned, until the post passed in changes (it is then at least as new).
  const [result, setResult] = useState<PublishNowPost | null>(null);
  const propKey = [
    post.id,
    post.status,
    post.failureReason,
    post.publishedAt?.getTime(),
    post.linkedinPostUrn,
  ].join("|");
  const [seenKey, setSeenKey] = useState(propKey);
  if (seenKey !== propKey) {
    setSeenKey(propKey);
    setResult(null);
  }
  const current = result ?? post;

  useEffect(() => {
    if (!file) {
      setPreviewUrl(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreviewUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const publish = api.linkedin.publishNow.useMutation({
    onSuccess: (data) => {
      setResult(data);
      if (data.status === "published") setJustPublished(true);
      void utils.post.get.invalidate({ postId: data.id });
      void utils.post.list.invalidate();
      // A refused token marks the account for reconnecting; the banner and picker should know.
      if (data.status === "failed") void utils.linkedin.accounts.invalidate();
    },
    onError: (error) => {
      const message = errorMessage(error);
      toast.error(
        message,
        needsReconnect(message)
          ? {
              action: (
                <Button asChild size="sm" variant="outline" className="ml-auto shrink-0">
                  <a href={connectHref(pathname)}>Reconnect LinkedIn</a>
                </Button>
              ),
            }
          : undefined,
      );
      void utils.linkedin.accounts.invalidate();
      void utils.post.get.invalidate({ postId: post.id });
    },
  });
  const pending = reading || publish.isPending;

  if (current.status === "published") {
    return <Published post={current} timeZone={timeZone} focus={justPublished} />;
  }

  if (current.status === "publishing" && current.needsLinkedInCheck) {
    return (
      <PanelCard description="Publishing was interrupted, and we can't tell whether LinkedIn received the post.">
        <LinkedInCheck postId={post.id} retryOn={current.linkedinAccountId} />
      </PanelCard>
    );
  }

  if (current.status === "publishing") {
    return (
      <PanelCard>
        <div role="status" className="flex items-start gap-3 text-sm">
          <Loader2 className="mt-0.5 size-4 shrink-0 animate-spin" aria-hidden="true" />
          <div className="space-y-2">
            <p>
              LinkedIn is publishing this post. It usually takes a few seconds; check again in a
              moment.
            </p>
            <Button
              variant="outline"
              size="sm"
              onClick={() => {
                void utils.post.get.invalidate({ postId: post.id });
                void utils.post.list.invalidate();
              }}
            >
              <RotateCw aria-hidden="true" />
              Check again
            </Button>
          </div>
        </div>
      </PanelCard>
    );
  }

  if (current.status !== "approved" && current.status !== "failed") return null;
  const failed = current.status === "failed";

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    if (!chosen) return;
    const problem = imageProblem(chosen);
    if (problem) {
      setFileError(problem);
      setFile(null);
      event.target.value = "";
      return;
    }
    setFileError(null);
    setFile(chosen);
  }

  function removeFile() {
    setFile(null);
    setFileError(null);
    setAltText("");
    if (fileInput.current) {
      fileInput.current.value = "";
      fileInput.current.focus();
    }
  }

  const checkFirst = failed && current.needsLinkedInCheck;
  const failure = failed && (
    <>
      <Alert variant="destructive">
        <AlertCircle aria-hidden="true" />
        <AlertTitle>
          {checkFirst
            ? "We couldn't confirm whether this post is on LinkedIn"
            : "LinkedIn didn't publish this post"}
        </AlertTitle>
        <AlertDescription>
          <p>
            {current.failureReason ??
              "Publishing failed for a reason we didn't recognise. Your post is safe: try again."}
          </p>
        </AlertDescription>
      </Alert>
      {/* Retry on the form below is the "not on LinkedIn" answer. */}
      {checkFirst && <LinkedInCheck postId={post.id} />}
    </>
  );

  let body: ReactNode;
  if (accounts.isPending) {
    body = (
      <div
        className="space-y-4"
        role="status"
        aria-busy="true"
        aria-label="Loading LinkedIn accounts"
      >
        <div className="space-y-2">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-9 w-full sm:max-w-sm" />
        </div>
        <div className="space-y-2">
          <Skeleton className="h-4 w-28" />
          <Skeleton className="h-9 w-full sm:max-w-sm" />
        </div>
        <Skeleton className="h-9 w-32" />
      </div>
    );
  } else if (accounts.isError) {
    body = (
      <QueryError
        title="Couldn't load your LinkedIn accounts"
        message={errorMessage(accounts.error)}
        onRetry={() => void accounts.refetch()}
      />
    );
  } else if (!accounts.data.configured) {
    body = (
      <Alert role="note">
        <AlertCircle aria-hidden="true" />
        <AlertTitle>LinkedIn isn&apos;t set up on this server</AlertTitle>
        <AlertDescription>
          <p>Posts can&apos;t be published until whoever runs this installation configures it.</p>
        </AlertDescription>
      </Alert>
    );
  } else if (!selected) {
    // Teammates' connections don't count: only they (or an owner or admin) publish on them.
    const none = !accounts.data.accounts.some((a) => a.usable);
    const accountProblem = accounts.data.accounts.find((a) => a.health.message)?.health.message;
    body = (
      <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed p-4 text-sm">
        <div className="space-y-1">
          <p className="font-medium">
            {none
              ? `Connect a LinkedIn account to ${failed ? "publish" : "schedule or publish"}`
              : "No connected LinkedIn account can publish right now"}
          </p>
          <p className="text-muted-foreground text-pretty">
            {none
              ? "Connect the profile this post should go out on, then come back here."
              : accountProblem && accountProblem !== current.failureReason
                ? accountProblem
                : "Reconnect it in Settings → LinkedIn, then come back here."}
          </p>
        </div>
        <Button asChild size="sm" variant="outline">
          <Link href="/settings/linkedin">
            <Settings aria-hidden="true" />
            {none ? "Connect LinkedIn in Settings" : "Open LinkedIn settings"}
          </Link>
        </Button>
      </div>
    );
  } else {
    const submit = async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (pending) return;
      let image: { dataBase64: string; contentType: string; altText?: string } | undefined;
      if (file) {
        setReading(true);
        try {
          image = {
            dataBase64: encodeBase64(new Uint8Array(await file.arrayBuffer())),
            contentType: file.type,
            altText: altText.trim() || undefined,
          };
        } catch {
          setFileError("That image couldn't be read. Choose it again, or pick another one.");
          return;
        } finally {
          setReading(false);
        }
      }
      publish.mutate({ postId: post.id, accountId: selected.id, image });
    };

    body = (
      <form onSubmit={submit} noValidate className="space-y-5">
        <AccountSelect
          id={`${id}-account`}
          accounts={publishable}
          selected={selected}
          onSelect={select}
          disabled={pending}
          hint="The post goes out on this profile right away."
        />

        <div className="space-y-2">
          <Label htmlFor={`${id}-image`}>
            Image <span className="font-normal text-muted-foreground">(optional)</span>
          </Label>
          <Input
            ref={fileInput}
            id={`${id}-image`}
            type="file"
            accept="image/png,image/jpeg,image/gif"
            disabled={pending}
            onChange={chooseFile}
            className="cursor-pointer sm:max-w-sm"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${id}-image-hint`}
          />
          <p
            id={`${id}-image-hint`}
            className={fileError ? "text-sm text-destructive" : "text-sm text-muted-foreground"}
          >
            {fileError ?? (
              <>
                <ImagePlus className="mr-1 inline size-3.5 align-[-2px]" aria-hidden="true" />
                JPG, PNG or GIF, up to 8 MB.
              </>
            )}
          </p>
          {file && previewUrl ? (
            <div className="flex items-center gap-3 rounded-lg border p-2 sm:max-w-sm">
              {/* biome-ignore lint/performance/noImgElement: a local blob preview, nothing to optimise. */}
              <img
                src={previewUrl}
                alt={`Preview: ${file.name}`}
                className="size-16 shrink-0 rounded-md border bg-muted object-cover"
              />
              <div className="min-w-0 flex-1 text-sm">
                <p className="truncate font-medium">{file.name}</p>
                <p className="text-muted-foreground">{fileSize(file.size)}</p>
              </div>
              <Button
                type="button"
                variant="ghost"
                size="icon-sm"
                disabled={pending}
                aria-label={`Remove image ${file.name}`}
                onClick={removeFile}
              >
                <X aria-hidden="true" />
              </Button>
            </div>
          ) : null}
        </div>

        {file && (
          <div className="space-y-2">
            <Label htmlFor={`${id}-alt`}>Image description</Label>
            <Input
              id={`${id}-alt`}
              value={altText}
              maxLength={MAX_ALT_TEXT}
              disabled={pending}
              placeholder="e.g. Architecture diagram: three services behind one queue"
              className="sm:max-w-sm"
              onChange={(event) => setAltText(event.target.value)}
              aria-describedby={`${id}-alt-hint`}
            />
            <p id={`${id}-alt-hint`} className="text-sm text-muted-foreground">
              Read aloud to people using screen readers on LinkedIn. {altText.length}/{MAX_ALT_TEXT}
            </p>
          </div>
        )}

        <PendingButton
          type="submit"
          pending={pending}
          // An approved post is usually scheduled (the panel above); going out now is the aside.
          variant={failed ? "default" : "outline"}
          className="w-full sm:w-auto"
          icon={failed ? <RotateCw aria-hidden="true" /> : <Send aria-hidden="true" />}
        >
          {pending
            ? "Publishing…"
            : checkFirst
              ? "It's not on LinkedIn: retry"
              : failed
                ? "Retry"
                : "Publish now"}
        </PendingButton>
      </form>
    );
  }

  return (
    <PanelCard
      description={
        failed
          ? "The last attempt didn't go out. Your post is safe: read why, then retry."
          : "Goes out on LinkedIn right away, on the profile you choose."
      }
    >
      {failure}
      {body}
    </PanelCard>
  );
}
