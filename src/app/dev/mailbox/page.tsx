import { notFound } from "next/navigation";
import { env } from "@/env";
// Type-only: erased at build, so the stand-in never ships in the production bundle.
import type { OutboxMessage } from "../../../../scripts/local-cloud/mail-outbox";

export const dynamic = "force-dynamic";

/** Every http(s) URL in the plain-text part, trailing punctuation dropped, each once. */
function extractLinks(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"'\])]+/g) ?? [];
  return [...new Set(found.map((url) => url.replace(/[.,;:!?]+$/, "")))];
}

function formatTime(iso: string): string {
  return `${iso.slice(0, 19).replace("T", " ")} UTC`;
}

async function loadMessages(baseUrl: string): Promise<OutboxMessage[] | string> {
  try {
    const res = await fetch(`${baseUrl}/emails`, { cache: "no-store" });
    if (!res.ok) return `The mail outbox at ${baseUrl} answered ${res.status}.`;
    return ((await res.json()) as { data: OutboxMessage[] }).data;
  } catch {
    return `Could not reach the mail outbox at ${baseUrl}. Is the local cloud running?`;
  }
}

/** What the local cloud "sent": read magic links and invitations without a real inbox. */
export default async function MailboxPage() {
  if (env.LOCAL_CLOUD !== "1" || !env.RESEND_BASE_URL) notFound();
  const result = await loadMessages(env.RESEND_BASE_URL);

  return (
    <main className="mx-auto max-w-4xl p-6">
      <div className="mb-6 flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold">Mailbox</h1>
        <a href="/dev/mailbox" className="text-sm text-blue-600 underline hover:text-blue-800">
          Refresh
        </a>
      </div>

      {typeof result === "string" ? (
        <p className="rounded border border-red-300 bg-red-50 p-4 text-sm text-red-800">{result}</p>
      ) : result.length === 0 ? (
        <p className="text-sm text-gray-600">
          No emails yet — request a sign-in link and it will appear here.
        </p>
      ) : (
        // The outbox already returns newest first.
        <ul className="space-y-4">
          {result.map((message) => {
            const links = extractLinks(message.text ?? "");
            return (
              <li key={message.id} className="rounded-lg border border-gray-200 p-4">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{message.subject}</span>
                    <span className="block text-sm text-gray-600">
                      to {message.to.join(", ")} ·{" "}
                      <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
                    </span>
                  </summary>
                  <div className="mt-4 space-y-4">
                    {message.html && (
                      // sandbox="" blocks scripts, forms and top-level navigation from the email.
                      <iframe
                        title={`HTML of “${message.subject}”`}
                        sandbox=""
                        srcDoc={message.html}
                        className="h-[32rem] w-full rounded border border-gray-200 bg-white"
                      />
                    )}
                    {message.text && (
                      <pre className="whitespace-pre-wrap break-words rounded bg-gray-50 p-3 text-sm">
                        {message.text}
                      </pre>
                    )}
                  </div>
                </details>
                {links.length > 0 && (
                  <ul className="mt-3 space-y-1 text-sm">
                    {links.map((url) => (
                      <li key={url}>
                        <a
                          href={url}
                          className="break-all text-blue-600 underline hover:text-blue-800"
                        >
                          {url}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
