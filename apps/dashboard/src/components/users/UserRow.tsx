import type { UserSummary } from '@parley/protocol';
import { ChatflowPermission } from './ChatflowPermission.js';

const AWAY_WHY: Record<string, string> = {
  missed_offers: ' (missed offers)',
  disconnected: ' (connection lost)',
};

/** One user's line in the Users table: who, what they do, what they may change, and whether chats can reach them. */
export function UserRow({ user, editing, onEdit }: { user: UserSummary; editing: boolean; onEdit: () => void }) {
  const online = user.availability === 'online';
  return (
    <tr>
      <td id={`user-name-${user.id}`}>{user.name}</td>
      <td class="email">{user.email}</td>
      <td>{user.role === 'admin' ? 'Admin' : 'Agent'}</td>
      <td>{user.skills.length > 0 ? user.skills.join(', ') : <span class="unknown">None</span>}</td>
      <td class="number">{user.maxChats}</td>
      <td>
        <span class={`presence presence-${user.availability}`}>
          {!user.active ? 'Deactivated' : online ? 'Online' : `Away${(user.awayReason && AWAY_WHY[user.awayReason]) || ''}`}
        </span>{' '}
        <span
          class={user.connected ? 'connected-dot connected' : 'connected-dot'}
          title={user.connected ? 'Inbox connected' : 'Inbox not connected'}
        >
          <span class="visually-hidden">{user.connected ? 'Inbox connected' : 'Inbox not connected'}</span>
        </span>
      </td>
      <td class="permission-cell">
        <ChatflowPermission user={user} />
      </td>
      <td>
        <button
          type="button"
          id={`edit-user-${user.id}`}
          class="button small"
          aria-expanded={editing}
          aria-label={`Edit ${user.name}`}
          onClick={onEdit}
        >
          Edit
        </button>
      </td>
    </tr>
  );
}
