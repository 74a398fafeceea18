import type { Framework } from "../frameworks";

export const careerAdvice: Framework = {
  id: "career_advice",
  name: "Career advice",
  description: "Practical career guidance for engineers, grounded in a personal moment.",
  whenToUse:
    "You mentor engineers or hire them and can name the habits that actually move careers.",
  sections: ["hook", "story", "context", "insight_list", "lesson", "cta"],
  lengthTarget: { min: 900, max: 1500 },
  hooks: [
    "{years} years ago I was passed over for a promotion. It was the best thing that happened to my career.",
    "The career advice I'd give my younger self about {topic}: stop waiting for permission.",
    "Senior engineers don't get promoted for writing more code. Here's what actually moves the needle.",
    "I've sat on both sides of 300+ interviews. These habits separate senior from staff.",
    "Nobody tells you this about moving into {expertise}: the hard part is letting go of the keyboard.",
    "What's the fastest way to grow as an engineer? It's not another certification.",
    "Confession: I spent two years optimising the wrong skill.",
    "If you want to become a {role}, start doing these things before anyone gives you the title.",
    "The most underrated career skill in tech? Writing things down.",
    "Stuck at senior? It's probably not your code.",
    "I mentor engineers on {topic} every month. The same mistakes come up again and again.",
  ],
  ctas: {
    consultation: [
      "I mentor a few engineers each quarter on exactly this. If you're at that crossroads, send me a DM.",
      "If you're working on your next step and want an honest outside view, my DMs are open.",
      "Preparing for a staff or lead role? Message me and I'll share the framework I use with mentees.",
      "If your team has engineers stuck at this stage, I run short coaching sessions for {audience}. Happy to talk.",
      "Want a 20-minute career sanity check? Reach out, no strings attached.",
      "If {topic} is the thing holding your growth back, tell me about it in a DM and I'll share what helped others.",
    ],
    discussion: [
      "What's the one piece of career advice you wish you'd heard five years earlier?",
      "Which of these was hardest for you to learn?",
      "What did your best manager do that accelerated your career?",
      "Senior to staff: what was the moment you realised the job had changed?",
      "What's a career move that looked sideways but turned out to be up?",
      "If you could only develop one of these skills this year, which would you pick?",
    ],
  },
  banks: {
    story: {
      lines: [
        "Early on, I thought being the best coder on the team was the job. Then my manager told me my code was great and my impact was small. It stung for a week. She was right, and it changed what I worked on.",
        "I once spent a weekend rewriting a module nobody had asked me to touch. I was proud of it. On Monday, the team had to learn it from scratch and two releases slipped. Effort isn't impact.",
        "The engineer I saw promoted fastest wasn't the strongest coder on the team. She was the one who wrote the design doc before anyone asked, and made sure the right people read it.",
        "When I moved into {expertise}, I kept trying to win arguments with better code. It didn't work: people dug in. What actually worked was asking better questions and writing the trade-offs down.",
        "A mentee asked me why she kept getting 'meets expectations'. We looked at her last quarter together: great tickets, fast reviews, zero visible decisions. Her work was excellent and almost nobody could see it.",
        "I changed jobs three times chasing a title. The move that mattered most was a sideways one, into a team with a great lead who reviewed my design docs line by line.",
      ],
    },
    context: {
      lines: [
        "Most engineers I mentor optimise for the signal they can see: tickets closed, hours in, frameworks learned. The next level is judged on a different signal entirely.",
        "At senior and beyond, nobody measures your output line by line. They notice which problems got smaller because you were in the room.",
        "The gap between senior and staff is rarely technical. It's scope, influence and how well other people can follow your reasoning without you.",
        "For {audience}, the hardest part is that the rules change without anyone announcing it. What earned the last promotion quietly stops counting.",
        "With {topic}, the engineers who grow fastest are the ones who explain the trade-offs, not the ones who know the most tools.",
        "I see it every time {topic} comes up in mentoring: the technical answer is the easy half. Getting people to act on it is the career skill.",
      ],
    },
    insight_list: {
      intros: [
        "What I tell every engineer I mentor:",
        "What actually moves a career forward:",
        "Start with these, this week:",
      ],
      lines: [
        "Write the design doc before anyone asks for it.",
        "Make your work visible: a short weekly note beats a long annual review.",
        "Own an outcome, not a ticket queue.",
        "Learn to say 'here are two options and my recommendation'.",
        "Find the boring, painful problem everyone avoids and fix it properly.",
        "Ask for feedback on a specific decision, not 'how am I doing?'.",
        "Get good at estimating uncertainty, not just effort.",
        "Teach what you know. It's how seniors become staff.",
        "Build a relationship with product before you need one.",
      ],
    },
    lesson: {
      lines: [
        "Your career grows at the speed of your judgment, not your typing.",
        "Titles follow scope. Take the scope first.",
        "Nobody is going to hand you the next level. You demonstrate it, then it gets a name.",
        "The skills that got you to senior are table stakes for what comes next.",
        "Invest in writing and in people. Code gets rewritten; reputations compound.",
        "Careers in tech aren't ladders. They're a series of bets on problems worth solving.",
      ],
    },
  },
};
