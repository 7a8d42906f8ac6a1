/** Marks setup as done (Publish or Skip) and tells the session, so the wizard stops showing. */
import { siteApi } from '../../api/siteEndpoints.js';
import { inbox } from '../../state/inboxStore.js';

export async function completeSetup(): Promise<void> {
  const { workspace } = await siteApi.completeSetup();
  inbox.update((state) => (state.session ? { ...state, session: { ...state.session, workspace } } : state));
}
