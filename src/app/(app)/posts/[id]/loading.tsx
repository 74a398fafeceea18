import { PostEditorSkeleton } from "@/components/content/post-editor-skeleton";

export default function PostLoading() {
  return <PostEditorSkeleton />;
}
