/**
 * `npm run leads:score -- FILE`: the lead-scoring contract of ARCHITECTURE §6.
 *
 * Reads JSON Lines {"id","text","author"?:{"name"?,"headline"?,"company"?},"post"?:{"text"?}}
 * and prints one JSON line per input: {"id","isLead","score","priority","intent","reasons"}, or
 * {"id","error"} for a malformed line (then carries on). Exit 0 unless FILE cannot be read.
 * Same engine as the app; no network.
 */
import { z } from "zod";
import { type LeadScore, scoreComment } from "@/server/leads";
import { jsonLine, runJsonLinesCli } from "./lib/json-lines-cli";

// null is accepted where a field is optional: exports often write null for "unknown".
const optionalText = z.string().nullish();
const LineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  author: z.object({ name: optionalText, headline: optionalText, company: optionalText }).nullish(),
  post: z.object({ text: optionalText }).nullish(),
});

const scoreLine = jsonLine(LineSchema, ({ text, author, post }) => {
  const lead: LeadScore = scoreComment({
    text,
    author: {
      name: author?.name ?? undefined,
      headline: author?.headline ?? undefined,
      company: author?.company ?? undefined,
    },
    post: { text: post?.text ?? undefined },
  });
  return {
    isLead: lead.isLead,
    score: lead.score,
    priority: lead.priority,
    intent: lead.intent,
    reasons: lead.reasons,
  };
});

runJsonLinesCli("leads:score", scoreLine);
