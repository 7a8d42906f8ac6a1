/**
 * Request authentication for the two audiences: users (session cookie) and visitors (bearer
 * visitor token). Routes declare which they need; nothing is public by accident.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../domain/context.js';
import { userForSession } from '../domain/auth/sessions.js';
import { DomainError } from '../domain/errors.js';
import { assertCanEditChatflows } from '../domain/chatflows/policies.js';
import { visitorForToken } from '../domain/visitors/visitorSessions.js';
import { isSameOrigin, SESSION_COOKIE } from './sameOrigin.js';
import type { UserRow, VisitorRow } from '../storage/schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRow | null;
    visitor: VisitorRow | null;
  }
}

export function requireUser(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<void> => {
    request.user = await userForSession(ctx, request.cookies[SESSION_COOKIE]);
    if (!request.user) throw new DomainError('unauthorized');
  };
}

export function requireAdmin(ctx: AppContext) {
  const user = requireUser(ctx);
  return async (request: FastifyRequest): Promise<void> => {
    await user(request);
    if (request.user!.role !== 'admin') throw new DomainError('forbidden', 'admins only');
  };
}

/**
 * A3: chatflow and site writes — admins, or users granted `chatflows:edit`. The user row is read
 * from storage on every request, so a grant or revocation counts from the next request.
 */
export function requireChatflowEditor(ctx: AppContext) {
  const user = requireUser(ctx);
  return async (request: FastifyRequest): Promise<void> => {
    await user(request);
    assertCanEditChatflows(request.user!);
  };
}

/** A visitor token when the request carries one (`authorization: Bearer …`), else null; never refuses. */
export async function optionalVisitor(ctx: AppContext, request: FastifyRequest): Promise<VisitorRow | null> {
  const header = request.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  return token ? visitorForToken(ctx, token) : null;
}

export function requireVisitor(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    request.visitor = token ? await visitorForToken(ctx, token) : null;
    if (!request.visitor) throw new DomainError('invalid_visitor_token');
  };
}

/** Where the widget's routes live (widgetRoutes.ts, identifyRoutes.ts). */
const WIDGET_ROUTES = '/api/widget/';

/**
 * CSRF defence for cookie-authenticated writes: besides SameSite=Lax cookies, a state-changing
 * request must come from our own origin (browsers always send Origin on cross-site POSTs).
 * The widget's routes are not cookie-authenticated (a visitor token in a header, which a browser
 * never adds by itself; the session route checks the site's allowed origins): customer pages
 * call them with the JavaScript API (W15, identify, setProperties, track).
 */
export function sameOriginWrites(ctx: AppContext) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    if (request.url.startsWith(WIDGET_ROUTES)) return;
    if (!isSameOrigin(request, ctx.config.publicUrl)) throw new DomainError('forbidden', 'cross-origin request');
  };
}

export function sessionCookieOptions(ctx: AppContext, maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.publicUrl.startsWith('https://'),
    maxAge: maxAgeSeconds,
  };
}
