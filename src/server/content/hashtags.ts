import { capitalizeFirst, escapeRegExp } from "./text";
import type { FrameworkId } from "./types";
import { createAvoidMatcher } from "./words-to-avoid";

/**
 * Keyword (lower case, matched as a whole word or phrase, plural "s" allowed) → hashtag, for
 * the technical-leadership niche. Specific tags beat generic ones: they reach the people who
 * follow the subject rather than everyone.
 */
export const KEYWORD_HASHTAGS: Readonly<Record<string, string>> = {
  // Roles and leadership
  cto: "#CTO",
  "fractional cto": "#FractionalCTO",
  "vp engineering": "#EngineeringLeadership",
  "vp of engineering": "#EngineeringLeadership",
  "head of engineering": "#EngineeringLeadership",
  "engineering manager": "#EngineeringManagement",
  "engineering management": "#EngineeringManagement",
  "tech lead": "#TechLead",
  "technical leadership": "#TechLeadership",
  leadership: "#Leadership",
  "staff engineer": "#StaffEngineer",
  "principal engineer": "#PrincipalEngineer",
  mentoring: "#Mentorship",
  mentorship: "#Mentorship",
  coaching: "#Coaching",
  hiring: "#TechHiring",
  recruiting: "#TechHiring",
  interview: "#TechInterviews",
  onboarding: "#DeveloperOnboarding",
  career: "#CareerGrowth",
  promotion: "#CareerGrowth",
  burnout: "#Burnout",
  remote: "#RemoteWork",
  "engineering culture": "#EngineeringCulture",
  culture: "#EngineeringCulture",
  "team building": "#TeamBuilding",
  "team topologies": "#TeamTopologies",
  "one-on-one": "#OneOnOnes",
  "performance review": "#PerformanceReviews",
  consulting: "#Consulting",
  consultant: "#Consulting",
  founder: "#Founders",
  startup: "#Startups",
  scaleup: "#ScaleUp",
  "scale-up": "#ScaleUp",
  scaling: "#ScaleUp",
  "product management": "#ProductManagement",
  roadmap: "#ProductRoadmap",
  okr: "#OKRs",
  agile: "#Agile",
  scrum: "#Scrum",
  estimate: "#SoftwareEstimation",
  estimation: "#SoftwareEstimation",
  "due diligence": "#TechDueDiligence",
  "build vs buy": "#BuildVsBuy",
  "build versus buy": "#BuildVsBuy",
  vendor: "#VendorManagement",
  // Architecture and delivery
  architecture: "#SoftwareArchitecture",
  "software architecture": "#SoftwareArchitecture",
  "system design": "#SystemDesign",
  microservice: "#Microservices",
  monolith: "#Monolith",
  "modular monolith": "#ModularMonolith",
  "event-driven": "#EventDrivenArchitecture",
  "event driven": "#EventDrivenArchitecture",
  "domain-driven design": "#DomainDrivenDesign",
  ddd: "#DomainDrivenDesign",
  api: "#APIDesign",
  graphql: "#GraphQL",
  kubernetes: "#Kubernetes",
  k8s: "#Kubernetes",
  docker: "#Docker",
  serverless: "#Serverless",
  aws: "#AWS",
  azure: "#Azure",
  gcp: "#GoogleCloud",
  "google cloud": "#GoogleCloud",
  cloud: "#CloudComputing",
  "cloud cost": "#FinOps",
  "cloud bill": "#FinOps",
  "cost optimization": "#FinOps",
  finops: "#FinOps",
  devops: "#DevOps",
  "platform engineering": "#PlatformEngineering",
  sre: "#SRE",
  "site reliability": "#SRE",
  observability: "#Observability",
  monitoring: "#Observability",
  incident: "#IncidentManagement",
  postmortem: "#IncidentManagement",
  outage: "#IncidentManagement",
  "ci/cd": "#CICD",
  "continuous delivery": "#ContinuousDelivery",
  deployment: "#ContinuousDelivery",
  testing: "#SoftwareTesting",
  tdd: "#TDD",
  "code review": "#CodeReview",
  "tech debt": "#TechnicalDebt",
  "technical debt": "#TechnicalDebt",
  legacy: "#LegacyModernization",
  rewrite: "#LegacyModernization",
  modernization: "#LegacyModernization",
  refactoring: "#Refactoring",
  migration: "#CloudMigration",
  security: "#CyberSecurity",
  devsecops: "#DevSecOps",
  compliance: "#Compliance",
  "soc 2": "#SOC2",
  soc2: "#SOC2",
  gdpr: "#GDPR",
  "data engineering": "#DataEngineering",
  database: "#Databases",
  postgres: "#PostgreSQL",
  postgresql: "#PostgreSQL",
  ai: "#ArtificialIntelligence",
  "artificial intelligence": "#ArtificialIntelligence",
  llm: "#LLM",
  genai: "#GenerativeAI",
  "generative ai": "#GenerativeAI",
  "machine learning": "#MachineLearning",
  python: "#Python",
  typescript: "#TypeScript",
  javascript: "#JavaScript",
  java: "#Java",
  rust: "#RustLang",
  golang: "#Golang",
  "open source": "#OpenSource",
  saas: "#SaaS",
  performance: "#PerformanceEngineering",
  latency: "#PerformanceEngineering",
  scalability: "#Scalability",
  "developer experience": "#DeveloperExperience",
  productivity: "#DeveloperProductivity",
  dora: "#DORAMetrics",
  mobile: "#MobileDevelopment",
  frontend: "#Frontend",
  backend: "#Backend",
};

/** Broad tags that fit each framework, used after the topic's own tags. */
export const FRAMEWORK_HASHTAGS: Readonly<Record<FrameworkId, readonly string[]>> = {
  technical_insight: ["#SoftwareEngineering", "#TechLeadership", "#SoftwareArchitecture"],
  leadership_story: ["#Leadership", "#EngineeringLeadership", "#TechLeadership"],
  controversial_take: ["#TechLeadership", "#SoftwareEngineering", "#EngineeringCulture"],
  career_advice: ["#CareerGrowth", "#SoftwareEngineering", "#Mentorship"],
  build_vs_buy: ["#BuildVsBuy", "#TechStrategy", "#CTO"],
  architecture_review: ["#SoftwareArchitecture", "#SystemDesign", "#TechnicalDebt"],
  team_building: ["#TeamBuilding", "#EngineeringManagement", "#Leadership"],
  startup_scaling: ["#Startups", "#ScaleUp", "#CTO"],
};

/** Last resort when the user's words to avoid rule out the specific tags. */
const GENERAL_HASHTAGS = [
  "#TechLeadership",
  "#SoftwareEngineering",
  "#EngineeringLeadership",
  "#SoftwareDevelopment",
  "#TechStrategy",
  "#Engineering",
  "#Technology",
  "#Consulting",
  "#CTO",
  "#Leadership",
];

export const MIN_HASHTAGS = 3;
export const MAX_HASHTAGS = 5;

const TAG_CHAR = "[\\p{L}\\p{M}\\p{N}_]";
/** A "#" not glued to a word, URL or entity, followed by a run that contains a letter. */
const HASHTAG = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}_#&/])#(?=${TAG_CHAR}*\\p{L})${TAG_CHAR}+`,
  "gu",
);

export function findHashtags(text: string): string[] {
  return text.match(HASHTAG) ?? [];
}

/** "#kubernetes" in running text becomes "kubernetes": tags belong on the last line only. */
export function stripInlineHashtags(text: string): string {
  return text.replace(HASHTAG, (tag) => tag.slice(1));
}

/** "tech debt", "#tech-debt", "Tech Debt!" → "#TechDebt"; null when no letter is left. */
export function toHashtag(text: string): string | null {
  const words = text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  const tag = words.map(capitalizeFirst).join("");
  return /\p{L}/u.test(tag) ? `#${tag}` : null;
}

const KEYWORD_PATTERNS = Object.entries(KEYWORD_HASHTAGS).map(([keyword, tag]) => ({
  tag,
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(keyword)}(?:s|es)?(?![\\p{L}\\p{N}])`,
    "iu",
  ),
}));

/** Curated tags found in `text`, in the order they appear (longer keyword first on a tie). */
function tagsIn(text: string): string[] {
  return KEYWORD_PATTERNS.flatMap(({ tag, pattern }) => {
    const match = pattern.exec(text);
    return match ? [{ tag, index: match.index, length: match[0].length }] : [];
  })
    .sort((a, b) => a.index - b.index || b.length - a.length)
    .map((found) => found.tag);
}

/** CamelCase split, so "#TechnicalDebt" counts as using "debt" when the user avoids it. */
const tagWords = (tag: string) => tag.slice(1).replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");

function dedupeAllowed(tags: readonly string[], avoid: readonly string[]): string[] {
  const matcher = createAvoidMatcher(avoid);
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key) || matcher.find(tag) || matcher.find(tagWords(tag))) return false;
    seen.add(key);
    return true;
  });
}

const clampCount = (count: number) =>
  Number.isFinite(count)
    ? Math.min(MAX_HASHTAGS, Math.max(MIN_HASHTAGS, Math.round(count)))
    : MIN_HASHTAGS + 1;

/**
 * 3–5 hashtags: the topic's and the expertise's curated tags first (leaving room for at least
 * one broad framework tag), then the framework's defaults, then general ones.
 */
export function chooseHashtags(
  topic: string,
  expertise: readonly string[],
  framework: FrameworkId,
  count = 4,
  avoid: readonly string[] = [],
): string[] {
  const n = clampCount(count);
  const specific = dedupeAllowed([...tagsIn(topic), ...tagsIn(expertise.join(" \n "))], avoid);
  const broad = [...FRAMEWORK_HASHTAGS[framework], ...GENERAL_HASHTAGS];
  return dedupeAllowed([...specific.slice(0, n - 1), ...broad, ...specific], avoid).slice(0, n);
}

/**
 * Cleans model-suggested tags (CamelCase, no punctuation, deduped, allowed) and tops them up
 * from `chooseHashtags` so there are always 3–5.
 */
export function normalizeHashtags(
  tags: readonly string[],
  context: {
    topic: string;
    expertise: readonly string[];
    framework: FrameworkId;
    avoid: readonly string[];
  },
): string[] {
  const cleaned = tags.flatMap((tag) => toHashtag(tag) ?? []).filter((tag) => tag.length <= 40);
  const own = dedupeAllowed(cleaned, context.avoid).slice(0, MAX_HASHTAGS);
  if (own.length >= MIN_HASHTAGS) return own;
  const extra = chooseHashtags(
    context.topic,
    context.expertise,
    context.framework,
    MAX_HASHTAGS,
    context.avoid,
  );
  return dedupeAllowed([...own, ...extra], context.avoid).slice(0, MIN_HASHTAGS);
}
