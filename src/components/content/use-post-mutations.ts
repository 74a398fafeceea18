"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { errorMessage } from "@/components/trpc-error";
import { api } from "@/trpc/react";

/**
 * Duplicate, delete (with Undo in the toast) and restore, with the toasts and cache updates
 * every screen that offers them wants. `openCopy` goes straight to a duplicate (the editor);
 * otherwise the toast offers to open it (the library).
 */
export function usePostMutations({ openCopy = false }: { openCopy?: boolean } = {}) {
  const router = useRouter();
  const utils = api.useUtils();
  const refresh = () => void utils.post.list.invalidate();

  const restore = api.post.restore.useMutation({
    onSuccess: (_data, { postId }) => {
      toast.success("Post restored", {
        action: { label: "Open", onClick: () => router.push(`/posts/${postId}`) },
      });
      refresh();
      void utils.post.get.invalidate({ postId });
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const remove = api.post.delete.useMutation({
    onSuccess: (_data, { postId }) => {
      toast.success("Post deleted", {
        description: "It's in the Deleted tab of Posts until you restore it.",
        action: { label: "Undo", onClick: () => restore.mutate({ postId }) },
      });
      refresh();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const duplicate = api.post.duplicate.useMutation({
    onSuccess: (copy) => {
      refresh();
      if (openCopy) {
        toast.success("Post duplicated", {
          description: "You're now editing the copy, a new draft.",
        });
        router.push(`/posts/${copy.id}`);
      } else {
        toast.success("Post duplicated", {
          description: "The copy is a new draft.",
          action: { label: "Open copy", onClick: () => router.push(`/posts/${copy.id}`) },
        });
      }
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return { remove, restore, duplicate };
}
