/**
 * Request validation with the TypeBox schemas from @parley/protocol. Bodies are checked strictly
 * (a number is not a string, unknown fields are refused); path and query strings are converted
 * first, since they arrive as text.
 */
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Convert } from 'typebox/value';

/**
 * Integers in paths and query strings must be written the one canonical way. TypeBox's Convert
 * goes through Number(), which reads "1.9", "1e0", "0x1", " 1" and "01" all as 1: one resource
 * would answer to many URLs (cache keys, logs and access checks disagree about what was asked).
 */
const CANONICAL_INTEGER = /^(0|-?[1-9][0-9]{0,15})$/;

/** The first integer-typed field whose raw text is not canonical decimal, if any. */
function looseInteger(schema: TSchema, data: unknown): string | null {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties;
  if (!properties || typeof data !== 'object' || data === null) return null;
  for (const [key, property] of Object.entries(properties)) {
    const raw = (data as Record<string, unknown>)[key];
    if (property.type === 'integer' && typeof raw === 'string' && !CANONICAL_INTEGER.test(raw)) return key;
  }
  return null;
}

export function useTypeBoxValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const checker = Compile(schema as TSchema);
    const convert = httpPart !== 'body';
    return (data: unknown) => {
      if (convert) {
        const loose = looseInteger(schema as TSchema, data);
        if (loose !== null) return { error: new Error(`${httpPart}/${loose} must be a whole number in plain decimal digits`) };
      }
      const value = convert ? Convert(schema as TSchema, data) : data;
      if (checker.Check(value)) return { value };
      const first = [...checker.Errors(value)].find((e) => e.keyword !== 'boolean');
      const error = new Error(first ? `${httpPart}${first.instancePath} ${first.message}` : `${httpPart} is invalid`);
      return { error };
    };
  });
}
