import type { Framework } from "../frameworks";

export const teamBuilding: Framework = {
  id: "team_building",
  name: "Team building",
  description: "How to shape an engineering team that ships: structure, ownership, habits.",
  whenToUse: "You built, grew or turned around a team and can share the playbook that worked.",
  sections: ["hook", "context", "steps", "lesson", "cta"],
  lengthTarget: { min: 800, max: 1400 },
  hooks: [
    "I've built engineering teams from 0 to 40. The first 5 hires decide almost everything.",
    "Your team's culture isn't what's on the careers page. It's what happens in the first incident.",
    "Hiring more engineers rarely makes a team faster. Here's what does.",
    "{years} years of building teams taught me this: great teams are designed, not hired.",
    "Why do teams full of strong engineers still struggle with {topic}?",
    "The best team I ever led had no rockstars. That was the point.",
    "Confession: my first team-building plan was a hiring plan. It failed.",
    "What makes a new engineer productive in week one instead of month three?",
    "A team that can't disagree in the open will disagree in production.",
    "Most 'team problems' around {topic} are really clarity problems.",
    "If you're building a team around {expertise}, get these basics right before the next hire.",
  ],
  ctas: {
    consultation: [
      "Growing or reshaping a team this year? Send me a DM and I'll share the first-90-days plan I use with clients.",
      "I help {audience} build teams that ship without heroics. If that's your challenge, my DMs are open.",
      "If {topic} is slowing your team down, a 30-minute outside view often finds the knot. Happy to talk.",
      "Want my onboarding template for engineers? Message me and I'll send it.",
      "Planning your next few hires? Let's talk before you write the job description. Just reach out.",
      "If your team feels busy but not fast, DM me what's going on and I'll tell you where I'd look first.",
    ],
    discussion: [
      "What's the one practice that made the biggest difference to your team?",
      "How long does it take a new engineer on your team to ship to production?",
      "Which of these would be hardest to introduce where you work, and why?",
      "What's the best onboarding you've ever had as an engineer?",
      "How does your team make decisions when the tech lead isn't in the room?",
      "What's one thing you'd stop doing tomorrow to make your team faster?",
    ],
  },
  banks: {
    context: {
      lines: [
        "When a team struggles, leaders reach for hiring or a reorg. Both are slow, expensive and often aimed at the wrong problem.",
        "The strong teams I've worked with share three things: a clear mission, explicit ownership and a safe way to disagree.",
        "For {audience}, the constraint is rarely talent. It's focus: too many priorities for too few people.",
        "I was asked to help a team that had doubled in a year. Output had stayed flat. The new hires were waiting on the old ones.",
        "Teams don't form by putting people in the same channel. They form by shipping something hard together.",
        "On {topic}, the teams that do well agree on how they work before arguing about what they build.",
      ],
    },
    steps: {
      intros: [
        "What I put in place, in this order:",
        "The playbook I use:",
        "What actually worked:",
      ],
      ordered: true,
      lines: [
        "Write a one-paragraph team mission, plus a list of what the team does not own.",
        "Give every service and every recurring decision a named owner.",
        "Agree on how decisions get made: who decides, who is consulted, by when.",
        "Make onboarding a product: a first-week plan, a buddy and a real change shipped by Friday.",
        "Hold weekly one-on-ones about the person, not the status update.",
        "Limit work in progress: fewer parallel projects, finished faster.",
        "Run blameless post-incident reviews and publish the actions.",
        "Hire for the gap you have, not the profile you admire.",
        "Celebrate the boring wins: the migration nobody noticed, the alert that got deleted.",
      ],
    },
    lesson: {
      lines: [
        "Teams are systems. Change the system and the behaviour follows.",
        "Clarity is the kindest thing a leader can give a team.",
        "You don't build a great team by hiring great people. You build it by making it easy for good people to do great work.",
        "The team you have, well organised, will beat the team you wish you had.",
        "Trust is built in small, boring moments. Protect those moments.",
      ],
    },
  },
};
