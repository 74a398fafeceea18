import type { Framework } from "../frameworks";

export const startupScaling: Framework = {
  id: "startup_scaling",
  name: "Startup scaling",
  description:
    "What breaks as a startup's engineering grows, in what order, and what to fix first.",
  whenToUse: "Your audience is founders or early CTOs about to grow the team or the product.",
  sections: ["hook", "context", "insight_list", "warning_signs", "lesson", "cta"],
  lengthTarget: { min: 1000, max: 1700 },
  hooks: [
    "What worked at 5 engineers will break at 25. Here's where it cracks first.",
    "I've helped startups scale from seed to Series C. The same engineering mistakes show up at every stage.",
    "Your startup doesn't have a scaling problem. It has a {topic} problem that scaling made visible.",
    "The startup that moves fastest at 10 engineers is often the slowest at 50.",
    "{years} years of scaling teams: the architecture is the easy part.",
    "Founders ask me when to hire a VP of Engineering. The better question is what you need them to fix.",
    "Confession: I once scaled the team before we'd scaled the process. We got slower with every hire.",
    "Is your startup ready for its next 10 engineers? One question will tell you.",
    "Series A money makes it tempting to rebuild everything around {topic}. Don't.",
    "Scaling a startup is mostly undoing the shortcuts that got you here, in the right order.",
    "The first thing that breaks when a startup scales isn't the database. It's communication.",
  ],
  ctas: {
    consultation: [
      "Scaling past your next funding round? Send me a DM and I'll share the stage-by-stage checklist I use with founders.",
      "I work with {audience} as a fractional technical leader through exactly this phase. If that's you, my DMs are open.",
      "If {topic} is starting to hurt, a 30-minute call now is cheaper than a reorg later. Happy to help.",
      "Want a second opinion on your engineering plan for the next 12 months? Reach out.",
      "If you're about to double the team, let's talk about what breaks first. Just send me a message.",
      "I do short scaling health checks for startups. DM me if you'd like to know what one would look at.",
    ],
    discussion: [
      "At what team size did things start breaking for you, and what broke first?",
      "Which of these warning signs are you seeing right now?",
      "Founders: what do you wish you'd fixed before your last round of hiring?",
      "What's one shortcut from the early days you're still paying for?",
      "When did your startup need its first dedicated platform or DevOps person?",
      "How did you handle {topic} as the team grew: early and deliberate, or late and urgent?",
    ],
  },
  banks: {
    context: {
      lines: [
        "Early on, speed comes from everyone knowing everything. That stops working somewhere around the 15th engineer, and nobody announces it.",
        "The shortcuts that got you to product-market fit were the right call. The mistake is not noticing when they start charging interest.",
        "With {topic}, the trap is solving next year's problems with this year's team.",
        "I see two failure modes: scaling the architecture before the team, or the team before the basics. Both burn runway.",
        "For {audience}, the question isn't 'how do we scale?'. It's 'what has to stop depending on the founders?'.",
        "Growth hides problems until it doesn't. Then they all show up in the same quarter.",
      ],
    },
    insight_list: {
      intros: [
        "Where it usually breaks, by stage:",
        "What to fix, and when:",
        "The sequence I recommend:",
      ],
      ordered: true,
      lines: [
        "Before anything else: one source of truth for priorities.",
        "At 5 engineers: skip the process, but write down how to deploy and how to roll back.",
        "At 10: introduce code review and on-call, before the first big outage forces it.",
        "At 15–20: split into teams with clear ownership, or everyone will wait on everyone.",
        "At 25+: invest in a paved road for builds, deploys and observability.",
        "At 40+: make architecture decisions explicit; hallway consensus stops scaling.",
      ],
    },
    warning_signs: {
      intros: ["Warning signs you've outgrown your setup:", "Signs it's time to act:"],
      lines: [
        "Deploys wait for one specific person.",
        "Standups run 30 minutes and nobody learns anything.",
        "The same incident happened twice this quarter.",
        "New hires take more than a month to ship to production.",
        "Roadmap dates slip and nobody can say why.",
        "The founders are still the escalation path for every technical decision.",
        "Your cloud bill grows faster than your revenue.",
      ],
    },
    lesson: {
      lines: [
        "Scale the basics before you scale the headcount.",
        "Every stage needs a different company. Rebuild the operating model on purpose, not by accident.",
        "The goal of scaling is to make the founders unnecessary for day-to-day decisions.",
        "Fix what hurts now, in the order it hurts. Resist the urge to build for 500 engineers.",
        "Runway is the real constraint. Spend engineering effort where it buys the most of it.",
      ],
    },
  },
};
