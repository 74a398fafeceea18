/**
 * Input fuzz: every procedure of the router, called as a signed-in owner with hostile inputs
 * derived from its zod schema (NUL bytes, lone surrogates, huge strings, far-future and invalid
 * dates, non-base64, extreme numbers, wrong types, deep objects). Bad input must come back as a
 * 4xx-style error that says what to fix, never as INTERNAL_SERVER_ERROR. Seeded and bounded in
 * time: the known hostile values for every field run first, then seeded random ones until the
 * budget is spent.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@/server/auth/sessions";
import { processNewComments } from "@/server/leads/pipeline";
import { publishedPost, storeComment, TEXTS } from "@/server/leads/testing/fixtures";
import { callerFor, testServices, uniqueEmail } from "@/server/testing/fixtures";
import { approvedPost, orgWithSandboxAccount } from "@/server/testing/linkedin";
import {
  type AnyProcedure,
  callProcedure,
  inputSchemaOf,
  type JsonSchema,
  procedures,
  sample,
} from "@/server/testing/procedures";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_208);
const RANDOM_BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 20_000);

type Path = (string | number)[];
interface Leaf {
  path: Path;
  schema: JsonSchema;
}

/** Every field of the input the sample fills, with the schema it must satisfy. */
function leaves(s: JsonSchema, path: Path = []): Leaf[] {
  if (s.anyOf) return leaves(s.anyOf.find((o) => o.type !== "null") ?? s.anyOf[0]!, path);
  const own = path.length > 0 ? [{ path, schema: s }] : [];
  if (s.type === "object") {
    return [
      ...own,
      ...Object.entries(s.properties ?? {}).flatMap(([k, v]) => leaves(v, [...path, k])),
    ];
  }
  if (s.type === "array" && s.items) return [...own, ...leaves(s.items, [...path, 0])];
  return own;
}

function withValue(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = withValue(copy[head], rest, value);
  return copy;
}

/** A string the schema's length bounds accept, carrying `bad` near the start. */
function fitted(s: JsonSchema, bad: string): string {
  return `Fuzz${bad}value`.padEnd(s.minLength ?? 0, "x").slice(0, s.maxLength ?? 200);
}

function deep(levels: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = { a: value, b: [value] };
  return value;
}

const FAR_DATES = [
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date(Number.NaN),
  new Date("9999-12-31T23:59:59Z"),
  "+275760-09-13T00:00:00.000Z",
  "not a date",
  1e300,
];
const NUMBERS = [-1, -1e308, 1e308, Number.NaN, Infinity, -Infinity, 2 ** 63, 0.5, "1"];
const WRONG_TYPES = [null, "x", 42, true, [], {}, deep(200)];

/** The known hostile values for one field, chosen by what the field is. */
function hostileFor(leaf: Leaf, base: unknown): unknown[] {
  const s = leaf.schema;
  if (s.type === "string" && s.format === "date-time") return [...FAR_DATES, ...WRONG_TYPES];
  if (s.type === "string" && !s.enum) {
    return [
      fitted(s, "\u0000"),
      "\u0000",
      fitted(s, "\uD800"),
      fitted(s, "\uDC00x"),
      "\uDBFF",
      fitted(s, "%_\\'\""),
      fitted(s, " !!not*base64$$ "),
      "🙂".repeat(Math.min(s.maxLength ?? 10, 10_000)),
      "x".repeat(2_000_000),
      "",
      ...WRONG_TYPES,
    ];
  }
  if (s.type === "number" || s.type === "integer") return [...NUMBERS, ...WRONG_TYPES];
  if (s.type === "array") {
    const item = (base as unknown[] | undefined)?.[0];
    return [Array.from({ length: 10_000 }, () => item), [null], [deep(200)], ...WRONG_TYPES];
  }
  return WRONG_TYPES;
}

/** Seeded random values: strings of any UTF-16 code units, any JSON-ish value, any date. */
const randomValue = fc.oneof(
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    maxLength: 300,
  }),
  fc.date({ noInvalidDate: false }),
  fc.double(),
  fc.bigInt().map(Number),
  fc.anything({ maxDepth: 4 }),
);

/** How a failing input reads in the report: long strings cut, control characters escaped. */
function show(input: unknown): string {
  const text = JSON.stringify(input, (_k, v: unknown) =>
    typeof v === "string" && v.length > 60 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
  );
  return (text ?? String(input)).slice(0, 300);
}

/** Destructive procedures last, so the rows the others aim at still exist while they run. */
const DESTRUCTIVE = /delete|remove|leave|disconnect|revoke|merge|signOut/i;

describe("input fuzz", () => {
  const services = testServices();
  let ownerId: string;
  let orgId: string;
  let ids: Record<string, string>;
  let approvedId: string;

  beforeAll(async () => {
    const world = await orgWithSandboxAccount(services, "Fuzz Org");
    ownerId = world.user.id;
    orgId = world.org.id;
    const api = await owner();
    approvedId = (await approvedPost(api, "Fuzzing the inputs of every procedure.")).id;
    const [draft] = (
      await api.content.generate({ topic: "Platform teams", frameworks: ["technical_insight"] })
    ).posts;
    const published = await publishedPost(services, orgId);
    const comment = await storeComment(services, orgId, published.id, {
      authorMemberUrn: "urn:li:person:fuzz",
      authorName: "Fuzz Lead",
      text: TEXTS.critical,
    });
    await processNewComments(services, { organizationId: orgId, commentIds: [comment.id] });
    const lead = (await api.lead.list({})).items[0]!;
    const invitation = await api.invitation.create({ email: uniqueEmail("fuzz"), role: "member" });
    ids = {
      postId: draft!.id,
      leadId: lead.id,
      keepId: lead.id,
      mergeId: lead.id,
      accountId: world.account.id,
      invitationId: invitation.id,
      userId: ownerId,
      organizationId: orgId,
    };
  });

  /** A fresh owner session per call, so sign-out procedures don't end the run. */
  async function owner() {
    const { token } = await createSession(services, ownerId, { activeOrganizationId: orgId });
    return callerFor(services, token);
  }

  function baseInput(path: string, procedure: AnyProcedure) {
    const json = inputSchemaOf(procedure);
    // Scheduling and publishing need an approved post; editing and review need a draft.
    const idFor = (key: string) =>
      key === "postId" && /^(scheduling|linkedin)\./.test(path)
        ? approvedId
        : (ids[key] ?? crypto.randomUUID());
    return { json, base: json ? sample(json, idFor) : undefined };
  }

  it("no hostile input makes any procedure fail with INTERNAL_SERVER_ERROR", async () => {
    const internal: string[] = [];
    let calls = 0;
    async function attempt(path: string, input: unknown) {
      calls++;
      const result = await callProcedure(await owner(), path, input);
      if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
        internal.push(`${path}(${show(input)}): ${result.error.message.slice(0, 200)}`);
      }
    }

    const ordered = procedures
      .filter(([, p]) => p._def.type !== "subscription")
      .sort(([a], [b]) => Number(DESTRUCTIVE.test(a)) - Number(DESTRUCTIVE.test(b)));

    for (const [path, procedure] of ordered) {
      const { json, base } = baseInput(path, procedure);
      for (const whole of WRONG_TYPES) await attempt(path, whole);
      if (!json) continue;
      for (const leaf of leaves(json)) {
        for (const value of hostileFor(leaf, base)) {
          await attempt(path, withValue(base, leaf.path, value));
        }
      }
    }
    const known = calls;

    const rng = fc.sample(fc.tuple(fc.nat(), randomValue), { seed: SEED, numRuns: 100_000 });
    const deadline = Date.now() + RANDOM_BUDGET_MS;
    for (let i = 0; Date.now() < deadline && i < rng.length; i++) {
      const [pick, value] = rng[i]!;
      const [path, procedure] = ordered[pick % ordered.length]!;
      const { json, base } = baseInput(path, procedure);
      const fields = json ? leaves(json) : [];
      const leaf = fields[Math.floor(pick / ordered.length) % (fields.length + 1)];
      await attempt(path, leaf ? withValue(base, leaf.path, value) : value);
    }

    console.info(
      `input fuzz (seed ${SEED}): ${calls} calls, ${known} known hostile values, ${calls - known} random`,
    );
    expect(internal).toEqual([]);
  }, 600_000);
});
