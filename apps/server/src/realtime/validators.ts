import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { DomainError } from '../domain/errors.js';

const compiled = new WeakMap<TSchema, ReturnType<typeof Compile>>();

/** A cached checker for a command schema; failures become `validation_failed` with the first problem. */
export function validator(schema: TSchema): (data: unknown) => void {
  let check = compiled.get(schema);
  if (!check) {
    check = Compile(schema);
    compiled.set(schema, check);
  }
  const checker = check;
  return (data) => {
    if (checker.Check(data)) return;
    const first = [...checker.Errors(data)].find((e) => e.keyword !== 'boolean') ?? [...checker.Errors(data)][0];
    const where = first?.instancePath || '/';
    throw new DomainError('validation_failed', first ? `${where} ${first.message}` : undefined);
  };
}
