/**
 * Route option: the OpenAPI document shows `body` in place of the schema requests are checked
 * with. For bodies whose parts are checked in the domain because a schema refusal could not say as
 * much (a chatflow's flow: its problems name the card), while the document still shows the shapes.
 */
import type { FastifyContextConfig } from 'fastify';
import type { TSchema } from 'typebox';

export function documentBodyAs(body: TSchema): FastifyContextConfig {
  return { swaggerTransform: ({ schema, url }) => ({ schema: { ...schema, body }, url }) };
}
