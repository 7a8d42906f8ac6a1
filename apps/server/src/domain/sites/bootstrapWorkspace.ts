/**
 * First start: a workspace with its first admin, a demo site and one published chatflow on it, so
 * the demo page chats at once. Setup is not marked completed: the first admin gets the wizard (A1).
 * Runs once per database (a workspace existing means it ran), so restarts and second nodes
 * leave data alone.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { generatePassword, hashPassword } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { insertChatflow } from '../chatflows/insertChatflow.js';
import { newSiteKey } from './createSite.js';

export interface BootstrapResult {
  created: boolean;
  adminEmail: string;
  /** Only when Parley generated it: printed once, never stored in clear. */
  generatedPassword: string | null;
  siteKey: string;
}

const DEMO_ADMIN_EMAIL = 'admin@parley.local';

export async function bootstrapWorkspace(ctx: AppContext): Promise<BootstrapResult> {
  const done = await existingSetup(ctx);
  if (done) return done;
  const email = (ctx.config.adminEmail ?? DEMO_ADMIN_EMAIL).toLowerCase();
  const generatedPassword = ctx.config.adminPassword ? null : generatePassword();
  const passwordHash = await hashPassword(ctx.config.adminPassword ?? generatedPassword!);
  return ctx.storage.db.transaction().execute(async (trx) => {
    // Two nodes starting on an empty PostgreSQL at once must not both create a workspace.
    if (ctx.storage.driver.name === 'postgres') await sql`lock table workspaces in exclusive mode`.execute(trx);
    const raced = await existingSetup(ctx, trx);
    if (raced) return raced;

    const now = ctx.clock();
    const workspace = await trx.insertInto('workspaces').values({ name: 'Demo workspace', created_at: now }).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('users')
      .values({
        workspace_id: workspace.id,
        email,
        name: 'Admin',
        avatar_url: null,
        role: 'admin',
        password_hash: passwordHash,
        availability: 'online',
        max_chats: 10,
        created_at: now,
      })
      .execute();
    const siteKey = newSiteKey();
    const site = await trx
      .insertInto('sites')
      .values({
        workspace_id: workspace.id,
        name: 'Demo site',
        site_key: siteKey,
        secret: randomBytes(32).toString('base64url'),
        allowed_origins: '[]',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertChatflow(trx, { workspaceId: workspace.id, siteId: site.id, name: 'Default chatflow', priority: 0, published: true }, now);
    return { created: true, adminEmail: email, generatedPassword, siteKey };
  });
}

/** The first site and admin when the database was set up before (restart, or another node won). */
async function existingSetup(ctx: AppContext, db: Kysely<Database> = ctx.storage.db): Promise<BootstrapResult | null> {
  const site = await db.selectFrom('sites').select(['site_key']).orderBy('id').executeTakeFirst();
  const admin = await db.selectFrom('users').select(['email']).where('role', '=', 'admin').orderBy('id').executeTakeFirst();
  return site && admin ? { created: false, adminEmail: admin.email, generatedPassword: null, siteKey: site.site_key } : null;
}
