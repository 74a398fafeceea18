/**
 * `npm run bench:leads`: lead scoring throughput on one core. Generates 50,000 varied comments
 * (five languages, one word to 20,000 characters, with headlines and posts) from a fixed seed,
 * scores each once and prints comments/s and per-comment latency. Prints figures; asserts nothing.
 */
import { percentile } from "@/lib/stats";
import { mulberry32, type Rng } from "@/server/content/random";
import { type LeadInput, scoreComment } from "@/server/leads";

const COUNT = Number(process.env.BENCH_COMMENTS ?? 50_000);
const WARMUP = 2_000;

const SENTENCES: Record<string, string[]> = {
  en: [
    "We're 30 engineers and every release is a fire drill.",
    "Can we set up a call next week?",
    "Great post, thanks for sharing!",
    "Our CTO just resigned and I'm not technical.",
    "Do you offer architecture reviews?",
    "We fixed this last year with a platform team.",
    "Open to work, 5 years React, DM me.",
    "We help companies like yours ship faster, free demo at the link.",
    "How do you decide when to split the monolith?",
    "Board meeting in three weeks and no AI strategy yet 😅",
    "Saving this for our offsite.",
    "lol this is us",
  ],
  de: [
    "Genau das erleben wir gerade nach der Series A.",
    "Haben Sie Kapazität ab nächsten Monat?",
    "Sehr guter Beitrag, danke fürs Teilen!",
    "Wir kämpfen mit technischen Schulden im Altsystem.",
    "Ich bin Werkstudent und suche ein Praktikum.",
  ],
  fr: [
    "Nous sommes exactement dans cette situation avec notre prestataire.",
    "Pouvons-nous échanger cette semaine ?",
    "Tellement vrai 👏",
    "Notre CTO part en septembre, vous accompagnez des startups ?",
    "Nous accompagnons les startups dans leur recrutement, contactez-nous.",
  ],
  es: [
    "Justo estamos en ese punto, pasamos de 10 a 30 ingenieros.",
    "¿Podemos hablar esta semana?",
    "Totalmente de acuerdo, muy buen post.",
    "Tenemos que decidir si construir o comprar antes de fin de mes.",
  ],
  nl: [
    "Herkenbaar, wij zitten met een monoliet van 12 jaar oud.",
    "Kunnen we volgende week even bellen?",
    "Helemaal mee eens, mooi gezegd.",
    "Onze CTO vertrekt en we hebben geen technische leiding.",
  ],
};
const HEADLINES = [
  "CTO at Northwind",
  "Founder & CEO | B2B SaaS",
  "VP Engineering at Acme",
  "Head of Platform at Globex",
  "Senior Software Engineer at Initech",
  "Talent Acquisition Partner",
  "Fractional CTO | Advisor",
  "Computer Science Student",
  "Geschäftsführer bei Beispiel GmbH",
  "Directrice technique chez Exemple",
  "",
];
const POSTS = [
  "Going from 8 to 30 engineers is where most startups break. Three signs your team has outgrown its structure.",
  "Build vs buy is the most expensive question founders get wrong.",
  "Before you greenlight a rewrite, answer these four questions.",
  "",
];
const EMOJI = ["", " 🙌", " 🔥🔥", " 😅", " 👇"];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

function comment(rng: Rng): LeadInput {
  const lang = pick(rng, Object.keys(SENTENCES));
  const pool = SENTENCES[lang]!;
  const r = rng();
  // Mostly short comments, some paragraphs, a few pasted walls of text up to 20,000 characters.
  const sentences = r < 0.6 ? 1 + Math.floor(rng() * 3) : r < 0.97 ? 4 + Math.floor(rng() * 8) : 0;
  let text = "";
  if (sentences === 0) {
    const target = 2_000 + Math.floor(rng() * 18_000);
    while (text.length < target) text += `${pick(rng, pool)} `;
  } else {
    text = Array.from({ length: sentences }, () => pick(rng, pool)).join(" ");
  }
  return {
    text: text + pick(rng, EMOJI),
    author: { headline: pick(rng, HEADLINES) },
    post: { text: pick(rng, POSTS) },
    priorEngagements: Math.floor(rng() * 4),
  };
}

const rng = mulberry32(42);
const inputs = Array.from({ length: COUNT }, () => comment(rng));
const chars = inputs.reduce((sum, c) => sum + c.text.length, 0);
for (let i = 0; i < WARMUP; i++) scoreComment(inputs[i % inputs.length]!);

const latencies = new Float64Array(COUNT);
let leads = 0;
const start = performance.now();
for (let i = 0; i < COUNT; i++) {
  const t = performance.now();
  if (scoreComment(inputs[i]!).isLead) leads++;
  latencies[i] = (performance.now() - t) * 1000;
}
const seconds = (performance.now() - start) / 1000;
const us = Array.from(latencies);
console.log(
  `leads bench · ${COUNT} comments (${(chars / COUNT).toFixed(0)} chars on average, ${leads} leads) · node ${process.version}`,
);
console.log(
  `${(COUNT / seconds).toFixed(0)} comments/s on one core; per comment p50 ${percentile(us, 50).toFixed(1)} µs, p95 ${percentile(us, 95).toFixed(1)} µs, p99 ${percentile(us, 99).toFixed(1)} µs, max ${Math.max(...us).toFixed(0)} µs`,
);
