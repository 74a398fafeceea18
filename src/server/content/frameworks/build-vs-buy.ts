import type { Framework } from "../frameworks";

export const buildVsBuy: Framework = {
  id: "build_vs_buy",
  name: "Build vs buy",
  description:
    "A decision guide: when to build in-house, when to buy, and how to tell the difference.",
  whenToUse:
    "A client or your audience faces a build-or-buy call and needs criteria, not opinions.",
  sections: ["hook", "context", "build_case", "buy_case", "lesson", "cta"],
  lengthTarget: { min: 1000, max: 1700 },
  hooks: [
    "We almost spent 6 months building something we could have bought for $400 a month.",
    "Build or buy {topic}? I've watched both choices sink a roadmap.",
    "The most expensive code at most startups is the code that didn't need to exist.",
    "Every CTO I know has a 'we should have just bought it' story. Here's mine.",
    "Buying is not the safe choice for {topic}. Neither is building. Here's how I decide.",
    "A founder asked me last week whether to build {topic} in-house. My answer started with a question.",
    "{years} years of build-vs-buy calls taught me to ask one question first.",
    "Your engineers want to build {topic}. Your CFO wants to buy it. Both might be wrong.",
    "Is {topic} your competitive advantage, or is it plumbing?",
    "Hot take: 'not invented here' costs more than any SaaS subscription.",
    "Confession: I once talked a client into building when they should have bought. It cost them two quarters.",
    "The vendor demo for {topic} looked perfect. Eighteen months later we were migrating off it.",
  ],
  ctas: {
    consultation: [
      "Facing a build-or-buy call on {topic}? Send me a DM and I'll walk you through the three-year cost model I use with clients.",
      "I help {audience} make this call without a six-month detour. If it's on your desk right now, my DMs are open.",
      "Want a neutral second opinion before you sign that vendor contract? Message me; I don't take referral fees.",
      "If your team is split on building {topic} in-house, a 30-minute outside view can save a quarter. Send me a message.",
      "I've got a one-page build-vs-buy scorecard. DM me and I'll share it.",
      "Deciding on {topic} this quarter? Reach out and we'll pressure-test both options together.",
    ],
    discussion: [
      "What's the build-vs-buy decision you'd reverse if you could?",
      "Where do you draw the line: what will you always build, and what will you always buy?",
      "Has a vendor ever been acquired or sunset under you? How long did the migration take?",
      "Would you build {topic} in-house today? Why or why not?",
      "What's the hidden cost of buying that nobody puts in the spreadsheet?",
      "Which matters more in your context: control or speed?",
    ],
  },
  banks: {
    context: {
      lines: [
        "The sticker price is never the real comparison. Building means owning it forever: on-call, upgrades, security patches and the engineer who leaves with the knowledge.",
        "Buying isn't free: you inherit someone else's roadmap, pricing changes and outage schedule.",
        "The question I start with: if this works perfectly, would a customer ever notice? If not, it's plumbing.",
        "Most build-vs-buy debates are really debates about control. Name that explicitly and the discussion gets shorter.",
        "In my experience, building costs three to five times the first estimate over three years, once maintenance is counted.",
        "For {topic}, I map it on two axes: how differentiating it is, and how fast the problem space is moving.",
      ],
    },
    build_case: {
      intros: ["Build when:", "I lean towards building when:"],
      lines: [
        "It's core to how you win, and customers would feel the difference.",
        "Your requirements are genuinely unusual, not just 'we're special'.",
        "Every vendor forces a data model that fights yours.",
        "You have a team that can own it for years, not a hero for a quarter.",
        "Compliance or data residency rules out every credible vendor.",
        "The integration would cost more than the thing itself.",
      ],
    },
    buy_case: {
      intros: ["Buy when:", "I lean towards buying when:"],
      lines: [
        "It's solved, boring and the same at every company: auth, billing, email, feature flags.",
        "Speed to market matters more than a perfect fit this year.",
        "The vendor's team is bigger than your whole engineering org.",
        "You can export your data and leave within a quarter if you have to.",
        "The total cost over three years is less than one engineer's salary.",
        "Nobody on your team wants to be on call for it at 3 a.m.",
      ],
    },
    lesson: {
      lines: [
        "Build what makes you different. Buy what makes you function.",
        "Whatever you choose, write down the exit plan on day one.",
        "The wrong choice made quickly and reversibly beats the right choice made in six months.",
        "Revisit the decision every year. What was differentiating three years ago is often a commodity now.",
        "Decide with a three-year cost estimate, not a demo and a gut feeling.",
      ],
    },
  },
};
