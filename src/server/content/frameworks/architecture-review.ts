import type { Framework } from "../frameworks";

export const architectureReview: Framework = {
  id: "architecture_review",
  name: "Architecture review",
  description: "What a real review turned up, why it mattered and the ordered fix plan.",
  whenToUse:
    "You reviewed a system (anonymised) and can share concrete findings and recommendations.",
  sections: ["hook", "context", "findings", "steps", "lesson", "cta"],
  lengthTarget: { min: 1050, max: 1800 },
  hooks: [
    "I reviewed an architecture for {topic} last month. The diagram was beautiful. Production wasn't.",
    "Architecture reviews rarely fail on technology. They fail on the questions nobody asked.",
    "In every architecture review I run, I ask the same first question. It's not about {topic}.",
    "The most common finding in my reviews this year? Accidental complexity around {topic}.",
    "A system that needs 14 services to send an email has an architecture problem, not a scaling problem.",
    "{years} years of architecture reviews, and the root cause is almost never the framework.",
    "What would break first if your traffic doubled tomorrow? Most teams guess wrong.",
    "Confession: the first design I drew for {topic} had every pattern in the book. That was the problem.",
    "Here's what I actually look at when a client asks me to review their approach to {expertise}.",
    "Your architecture diagram is lying to you. Here's how to find out where.",
    "You don't need a rewrite. You need to find the few places where your design for {topic} fights your team.",
  ],
  ctas: {
    consultation: [
      "If you'd like a fresh pair of eyes on your architecture for {topic}, send me a DM. I do focused two-week reviews.",
      "I run architecture reviews for {audience}. If something here sounded familiar, my DMs are open.",
      "Want the review checklist I use with clients? Message me and I'll send it over.",
      "Planning a big change around {topic}? A short review before you start is the cheapest insurance there is. Happy to talk.",
      "If your team is debating a rewrite, let's talk first. Twenty minutes can save a quarter.",
      "Curious what a review would find in your system? Reach out and I'll tell you how I'd scope it.",
    ],
    discussion: [
      "Be honest: which of these findings shows up in your system?",
      "What's the first thing you look at when you inherit a system?",
      "What's the scariest 'temporary' component you've found in production?",
      "How do you keep architecture decisions from living only in people's heads?",
      "What would you add to this fix plan, and in what order?",
      "When did a review last change your mind about {topic}?",
    ],
  },
  banks: {
    context: {
      lines: [
        "The brief was simple: 'tell us if this will scale'. The honest answer was 'it will, but your team won't'.",
        "Most reviews I do start the same way: a clean diagram, a confident team and a deploy process nobody has written down.",
        "I don't start with the code. I start with the last five incidents, the deploy pipeline and the on-call rota. They show where the architecture really is.",
        "The system had grown by addition for four years. Every piece made sense on its own. Together, they made every change expensive.",
        "With {topic}, the risks hide in the seams: between services, between teams, between what the diagram says and what the load balancer does.",
        "What I look for is not elegance. It's how long a safe change takes, end to end.",
      ],
    },
    findings: {
      intros: ["What the review found:", "Typical findings:", "What usually turns up:"],
      lines: [
        "Synchronous calls chained five deep, so one slow dependency stalls every request.",
        "A shared database four services write to, with no clear owner of the schema.",
        "Retries without backoff or idempotency keys, turning a blip into an outage.",
        "No timeouts on outbound HTTP calls. The default is usually 'forever'.",
        "Secrets in environment files, copied between environments by hand.",
        "A queue used as a database, with messages that live for weeks.",
        "Dashboards for CPU and memory, none for what customers feel: latency and errors.",
        "Feature flags that were never removed, doubling the paths to test.",
        "A 'temporary' cron job that now runs billing.",
      ],
    },
    steps: {
      intros: ["What I recommended, in order:", "The fix plan:", "Where I'd start:"],
      ordered: true,
      lines: [
        "Set timeouts and budgets on every network call, then alert on them.",
        "Give every table one owning service. Everyone else goes through its API or its events.",
        "Make writes idempotent before adding any more retries.",
        "Write a one-page decision record for the three most debated choices.",
        "Cut the critical path to the calls that are truly needed; make the rest asynchronous.",
        "Add a service-level objective for the user journey that pays the bills.",
        "Delete dead flags and code paths before building anything new.",
        "Run a game day: kill a dependency in staging and watch what happens.",
      ],
    },
    lesson: {
      lines: [
        "Good architecture isn't the diagram. It's how cheaply your team can change its mind.",
        "Most systems don't need a rewrite. They need fewer surprises.",
        "Optimise for the team you have, not the architecture you saw at a conference.",
        "A review is only useful if it ends with a short, ordered list someone owns.",
        "Complexity is a cost you pay on every change. Spend it where customers notice.",
      ],
    },
  },
};
