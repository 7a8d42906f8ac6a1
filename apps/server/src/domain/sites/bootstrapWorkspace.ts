/**
 * First start: a workspace with its first admin, a demo site and that site's default chatflow.
 * Runs once per database (a workspace existing means it ran), so restarts and second nodes
 * leave data alone.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { generatePassword, hashPassword } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { DEFAULT_WIDGET_SETTINGS } from './chatflowSettings.js';

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
    const siteKey = `site_${randomBytes(9).toString('base64url')}`;
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
    await trx
      .insertInto('chatflows')
      .values({
        workspace_id: workspace.id,
        site_id: site.id,
        name: 'Default chatflow',
        is_default: 1,
        enabled: 1,
        priority: 0,
        settings: JSON.stringify(DEFAULT_WIDGET_SETTINGS),
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { created: true, adminEmail: email, generatedPassword, siteKey };
  });
}

/** The first site and admin when the database was set up before (restart, or another node won). */
async function existingSetup(ctx: AppContext, db: Kysely<Database> = ctx.storage.db): Promise<BootstrapResult | null> {
  const site = await db.selectFrom('sites').select(['site_key']).orderBy('id').executeTakeFirst();
  const admin = await db.selectFrom('users').select(['email']).where('role', '=', 'admin').orderBy('id').executeTakeFirst();
  return site && admin ? { created: false, adminEmail: admin.email, generatedPassword: null, siteKey: site.site_key } : null;
}
