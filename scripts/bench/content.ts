/**
 * `npm run bench:content`: drafts generated per second by the template engine (the path every
 * generation can take, no network) and the latency of one engagement prediction. Prints figures;
 * it asserts nothing.
 */

import { percentile } from "@/lib/stats";
import { generateDrafts } from "@/server/content/generator";
import { predictEngagement } from "@/server/content/predict";
import { FRAMEWORK_IDS, type VoiceProfile } from "@/server/content/types";

const profile: VoiceProfile = {
  role: "Fractional CTO",
  yearsExperience: 15,
  expertise: ["platform engineering", "Kubernetes", "team scaling"],
  audience: "Seed to Series B founders",
  offers: ["Architecture review"],
  tone: "direct",
  ctaStyle: "consultation",
  languages: ["en"],
  wordsToAvoid: ["synergy"],
};
const topics = [
  "Why your Kubernetes bill doubled",
  "Hiring your first staff engineer",
  "Event sourcing regrets",
  "On-call that doesn't burn people out",
];
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

async function benchGeneration() {
  const latencies: number[] = [];
  const recentHooks: string[] = [];
  const recentCtas: string[] = [];
  let drafts = 0;
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const start = performance.now();
    const result = await generateDrafts({
      request: { profile, topic: topics[i % topics.length]!, seed: i, recentHooks, recentCtas },
      frameworks: [FRAMEWORK_IDS[i % FRAMEWORK_IDS.length]!, FRAMEWORK_IDS[(i + 3) % 8]!],
    });
    latencies.push(performance.now() - start);
    drafts += result.drafts.length;
    // Keep a realistic 20-post history so the no-repeat search does real work.
    recentHooks.push(...result.drafts.map((d) => d.hook));
    recentCtas.push(...result.drafts.map((d) => d.cta));
    recentHooks.splice(0, Math.max(0, recentHooks.length - 20));
    recentCtas.splice(0, Math.max(0, recentCtas.length - 20));
  }
  return { drafts, perSecond: drafts / seconds, latencies };
}

function benchPrediction(texts: string[]) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const start = performance.now();
    predictEngagement({
      text: texts[i % texts.length]!,
      authorFollowers: 1000 + i,
      mediaType: "image",
      postedAt: new Date(Date.UTC(2026, 10, 24, 6, 30)),
      timeZone: "Europe/Berlin",
    });
    latencies.push(performance.now() - start);
  }
  return { predictions: latencies.length, perSecond: latencies.length / seconds, latencies };
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
const generation = await benchGeneration();
const sample = await generateDrafts({
  request: { profile, topic: topics[0]!, seed: 1, recentHooks: [], recentCtas: [] },
  frameworks: [...FRAMEWORK_IDS.slice(0, 5)],
});
const prediction = benchPrediction(sample.drafts.map((d) => d.content));

console.log(`content bench · ${seconds} s per phase · node ${process.version}`);
console.log(
  `template drafts: ${generation.drafts} drafts, ${generation.perSecond.toFixed(0)} drafts/s; per 2-variant request p50 ${fmt(percentile(generation.latencies, 50))}, p95 ${fmt(percentile(generation.latencies, 95))}`,
);
console.log(
  `prediction: ${prediction.predictions} predictions, ${prediction.perSecond.toFixed(0)}/s; latency p50 ${fmt(percentile(prediction.latencies, 50))}, p95 ${fmt(percentile(prediction.latencies, 95))}, p99 ${fmt(percentile(prediction.latencies, 99))}`,
);
