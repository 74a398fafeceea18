import { Client as QStashClient } from "@upstash/qstash";

/** The little of QStash the app needs: one delayed message to a job endpoint, and cancelling it. */
export interface QStashPublisher {
  /** `path` is appended to `appUrl` (e.g. "/api/jobs/publish-post"); returns the message id. */
  publish(msg: {
    path: string;
    body: unknown;
    notBefore?: Date | undefined;
    dedupId?: string | undefined;
  }): Promise<string>;
  cancel(messageId: string): Promise<void>;
}

export function createQStashPublisher(opts: {
  baseUrl: string;
  token: string | undefined;
  appUrl: string;
}): QStashPublisher {
  let client: QStashClient | undefined;
  const get = () => {
    if (!opts.token) throw new Error("QSTASH_TOKEN is not set: delayed jobs can't be sent.");
    client ??= new QStashClient({ baseUrl: opts.baseUrl, token: opts.token });
    return client;
  };
  return {
    async publish({ path, body, notBefore, dedupId }) {
      const { messageId } = await get().publishJSON({
        url: `${opts.appUrl}${path}`,
        body,
        // Rounded up: QStash takes whole seconds, and a post must never go out before its slot.
        ...(notBefore ? { notBefore: Math.ceil(notBefore.getTime() / 1000) } : {}),
        ...(dedupId ? { deduplicationId: dedupId } : {}),
      });
      return messageId;
    },
    async cancel(messageId) {
      await get().messages.cancel(messageId);
    },
  };
}
