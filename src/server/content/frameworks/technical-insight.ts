import type { Framework } from "../frameworks";

export const technicalInsight: Framework = {
  id: "technical_insight",
  name: "Technical insight",
  description:
    "One hard-won technical lesson, explained with the specifics an expert would notice.",
  whenToUse:
    "You solved or keep seeing a concrete technical problem and can say what actually works.",
  sections: ["hook", "context", "insight_list", "lesson", "cta"],
  lengthTarget: { min: 850, max: 1500 },
  hooks: [
    "Most teams get {topic} wrong in the same handful of ways.",
    "{years} years of {expertise} taught me one thing about {topic}: the hard part is never the tech.",
    "I've reviewed 40+ codebases. The problems with {topic} always look the same.",
    "Unpopular opinion: {topic} is a people problem disguised as a technical one.",
    "What do the best teams do differently with {topic}? Less than you'd think.",
    "{years} years ago I shipped my first {topic} mistake to production. I still see teams repeat it.",
    "Confession: I used to overcomplicate {topic}. Here's the version that actually works.",
    "If explaining your approach to {topic} needs a wiki page, it's already too complicated.",
    "The 20-minute check on {topic} I run in every technical due diligence.",
    "Why does {topic} keep biting teams that are otherwise excellent?",
    "80% of the pain around {topic} comes from decisions nobody wrote down.",
  ],
  ctas: {
    consultation: [
      "If {topic} is on your roadmap this quarter, send me a DM. Happy to do a 20-minute sanity check, no pitch.",
      "I help {audience} untangle exactly this. If it's costing you sleep, my DMs are open.",
      "Want a second pair of eyes on your approach to {topic}? Message me and we'll find 20 minutes.",
      "If you'd like the checklist I use with clients for {topic}, DM me and I'll send it over.",
      "Working through {topic} right now? Happy to compare notes on a short call. Just send me a message.",
      "This is the kind of thing I dig into with {audience} every week. If a 30-minute call would help, reach out.",
      "Stuck on {topic}? Tell me where in a DM and I'll point you at what I'd check first.",
    ],
    discussion: [
      "Which of these has bitten your team hardest: the first one or the last one?",
      "What's the one number you actually look at every week when it comes to {topic}?",
      "What did I miss? What would you add to this list about {topic}?",
      "Where does your team draw the line on {topic}: convention, linter or code review?",
      "Has {topic} ever caused an incident at your company? What was the root cause?",
      "If you could undo one decision about {topic} from the last two years, which would it be?",
      "Agree or disagree: most problems with {topic} are really ownership problems?",
    ],
  },
  banks: {
    context: {
      lines: [
        "Every team I work with says {topic} is under control. Then we look at the last three incidents and the same root cause shows up twice.",
        "The problem is rarely a missing tool. It's that nobody owns the decision, so it gets re-made in every pull request.",
        "Most advice on {topic} is written for companies with a 40-person platform team. The {audience} I talk to don't have one.",
        "What makes {topic} tricky is that the cost stays invisible until it's urgent: a slow deploy here, a 2 a.m. page there, and a quarter is gone.",
        "I see the same pattern in {expertise} work over and over: the first version is simple, the fifth is a museum of good intentions.",
        "The teams that do this well aren't smarter. They make fewer decisions, write them down and revisit them on a schedule.",
        "In my experience, the technical fix takes a week. Getting everyone to stop working around it takes a quarter.",
        "Here is what I look for in the first hour of a review, long before anyone opens an architecture diagram.",
      ],
    },
    insight_list: {
      intros: [
        "What actually makes the difference:",
        "The short list I keep coming back to:",
        "What I'd check first:",
        "What works in practice:",
      ],
      lines: [
        "Write the decision down on one page, with the options you rejected and why.",
        "Measure lead time and change-failure rate before and after, not just 'it feels faster'.",
        "Pick one owner. Shared ownership means nobody is on the hook at 2 a.m.",
        "Delete before you add: every new tool should retire an old one.",
        "Put the risky path behind a feature flag so you can back out in minutes, not days.",
        "Make the default path the easy path: templates, generators, a paved road.",
        "Review it quarterly with real numbers: cost, incidents, time to restore.",
        "Break it on purpose in staging before production does it for you.",
        "Keep the blast radius small: one service, one team, one week, then widen.",
        "Automate the boring checks; spend review time on the judgment calls.",
      ],
    },
    lesson: {
      lines: [
        "The best setup for {topic} is the one your newest engineer can explain in two minutes.",
        "Simple, written down and owned beats clever every single time.",
        "Tools don't fix {topic}. Clear ownership and a short feedback loop do.",
        "If you can't measure whether it got better, you're not improving it, you're just changing it.",
        "Boring technology, explicit decisions, short feedback loops. That's the whole trick.",
        "Treat it as a product with users, not a project with an end date.",
        "Most of the win comes from the first 20% of the effort. Stop there, measure, then decide.",
        "The goal isn't a perfect system. It's one your team can change safely on a Friday afternoon.",
      ],
    },
  },
};
