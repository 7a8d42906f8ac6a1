/**
 * W8: the visitor's side of a running flow, with the visitor token like the other widget routes:
 * start the chat by picking an answer of the flow's opening question, pick a question's answer,
 * fill a capture card. `{ applied: false }` means that card had been answered already (a double
 * submit) and nothing changed.
 */
import { ConversationIdParams, FlowAnswerSchema, FlowCaptureSchema, FlowStartSchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { answerQuestion, submitCapture } from '../../domain/flows/flowCommands.js';
import { startByAnswer } from '../../domain/flows/startByAnswer.js';
import { requireVisitor } from '../auth.js';

const tags = ['widget'];
const bearer = [{ visitorToken: [] }];

export async function flowRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireVisitor(ctx);

  app.post(
    '/api/widget/flow/start',
    {
      schema: {
        tags,
        summary:
          'Start a conversation by picking answer `answerIndex` of the opening question (WidgetConfig.flowOpening): the welcome, the opening and the answer are stored and the flow runs on. 201 { message, duplicate } with the answer line; refused like a first message (identification_required, email_required, consent_required), flow_card_not_waiting when the opening changed or the visitor has an open conversation',
        body: FlowStartSchema,
        security: bearer,
      },
      preHandler,
    },
    async (request, reply) => {
      const result = await startByAnswer(ctx, request.visitor!, request.body);
      return reply.code(result.duplicate ? 200 : 201).send(result);
    },
  );

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
