import type { TSchema } from 'typebox';
import type { AppContext } from '../domain/context.js';
import type { Principal } from './principal.js';

/** What a command handler gets: the app, the authenticated principal and the socket's user agent. */
export interface CommandScope<P extends Principal> {
  ctx: AppContext;
  principal: P;
  userAgent: string | undefined;
}

export interface CommandHandler<P extends Principal> {
  schema: TSchema;
  // Data has been validated against `schema` before the handler runs.
  run(scope: CommandScope<P>, data: never): Promise<unknown>;
}

export type CommandTable<P extends Principal> = Record<string, CommandHandler<P>>;

/** Declares a handler with its data type inferred from the schema's static type. */
export function command<P extends Principal, D>(schema: TSchema, run: (scope: CommandScope<P>, data: D) => Promise<unknown>): CommandHandler<P> {
  return { schema, run: run as CommandHandler<P>['run'] };
}
