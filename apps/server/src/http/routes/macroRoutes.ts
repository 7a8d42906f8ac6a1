/**
 * A6 macros: every signed-in user lists the shared macros and their own, and manages their own;
 * shared ones only admins change (the domain decides, so the rule holds for every caller).
 */
import { CreateMacroSchema, IdParams, UpdateMacroSchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { createMacro, deleteMacro, listMacros, updateMacro } from '../../domain/macros/macros.js';
import { requireUser } from '../auth.js';

const tags = ['inbox: macros'];

export async function macroRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireUser(ctx);

  app.get('/api/macros', { schema: { tags, summary: 'The shared macros and my personal ones; answers { macros }' }, preHandler }, async (request) => ({
    macros: await listMacros(ctx, request.user!),
  }));

  app.post(
    '/api/macros',
    {
      schema: { tags, summary: 'Create a personal macro, or a shared one (shared: true, admins only); a shortcut already used in that scope → macro_shortcut_taken (409); answers { macro } (201)', body: CreateMacroSchema },
      preHandler,
    },
    async (request, reply) => reply.status(201).send({ macro: await createMacro(ctx, request.user!, request.body) }),
  );

  app.patch(
    '/api/macros/:id',
    { schema: { tags, summary: "Change a macro's shortcut, title or body (shared ones: admins only); answers { macro }", params: IdParams, body: UpdateMacroSchema }, preHandler },
    async (request) => ({ macro: await updateMacro(ctx, request.user!, request.params.id, request.body) }),
  );

  app.delete(
    '/api/macros/:id',
    { schema: { tags, summary: 'Delete a macro (shared ones: admins only) (204)', params: IdParams }, preHandler },
    async (request, reply) => {
      await deleteMacro(ctx, request.user!, request.params.id);
      return reply.status(204).send();
    },
  );
}
