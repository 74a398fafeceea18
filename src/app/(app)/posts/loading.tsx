import { PostListSkeleton } from "@/components/content/post-list";
import { Skeleton } from "@/components/ui/skeleton";

export default function PostsLoading() {
  return (
    <div className="space-y-6">
      <div className="flex justify-between gap-4">
        <div className="space-y-2">
          <Skeleton className="h-8 w-32" />
          <Skeleton className="h-4 w-72 max-w-full" />
        </div>
        <Skeleton className="h-9 w-28" />
      </div>
      <Skeleton className="h-10 w-48" />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-[2fr_repeat(4,1fr)]">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className={i === 0 ? "col-span-2 h-14 lg:col-span-1" : "h-14"} />
        ))}
      </div>
      <PostListSkeleton />
    </div>
  );
}
