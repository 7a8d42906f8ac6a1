/**
 * Request validation with the TypeBox schemas from @parley/protocol. Bodies are checked strictly
 * (a number is not a string, unknown fields are refused); path and query strings are converted
 * first, since they arrive as text.
 */
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Convert } from 'typebox/value';

export function useTypeBoxValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const checker = Compile(schema as TSchema);
    const convert = httpPart !== 'body';
    return (data: unknown) => {
      const value = convert ? Convert(schema as TSchema, data) : data;
      if (checker.Check(value)) return { value };
      const first = [...checker.Errors(value)].find((e) => e.keyword !== 'boolean');
      const error = new Error(first ? `${httpPart}${first.instancePath} ${first.message}` : `${httpPart} is invalid`);
      return { error };
    };
  });
}
