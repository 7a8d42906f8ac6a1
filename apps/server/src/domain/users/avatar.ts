/**
 * I1: my own avatar. The image goes through the branding upload checks (type sniffed from the
 * bytes: PNG, JPEG, GIF or WebP; PARLEY_BRANDING_IMAGE_MAX_BYTES) and is served at `/files/<key>`
 * like every upload; the user's `avatar_url` points there. Colleagues learn it from
 * `user.updated`, visitors from the agent shown in their chat (AgentPublic.avatarUrl).
 */
import type { UserSummary } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { storeBrandingImage } from '../branding/uploads.js';
import { loadUserSummary } from './presenters.js';

export async function setOwnAvatar(ctx: AppContext, user: UserRow, bytes: Buffer): Promise<UserSummary> {
  // Refusals throw here, before the user row changes.
  const file = await storeBrandingImage(ctx, user, bytes);
  return saveAvatarUrl(ctx, user, file.url);
}

export function removeOwnAvatar(ctx: AppContext, user: UserRow): Promise<UserSummary> {
  return saveAvatarUrl(ctx, user, null);
}

function saveAvatarUrl(ctx: AppContext, user: UserRow, url: string | null): Promise<UserSummary> {
  return inTransaction(ctx, async (uow) => {
    await uow.trx.updateTable('users').set({ avatar_url: url }).where('id', '=', user.id).execute();
    const summary = await loadUserSummary(uow.trx, user.id, uow.now);
    uow.emit({ type: 'user.updated', workspaceId: user.workspace_id, user: summary });
    return summary;
  });
}
