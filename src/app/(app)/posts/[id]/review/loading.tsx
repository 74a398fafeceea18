import { ReviewSkeleton } from "@/components/content/review-skeleton";

export default function ReviewLoading() {
  return <ReviewSkeleton />;
}
