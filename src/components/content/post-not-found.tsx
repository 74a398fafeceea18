import { FileWarning } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** A post that was deleted or isn't in the active organization: where to look instead. */
export function PostNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <div className="mb-4 grid size-12 place-items-center rounded-full bg-muted text-muted-foreground">
        <FileWarning className="size-6" aria-hidden="true" />
      </div>
      <h1 className="text-xl font-semibold">This post isn&apos;t here</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        It was deleted, or it belongs to another organization. Deleted posts can be restored from
        the Deleted tab in Posts.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <Button asChild>
          <Link href="/posts">All posts</Link>
        </Button>
        <Button variant="outline" asChild>
          <Link href="/posts?view=deleted">Deleted posts</Link>
        </Button>
      </div>
    </div>
  );
}
