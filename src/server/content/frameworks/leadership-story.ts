import type { Framework } from "../frameworks";

export const leadershipStory: Framework = {
  id: "leadership_story",
  name: "Leadership story",
  description:
    "A short first-person story from leading engineers, the turn it took and the lesson.",
  whenToUse:
    "You have a real moment (a mistake, a conflict, a turnaround) that other leaders will recognise.",
  sections: ["hook", "story", "turning_point", "insight_list", "lesson", "cta"],
  lengthTarget: { min: 900, max: 1600 },
  hooks: [
    "{years} years ago I almost lost my best engineer. It wasn't about money.",
    "The worst decision I made as a leader looked great on paper.",
    "Confession: the first time I led a team through {topic}, I made it harder for everyone.",
    "I once spent three months fixing the wrong problem. {topic} was the real one.",
    "A junior engineer asked me a question about {topic} that changed how I lead.",
    "My most expensive leadership lesson cost a client a quarter of roadmap.",
    "I've managed 60+ engineers. My hardest lesson about {topic} came from a one-line Slack message.",
    "I used to think {topic} was a process problem. Then I watched a great team fall apart.",
    "What do you do when your best engineer is also your biggest bottleneck?",
    "The day I stopped being the smartest person in the room, my team got faster.",
    "As a {role}, I learned the hard way that {topic} is won or lost in one-on-ones, not all-hands.",
    "After {years} years of leading engineers, this is the story I tell every new manager.",
  ],
  ctas: {
    consultation: [
      "If you're leading a team through {topic} and want a sounding board, my DMs are open.",
      "I coach {audience} through moments exactly like this. If a 30-minute conversation would help, send me a message.",
      "Going through something similar? Happy to share what I'd try first. Just DM me.",
      "If this one hit close to home, reach out. Talking it through with someone outside the team helps more than you'd think.",
      "I run short, confidential sessions for {audience} facing this. Message me if you'd like one.",
      "If your team is stuck on {topic}, tell me what's going on in a DM and I'll share how I'd approach it.",
    ],
    discussion: [
      "What's the leadership lesson that cost you the most to learn?",
      "Have you ever been the bottleneck on your own team? How did you notice?",
      "What's one thing you'd tell yourself on your first day as a manager?",
      "When did a team member teach you something about {topic} you'd missed?",
      "What's the hardest conversation you've had to have about {topic}, and how did it go?",
      "Which would you fix first in this story: the process, the ownership or the conversation?",
    ],
  },
  banks: {
    story: {
      lines: [
        "A few years back I inherited a team that shipped every two weeks and still missed every date. Everyone was busy, the board was full and standups ran long. But when I asked five engineers what 'done' meant, I got five different answers.",
        "At one client, the lead engineer reviewed every pull request personally. Quality was great and nobody wanted to say anything. Meanwhile PRs waited two days for review, and he was quietly working evenings to keep up.",
        "Early in my career I pushed for a rewrite because the old system 'felt wrong'. I was convincing, and I was senior enough that nobody pushed back. Nine months later we had two systems, half the features and a very tired team.",
        "We had a critical incident on a Friday night. The fix itself took 20 minutes. Finding the one person who knew where the config lived took three hours, and she was at her sister's wedding.",
        "I once promoted the strongest engineer on the team to lead, because it felt like the obvious reward. He hated the meetings and missed the code. Six months later we had lost a great engineer and gained a struggling manager.",
        "A team I coached kept missing sprint goals. Every retro ended with 'we need to estimate better'. When we finally tracked it, half their week went to interruptions, support requests and 'quick questions' nobody had ever counted.",
        "When I started working on {topic} with one scale-up, the first thing I noticed was that every decision went through the CTO, down to which logging library to use. He was exhausted. The team had stopped proposing anything.",
      ],
    },
    turning_point: {
      lines: [
        "What changed things wasn't a new framework. It was one honest conversation about what we were actually optimising for, and the admission that it wasn't the same thing for everyone in the room.",
        "The turning point came when I stopped asking who was to blame and started asking what made this the easy mistake to make. The answers were all about the system, not the people.",
        "So we tried something small: for four weeks, we wrote down every decision and who made it. By week two the pattern was obvious to everyone, including me.",
        "I got it wrong first. I added process: more check-ins, more tickets, more status. It took me a month to admit the problem was how I was leading, not how they were working.",
        "What worked was boring: a clear owner for each area, a written expectation of what good looks like and a 15-minute check-in every week. No reorg, no new tool.",
        "The fix was to make the invisible work visible. Once it was on the board next to the feature work, the conversation about priorities changed within a sprint.",
        "We stopped measuring activity and started measuring outcomes: lead time, incidents, what customers actually got. It was uncomfortable for about two weeks, then it was a relief.",
      ],
    },
    insight_list: {
      intros: ["What I took from it:", "What I'd do again:", "What stuck with me:"],
      lines: [
        "People don't resist change. They resist surprises.",
        "If everything needs your approval, you are the bottleneck, not the process.",
        "Your strongest engineer and your next manager are rarely the same person.",
        "Write expectations down. Memory is a terrible source of truth.",
        "Psychological safety isn't softness. It's how you hear about problems while they're still cheap.",
        "A team's speed is set by its slowest handoff, not its fastest engineer.",
        "Delegating the task without the context is just delegating the blame.",
        "Say the uncomfortable thing early. It only gets more expensive.",
      ],
    },
    lesson: {
      lines: [
        "Leading through {topic} isn't about having the answer. It's about making it safe to say the answer out loud.",
        "The job isn't to be the best engineer in the room anymore. It's to build a room where good engineering happens without you.",
        "Every lesson I've learned about leading engineers was expensive. Sharing them is how I make them cheaper for you.",
        "Most team problems are system problems wearing a person's name tag.",
        "Fix the system first. If there's still a people problem after that, at least you'll be able to see it.",
        "The teams I'm proudest of don't need me in the room. That was the goal all along.",
      ],
    },
  },
};
