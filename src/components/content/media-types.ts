import type { MediaType } from "@/server/content/types";

export const MEDIA_TYPE_LABELS: Record<MediaType, string> = {
  text: "Text only",
  image: "With an image",
  video: "With a video",
  document: "With a document (PDF carousel)",
  article: "Article",
};
