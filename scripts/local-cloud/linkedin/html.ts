/** Dependency-free pages of the LinkedIn sandbox: consent, OAuth errors and the feed. */

import type { Member } from "./audience";

export const SCOPE_LABELS: Record<string, string> = {
  openid: "Sign you in with your LinkedIn account (OpenID Connect)",
  profile: "Use your name and photo",
  email: "Use the primary email address associated with your LinkedIn account",
  w_member_social: "Create, modify, and delete posts, comments, and reactions on your behalf",
  r_member_social: "Retrieve your posts, comments, reactions, and other engagement data",
  r_member_postAnalytics: "Retrieve your posts and their reporting data",
};

const STYLE = `
body{margin:0;background:#f4f2ee;font-family:-apple-system,system-ui,"Segoe UI",Roboto,sans-serif;color:#191919}
header{background:#fff;border-bottom:1px solid #e0dfdc;padding:12px 24px;display:flex;align-items:center;gap:8px}
.logo{background:#0a66c2;color:#fff;font-weight:700;border-radius:4px;padding:0 6px;font-size:20px;line-height:28px}
main{max-width:560px;margin:32px auto;background:#fff;border-radius:8px;box-shadow:0 0 0 1px #e0dfdc;padding:24px}
h1{font-size:22px;margin:0 0 8px} p{line-height:1.45}
fieldset{border:1px solid #e0dfdc;border-radius:8px;margin:16px 0;padding:12px 16px}
legend{font-weight:600;padding:0 4px} label{display:block;margin:6px 0}
.scope code{color:#666;font-size:12px;margin-left:4px}
.actions{display:flex;gap:12px;justify-content:flex-end;margin-top:20px}
button{border-radius:24px;padding:8px 20px;font-size:16px;font-weight:600;cursor:pointer}
.allow{background:#0a66c2;color:#fff;border:0} .cancel{background:#fff;color:#0a66c2;border:1px solid #0a66c2}
.error{border-left:4px solid #cc1016;padding-left:12px}
input[type=text]{padding:6px;border:1px solid #8c8c8c;border-radius:4px;width:70%}
`;

export function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header><span class="logo">in</span><strong>LinkedIn sandbox</strong></header>${body}</body></html>`;
}

export function renderConsent(input: {
  requestId: string;
  appName: string;
  redirectHost: string;
  scopes: string[];
  members: readonly Member[];
}): string {
  const scopes = input.scopes
    .map(
      (s) =>
        `<label class="scope"><input type="checkbox" name="grant" value="${escapeHtml(s)}" checked> ${escapeHtml(SCOPE_LABELS[s] ?? s)}<code>${escapeHtml(s)}</code></label>`,
    )
    .join("\n");
  const members = input.members
    .map(
      (m, i) =>
        `<label><input type="radio" name="member" value="${escapeHtml(m.sub)}"${i === 0 ? " checked" : ""}> ${escapeHtml(`${m.givenName} ${m.familyName}`)} — ${escapeHtml(m.headline)}</label>`,
    )
    .join("\n");
  return page(
    `Sign in with LinkedIn — ${input.appName}`,
    `<main><h1>${escapeHtml(input.appName)} would like to:</h1>
<p>It will be able to act for the member you pick below. You will be sent back to <strong>${escapeHtml(input.redirectHost)}</strong>.</p>
<form method="post" action="/oauth/v2/authorization">
<input type="hidden" name="request" value="${escapeHtml(input.requestId)}">
<fieldset><legend>Permissions</legend>
${scopes}
</fieldset>
<fieldset><legend>Member</legend>
${members}
<label><input type="radio" name="member" value="new"> New member: <input type="text" name="newMemberName" placeholder="Full name" aria-label="New member name" oninput="this.form.member.value='new'"></label>
<label>Headline: <input type="text" name="newMemberHeadline" placeholder="e.g. Fractional CTO" aria-label="New member headline"></label>
</fieldset>
<div class="actions"><button type="submit" class="cancel" id="cancel" name="action" value="cancel">Cancel</button><button type="submit" class="allow" id="allow" name="action" value="allow">Allow</button></div>
</form></main>`,
  );
}

export function renderOAuthError(title: string, message: string): string {
  return page(
    "LinkedIn — error",
    `<main class="error"><h1>${escapeHtml(title)}</h1><p id="error-message">${escapeHtml(message)}</p></main>`,
  );
}

export interface FeedItem {
  urn: string;
  authorName: string;
  authorHeadline: string;
  authorPicture: string;
  text: string;
  createdAt: number;
  image?: { id: string; altText?: string; width?: number; height?: number };
  article?: { source: string; title?: string };
  reactions: number;
  comments: number;
  reshares: number;
}

export function renderFeed(items: FeedItem[], now: number): string {
  const articles = items
    .map((p) => {
      const media = p.image
        ? `<figure class="image" data-image="${escapeHtml(p.image.id)}" style="margin:12px 0;background:#e9e5df;border-radius:4px;height:180px;display:flex;align-items:center;justify-content:center;color:#666">🖼 ${escapeHtml(p.image.altText || "Image")}${p.image.width ? ` (${p.image.width}×${p.image.height})` : ""}</figure>`
        : p.article
          ? `<p class="article">🔗 <a href="${escapeHtml(p.article.source)}">${escapeHtml(p.article.title || p.article.source)}</a></p>`
          : "";
      return `<article data-urn="${escapeHtml(p.urn)}" style="background:#fff;border-radius:8px;box-shadow:0 0 0 1px #e0dfdc;padding:16px;margin:12px 0">
<div style="display:flex;gap:8px;align-items:center"><img src="${escapeHtml(p.authorPicture)}" alt="" width="48" height="48" style="border-radius:50%">
<div><strong class="author">${escapeHtml(p.authorName)}</strong><div class="headline" style="color:#666;font-size:13px">${escapeHtml(p.authorHeadline)}</div>
<time datetime="${new Date(p.createdAt).toISOString()}" style="color:#666;font-size:12px">${escapeHtml(ago(now - p.createdAt))} · 🌐</time></div></div>
<div class="text" style="white-space:pre-wrap;margin-top:12px;line-height:1.45">${escapeHtml(p.text)}</div>
${media}
<footer style="color:#666;font-size:13px;border-top:1px solid #e0dfdc;margin-top:12px;padding-top:8px"><span class="reactions">👍 ${p.reactions}</span> · <span class="comments">${p.comments} comment${p.comments === 1 ? "" : "s"}</span> · <span class="reshares">${p.reshares} repost${p.reshares === 1 ? "" : "s"}</span></footer>
</article>`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LinkedIn sandbox feed</title><style>${STYLE}</style></head>
<body><header><span class="logo">in</span><strong>LinkedIn sandbox</strong></header>
<div style="max-width:560px;margin:24px auto"><h1>LinkedIn sandbox feed</h1>
<p style="color:#666">${items.length} post(s), newest first · sandbox time ${new Date(now).toISOString()} · <a href="/feed">Refresh</a></p>
${articles || "<p>No posts yet.</p>"}</div></body></html>`;
}

function ago(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "now";
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.floor(hours / 24);
  return days < 7 ? `${days}d` : `${Math.floor(days / 7)}w`;
}

/** A coloured initials avatar, served as the userinfo `picture`. */
export function avatarSvg(name: string, seed: string): string {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  let h = 0;
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect width="100" height="100" fill="hsl(${h} 45% 45%)"/><text x="50" y="62" font-family="sans-serif" font-size="40" fill="#fff" text-anchor="middle">${escapeHtml(initials)}</text></svg>`;
}
