import type { TRPCClientErrorLike } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

type ApiError = TRPCClientErrorLike<AppRouter>;

/** The first validation message for one input field, if the server rejected that field. */
export function fieldError(error: ApiError | null, field: string): string | undefined {
  const fieldErrors: Partial<Record<string, string[]>> | null | undefined =
    error?.data?.fieldErrors;
  return fieldErrors?.[field]?.[0];
}

/**
 * What to tell the user. Server messages are written for users; a zod failure's `message` is a
 * JSON dump, so its first field message is used instead; no `data` means the request never
 * reached the server.
 */
export function errorMessage(error: ApiError): string {
  if (!error.data) {
    return "We couldn't reach TechLead AutoPilot. Check your connection and try again.";
  }
  const fieldErrors: Partial<Record<string, string[]>> | null | undefined = error.data.fieldErrors;
  const firstFieldMessage = Object.values(fieldErrors ?? {}).find((m) => m?.length)?.[0];
  return firstFieldMessage ?? error.message;
}
