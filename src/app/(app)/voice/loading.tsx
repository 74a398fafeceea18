import { Skeleton } from "@/components/ui/skeleton";

export default function VoiceLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading" className="space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-full max-w-lg" />
      </div>
      <div className="space-y-6 rounded-xl border p-6">
        <Skeleton className="h-5 w-32" />
        <div className="grid gap-6 sm:grid-cols-2">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="space-y-2">
              <Skeleton className="h-4 w-28" />
              <Skeleton className="h-9 w-full" />
            </div>
          ))}
        </div>
        <Skeleton className="h-20 w-full" />
        <Skeleton className="ml-auto h-9 w-40" />
      </div>
    </div>
  );
}
