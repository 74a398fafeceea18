import type { Framework } from "../frameworks";

export const controversialTake: Framework = {
  id: "controversial_take",
  name: "Controversial take",
  description:
    "A clear, defensible position against conventional wisdom, with evidence and nuance.",
  whenToUse:
    "You disagree with a popular practice and can back it up with what you've seen in real teams.",
  sections: ["hook", "claim", "evidence", "counterpoint", "lesson", "cta"],
  lengthTarget: { min: 750, max: 1400 },
  hooks: [
    "Unpopular opinion: most companies don't have a {topic} problem. They have a decision problem.",
    "Hot take: most teams under 50 engineers are overthinking {topic}.",
    "I'm going to say what nobody in the room wants to say about {topic}.",
    "Stop copying Big Tech's approach to {topic}. You don't have their problems.",
    "90% of the advice on {topic} in this feed is written for companies you don't work at.",
    "The answer to {topic} isn't another tool. Here's what I'd do instead.",
    "Controversial, but after {years} years I'm sure of it: the standard advice on {topic} slows good teams down.",
    "Is your approach to {topic} making your team better, or just busier?",
    "I've changed my mind on {topic}. Here's why.",
    "Confession: I used to preach the standard advice on {topic}. I was wrong.",
    "Everyone seems to agree on how to handle {topic}. That's exactly why I'm suspicious.",
    "The best engineering leaders I know quietly ignore the conventional wisdom on {topic}.",
  ],
  ctas: {
    consultation: [
      "If you're weighing {topic} and want a candid outside view, send me a DM. I'll tell you what I'd do, even if it's unfashionable.",
      "I help {audience} cut through the hype on decisions like this. If that's useful, my DMs are open.",
      "Not sure whether {topic} fits your context? Message me and we'll sanity-check it in 20 minutes.",
      "If your team is mid-debate on {topic}, I'm happy to play devil's advocate on a short call. Just reach out.",
      "Want the questions I ask clients before they commit to {topic}? DM me and I'll send them.",
      "If this challenged something you're about to commit to, let's talk it through before you do. DMs open.",
    ],
    discussion: [
      "Where do you disagree? What's the strongest case for the standard approach to {topic}?",
      "Has the standard approach to {topic} paid off for your team? What would you measure to prove it?",
      "What's a best practice you quietly stopped following, and what happened?",
      "Am I wrong? In what context is the conventional take on {topic} clearly right?",
      "Which industry default do you think is most overdue for a rethink?",
      "What would it take to change your mind on {topic}?",
    ],
  },
  banks: {
    claim: {
      lines: [
        "Here's my position: the default approach to {topic} optimises for looking mature, not for shipping.",
        "I'm not saying it's useless. I'm saying it's a tool with a cost, and most teams never write the cost down.",
        "The conventional wisdom made sense at a different scale, with different constraints. Most of us aren't there.",
        "What I see in practice: teams adopt the pattern first and discover the problem it solves second. Sometimes never.",
        "The industry treats this as a best practice. I treat it as a trade-off that has to earn its place.",
        "The trouble isn't the idea. It's that it becomes a badge, and nobody questions a badge.",
      ],
    },
    evidence: {
      intros: [
        "What I've seen across client teams:",
        "The evidence, from the trenches:",
        "Why I think so:",
      ],
      lines: [
        "The teams with the most process weren't the most reliable. The ones with the fastest rollback were.",
        "Every extra service added a network hop, a dashboard and an on-call rotation.",
        "Migrations sold as 'six weeks' routinely took two or three quarters.",
        "The metric that improved was the one on the slide. Lead time got worse.",
        "New hires spent their first month learning the tooling instead of the product.",
        "The cost showed up on the cloud bill long before it showed up in a retro.",
        "Most of the decisions were reversible, and we still treated them like one-way doors.",
        "When one team removed it, nobody noticed for three weeks. Then someone asked why deploys were faster.",
      ],
    },
    counterpoint: {
      lines: [
        "To be fair: at real scale, with dedicated teams, the calculus changes. If that's you, ignore me.",
        "There are good reasons to do it. 'Everyone else does' just isn't one of them.",
        "I'll grant the other side this: done deliberately, with a clear owner, it can pay off.",
        "Where I'd push back on myself: regulated environments sometimes leave you no choice.",
        "The nuance matters. The problem is that nuance doesn't fit on a conference slide.",
      ],
    },
    lesson: {
      lines: [
        "Question the default. Write down what it costs. Then decide. That's all I'm asking.",
        "Best practices are someone else's answer to someone else's problem.",
        "Your context beats their playbook. Every time.",
        "If you can't explain why you're doing it without naming a famous company, stop.",
        "Fewer moving parts, owned by fewer people, changed more often. That's the unglamorous answer.",
        "Be suspicious of any practice nobody is allowed to question.",
      ],
    },
  },
};
