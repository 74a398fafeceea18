"use client";

import { Copy, RotateCw } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { PendingButton } from "@/components/pending-button";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

/**
 * Someone saved the post after this editor loaded it. Autosave has stopped; the user copies
 * their text if they want it, then takes the latest (their text also stays on this device).
 */
export function ConflictDialog({
  open,
  message,
  text,
  onReload,
}: {
  open: boolean;
  message: string;
  text: string;
  onReload: () => Promise<void>;
}) {
  const [reloading, setReloading] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      toast.success("Your text is on the clipboard");
    } catch {
      toast.error("Couldn't copy automatically. Select the text in the editor and copy it.");
    }
  }

  async function reload() {
    setReloading(true);
    try {
      await onReload();
      toast.success("Loaded the latest version", {
        description: "Your text is kept on this device: restore it from the note above the editor.",
      });
    } catch {
      toast.error("Couldn't load the latest version. Check your connection and try again.");
    } finally {
      setReloading(false);
    }
  }

  return (
    // Closing without choosing isn't offered: autosave stays off until a choice is made.
    <Dialog open={open}>
      <DialogContent showCloseButton={false} onEscapeKeyDown={(event) => event.preventDefault()}>
        <DialogHeader>
          <DialogTitle>This post changed somewhere else</DialogTitle>
          <DialogDescription>{message}</DialogDescription>
        </DialogHeader>
        <p className="text-sm text-muted-foreground">
          Your latest edits weren&apos;t saved. Copy them if you want to keep them, then load the
          latest version.
        </p>
        <DialogFooter>
          <Button variant="outline" onClick={() => void copy()}>
            <Copy aria-hidden="true" />
            Copy my text
          </Button>
          <PendingButton
            pending={reloading}
            icon={<RotateCw aria-hidden="true" />}
            onClick={() => void reload()}
          >
            Reload latest
          </PendingButton>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
