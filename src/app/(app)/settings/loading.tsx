import { Skeleton } from "@/components/ui/skeleton";

export default function SettingsLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading" className="space-y-6">
      <div className="space-y-4 rounded-xl border p-6">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-4 w-72 max-w-full" />
        <div className="space-y-2 pt-2">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-9 w-full max-w-md" />
        </div>
        <div className="space-y-2">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-9 w-full max-w-md" />
        </div>
        <Skeleton className="h-9 w-32" />
      </div>
      <Skeleton className="h-48 w-full rounded-xl" />
    </div>
  );
}
