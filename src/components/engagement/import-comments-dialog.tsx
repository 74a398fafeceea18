"use client";

import { AlertCircle, CheckCircle2, FileUp, Upload } from "lucide-react";
import { type ChangeEvent, useEffect, useId, useState } from "react";
import { fileSize, plural } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { errorMessage } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { api, type RouterOutputs } from "@/trpc/react";

/** Same limit as the server (1 MB of UTF-8), checked before sending a file for nothing. */
const MAX_BYTES = 1024 * 1024;

type Result = RouterOutputs["engagement"]["importComments"];

const byteLength = (text: string) => new TextEncoder().encode(text).length;
/**
 * "Import comments" for a published post: paste comments copied from LinkedIn, or upload a CSV.
 * Shows progress while the server reads and stores them, then what was imported, what was
 * already there and which lines were skipped (and why).
 */
export function ImportCommentsDialog({
  postId,
  open,
  onOpenChange,
}: {
  postId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const id = useId();
  const utils = api.useUtils();
  const [format, setFormat] = useState<"paste" | "csv">("paste");
  const [pasted, setPasted] = useState("");
  const [file, setFile] = useState<{ name: string; text: string; bytes: number } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const importComments = api.engagement.importComments.useMutation({
    onSuccess: (data) => {
      setResult(data);
      void utils.engagement.postEngagement.invalidate({ postId });
    },
  });
  const pending = importComments.isPending;
  const pastedBytes = byteLength(pasted);
  const content = format === "paste" ? pasted : (file?.text ?? "");
  const tooBig = format === "paste" ? pastedBytes > MAX_BYTES : (file?.bytes ?? 0) > MAX_BYTES;
  const ready = content.trim().length > 0 && !tooBig && !fileError;

  const reset = () => {
    setPasted("");
    setFile(null);
    setFileError(null);
    setResult(null);
    importComments.reset();
  };

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setResult(null);
    importComments.reset();
    if (!chosen) {
      setFile(null);
      return;
    }
    if (chosen.size > MAX_BYTES) {
      setFile(null);
      setFileError(
        `This file is ${fileSize(chosen.size)}; an import can be 1 MB at most. Split it into smaller files and import them one after the other.`,
      );
      return;
    }
    setFileError(null);
    setFile({ name: chosen.name, text: await chosen.text(), bytes: chosen.size });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        onOpenChange(next);
        if (!next) reset();
      }}
    >
      <DialogContent showCloseButton={!pending} className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Import comments</DialogTitle>
          <DialogDescription>
            Bring in comments LinkedIn doesn&apos;t let us read for you. Comments already here are
            skipped, so importing the same ones again is safe.
          </DialogDescription>
        </DialogHeader>

        {result ? (
          <ImportSummary postId={postId} result={result} />
        ) : (
          <form
            id={`${id}-form`}
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (ready) importComments.mutate({ postId, format, content });
            }}
          >
            <Tabs value={format} onValueChange={(v) => setFormat(v as "paste" | "csv")}>
              <TabsList>
                <TabsTrigger value="paste" disabled={pending}>
                  Paste from LinkedIn
                </TabsTrigger>
                <TabsTrigger value="csv" disabled={pending}>
                  Upload CSV
                </TabsTrigger>
              </TabsList>
              <TabsContent value="paste" className="space-y-2">
                <Label htmlFor={`${id}-paste`}>Comments copied from the post</Label>
                <Textarea
                  id={`${id}-paste`}
                  value={pasted}
                  onChange={(e) => setPasted(e.target.value)}
                  disabled={pending}
                  rows={10}
                  placeholder={
                    "Jane Doe\n• 2nd\nHead of Platform at Finly\n2h\nHow would you set this up for us?\nLike | Reply"
                  }
                  aria-describedby={`${id}-paste-help`}
                  aria-invalid={tooBig || undefined}
                  className="max-h-[45dvh] font-mono text-xs"
                />
                <p id={`${id}-paste-help`} className="text-sm text-muted-foreground">
                  On LinkedIn, open the post, load all comments, select from the first
                  commenter&apos;s name to the end of the last comment, copy and paste here. Names,
                  headlines, times and text are picked out; buttons like Like and Reply are ignored.
                  {pastedBytes > MAX_BYTES / 2 && (
                    <span className={tooBig ? " font-medium text-destructive" : ""}>
                      {" "}
                      {fileSize(pastedBytes)} of 1 MB.
                    </span>
                  )}
                </p>
              </TabsContent>
              <TabsContent value="csv" className="space-y-2">
                <Label htmlFor={`${id}-file`}>CSV file</Label>
                <Input
                  id={`${id}-file`}
                  type="file"
                  accept=".csv,text/csv,text/plain"
                  disabled={pending}
                  onChange={(e) => void chooseFile(e)}
                  aria-describedby={`${id}-file-help${fileError ? ` ${id}-file-error` : ""}`}
                  aria-invalid={Boolean(fileError) || undefined}
                />
                <p id={`${id}-file-help`} className="text-sm text-muted-foreground">
                  A header row, then one comment per row. Columns are found by name: comment (or
                  text), name (or first and last name), headline, company, date and profile URL. Up
                  to 2,000 comments and 1 MB.
                  {file && ` Chosen: ${file.name} (${fileSize(file.bytes)}).`}
                </p>
                {fileError && (
                  <p id={`${id}-file-error`} role="alert" className="text-sm text-destructive">
                    {fileError}
                  </p>
                )}
              </TabsContent>
            </Tabs>

            {pending && (
              <div role="status" className="space-y-2">
                <p className="text-sm">Reading and storing the comments…</p>
                <div className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden="true">
                  <div className="h-full w-1/3 animate-pulse rounded-full bg-primary" />
                </div>
              </div>
            )}
            {importComments.error && (
              <Alert variant="destructive">
                <AlertCircle aria-hidden="true" />
                <AlertTitle>Nothing was imported</AlertTitle>
                <AlertDescription>
                  <p>{errorMessage(importComments.error)}</p>
                </AlertDescription>
              </Alert>
            )}
          </form>
        )}

        <DialogFooter>
          {result ? (
            <>
              <Button variant="outline" onClick={reset}>
                Import more
              </Button>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </>
          ) : (
            <>
              <Button variant="outline" disabled={pending} onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <PendingButton
                type="submit"
                form={`${id}-form`}
                pending={pending}
                disabled={!ready}
                icon={
                  format === "csv" ? <FileUp aria-hidden="true" /> : <Upload aria-hidden="true" />
                }
              >
                Import comments
              </PendingButton>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function ImportSummary({ postId, result }: { postId: string; result: Result }) {
  const nothing = result.imported === 0;
  return (
    <div className="space-y-3" role="status">
      <Alert>
        <CheckCircle2 aria-hidden="true" />
        <AlertTitle>
          {nothing ? "No new comments" : `Imported ${plural(result.imported, "comment")}`}
        </AlertTitle>
        <AlertDescription>
          <p>
            {result.duplicates > 0
              ? `${plural(result.duplicates, "comment was", "comments were")} already here and skipped. `
              : ""}
            {nothing
              ? "Everything you imported is already on this post."
              : result.leadCheck === "queued"
                ? "They are saved; we're checking them for leads in the background, so you can close this window."
                : "New comments are now checked for leads."}
          </p>
        </AlertDescription>
      </Alert>
      {result.leadCheck === "queued" && (
        <LeadCheckProgress postId={postId} total={result.imported} />
      )}
      {result.skipped.length > 0 && (
        <div className="space-y-1">
          <h3 className="text-sm font-medium">
            {plural(result.skipped.length, "part", "parts")} couldn&apos;t be imported
          </h3>
          <ul className="max-h-48 space-y-1 overflow-y-auto rounded-md border p-2 text-sm">
            {result.skipped.map((s) => (
              <li key={`${s.line}-${s.reason}`}>
                <span className="font-medium">Line {s.line}:</span> {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** A large import's lead check runs as a job: polls how many comments it still has to check. */
function LeadCheckProgress({ postId, total }: { postId: string; total: number }) {
  const utils = api.useUtils();
  const progress = api.engagement.importProgress.useQuery(
    { postId },
    { refetchInterval: (query) => (query.state.data?.remaining === 0 ? false : 2_000) },
  );
  const remaining = progress.data?.remaining;
  const done = remaining === 0;
  useEffect(() => {
    if (done) void utils.engagement.postEngagement.invalidate({ postId });
  }, [done, postId, utils]);
  if (remaining === undefined) return null;
  // Counts every imported comment of the post still unchecked, earlier imports included.
  const checked = Math.max(0, total - remaining);
  return (
    <div className="space-y-1" aria-live="polite">
      <p className="text-sm">
        {done
          ? "All imported comments are checked for leads."
          : `Checking for leads: ${checked.toLocaleString()} of ${total.toLocaleString()} comments done.`}
      </p>
      <progress className="w-full" max={total} value={done ? total : checked} />
    </div>
  );
}
