import { decodeBase64IgnorePadding } from "@oslojs/encoding";
import { z } from "zod";
import { text } from "@/lib/input";
import { DomainError } from "@/server/errors";
import { disconnectLinkedInAccount, listLinkedInAccounts } from "@/server/linkedin/accounts";
import { publishNow } from "@/server/linkedin/publish";
import { markPublishedAfterCheck, retryAfterCheck } from "@/server/scheduling/publishing";
import type { Services } from "@/server/services";
import { createTRPCRouter, limitPerUser, orgProcedure } from "../trpc";

/** LinkedIn images must stay under the client's limit; base64 adds a third. */
const MAX_IMAGE_BASE64 = Math.ceil((8 * 1024 * 1024 * 4) / 3) + 4;

function requireCipher(services: Services) {
  if (!services.cipher) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "LinkedIn isn't set up on this server yet (TOKEN_ENCRYPTION_KEYS is missing). Contact support.",
    );
  }
  return services.cipher;
}

export const linkedinRouter = createTRPCRouter({
  accounts: orgProcedure.query(async ({ ctx }) => ({
    configured: ctx.linkedinOAuth !== null && ctx.cipher !== null,
    accounts: await listLinkedInAccounts(ctx),
  })),

  disconnect: orgProcedure
    .input(z.object({ accountId: z.uuid() }))
    .mutation(({ ctx, input }) => disconnectLinkedInAccount(ctx, input.accountId)),

  /** A post we couldn't confirm, found on LinkedIn by the person: published, nothing sent. */
  markPublished: orgProcedure
    .input(z.object({ postId: z.uuid(), url: z.string().trim().max(2000).optional() }))
    .mutation(({ ctx, input }) =>
      markPublishedAfterCheck(ctx, { postId: input.postId, url: input.url || undefined }),
    ),

  /** A post we couldn't confirm, not on LinkedIn: published again, because the person checked. */
  retryAfterCheck: orgProcedure
    .input(z.object({ postId: z.uuid(), accountId: z.uuid() }))
    .mutation(({ ctx, input }) => retryAfterCheck({ ...ctx, cipher: requireCipher(ctx) }, input)),

  publishNow: orgProcedure
    .input(
      z.object({
        postId: z.uuid(),
        accountId: z.uuid(),
        image: z
          .object({
            dataBase64: z
              .base64("The image data is damaged. Choose the image again.")
              .max(
                MAX_IMAGE_BASE64,
                "That image is larger than 8 MB. Use a smaller JPG, PNG or GIF.",
              ),
            contentType: z.string().max(100),
            altText: text()
              .trim()
              .max(300, "Keep the image description under 300 characters.")
              .optional(),
          })
          .optional(),
      }),
    )
    .use(limitPerUser("publishByUser", "published"))
    .mutation(({ ctx, input }) =>
      publishNow(
        { ...ctx, cipher: requireCipher(ctx) },
        {
          postId: input.postId,
          accountId: input.accountId,
          image: input.image && {
            bytes: decodeBase64IgnorePadding(input.image.dataBase64),
            contentType: input.image.contentType,
            altText: input.image.altText,
          },
        },
      ),
    ),
});
