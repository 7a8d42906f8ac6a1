/**
 * W8: the visitor's side of a running flow, with the visitor token like the other widget routes:
 * pick a question's answer, fill a capture card. `{ applied: false }` means that card had been
 * answered already (a double submit) and nothing changed.
 */
import { ConversationIdParams, FlowAnswerSchema, FlowCaptureSchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { answerQuestion, submitCapture } from '../../domain/flows/flowCommands.js';
import { requireVisitor } from '../auth.js';

const tags = ['widget'];
const bearer = [{ visitorToken: [] }];

export async function flowRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireVisitor(ctx);

  app.post(
    '/api/widget/conversations/:id/flow/answer',
    {
      schema: {
        tags,
        summary: "Pick answer `answerIndex` of the question card the chat waits at: a visitor line with its label, then the flow runs on. { applied }; flow_card_not_waiting when the chat waits elsewhere",
        params: ConversationIdParams,
        body: FlowAnswerSchema,
        security: bearer,
      },
      preHandler,
    },
    async (request) => answerQuestion(ctx, request.visitor!, request.params.id, request.body),
  );

  app.post(
    '/api/widget/conversations/:id/flow/capture',
    {
      schema: {
        tags,
        summary: "Fill the capture card the chat waits at (field → value; every field of the card, checked: validation_failed names the field). The details go to the visitor's contact; in an offline branch a lead is made once. { applied }",
        params: ConversationIdParams,
        body: FlowCaptureSchema,
        security: bearer,
      },
      preHandler,
    },
    async (request) => submitCapture(ctx, request.visitor!, request.params.id, request.body),
  );
}
