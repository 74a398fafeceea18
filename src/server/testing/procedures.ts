/**
 * Walks appRouter for harnesses that call every procedure (tenant isolation, input fuzz): the
 * procedures with their zod inputs as JSON Schema, and valid-looking sample inputs built from them.
 */
import { z } from "zod";
import { appRouter } from "@/server/api/root";
import type { callerFor } from "./fixtures";

export type AnyProcedure = {
  _def: {
    type: "query" | "mutation" | "subscription";
    meta?: { scope?: string };
    inputs: z.ZodType[];
  };
};

export const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyProcedure>,
);

export type JsonSchema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};

/** The procedure's input schema, or null without one; dates show as `format: "date-time"`. */
export function inputSchemaOf(procedure: AnyProcedure): JsonSchema | null {
  const parser = procedure._def.inputs[0];
  if (!parser) return null;
  return z.toJSONSchema(parser, {
    unrepresentable: "any",
    io: "input",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "date") Object.assign(jsonSchema, DATE);
    },
  }) as JsonSchema;
}

const DATE: JsonSchema = { type: "string", format: "date-time" };

/** A valid-looking value for the schema in which every id field carries `id` (or `id(key)`). */
export function sample(s: JsonSchema, id: string | ((key: string) => string), key = ""): unknown {
  if (s.anyOf) return sample(s.anyOf.find((o) => o.type !== "null") ?? s.anyOf[0]!, id, key);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case "object":
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, id, k)]),
      );
    case "array":
      return s.items ? [sample(s.items, id, key)] : [];
    case "string":
      if (s.format === "date-time") return new Date();
      if (s.format === "uuid" || /id$/i.test(key)) return typeof id === "string" ? id : id(key);
      if (s.format === "email" || /email/i.test(key)) return "isolation-probe@example.com";
      if (/zone/i.test(key)) return "Europe/Berlin";
      return "Isolation probe value".padEnd(s.minLength ?? 0, "x").slice(0, s.maxLength ?? 200);
    case "integer":
    case "number":
      return s.minimum ?? 1;
    case "boolean":
      return false;
    default:
      return undefined;
  }
}

export function inputsFor(procedure: AnyProcedure, ids: string[]): unknown[] {
  const json = inputSchemaOf(procedure);
  if (!json) return [undefined];
  return ids.map((id) => sample(json, id));
}

export type CallResult =
  | { ok: true; output: unknown }
  | { ok: false; error: { code?: string; message: string } };

/** Calls `path` ("post.get") on a caller, catching what it throws. */
export async function callProcedure(
  caller: Awaited<ReturnType<typeof callerFor>>,
  path: string,
  input: unknown,
): Promise<CallResult> {
  const fn = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  try {
    return { ok: true, output: await (fn as (i: unknown) => Promise<unknown>)(input) };
  } catch (error) {
    return { ok: false, error: error as { code?: string; message: string } };
  }
}
