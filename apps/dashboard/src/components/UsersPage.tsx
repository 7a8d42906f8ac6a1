import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { inbox } from '../state/inboxStore.js';
import { loadUsers } from '../state/session.js';
import { useStore } from '../state/store.js';
import { AddUserForm } from './AddUserForm.js';
import { UserAccountActions } from './users/UserAccountActions.js';
import { UserEditForm } from './users/UserEditForm.js';
import { UserRow } from './users/UserRow.js';
import '../styles/users.css';

const COLUMNS = 8;

/** Admins: who is on the team, who is online, their role, skills, capacity and chatflow permission, and adding people (A3). */
export function UsersPage() {
  const users = useStore(inbox, (state) => state.users);
  const [editingId, setEditingId] = useState<number | null>(null);
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name));

  useEffect(() => {
    void loadUsers();
  }, []);

  function stopEditing(userId: number) {
    setEditingId(null);
    // Back to the row's Edit button, where the keyboard was before.
    requestAnimationFrame(() => document.getElementById(`edit-user-${userId}`)?.focus());
  }

  return (
    <div class="page">
      <h1 class="pane-title" id="users-title" tabIndex={-1}>
        Users
      </h1>
      {/* Narrow screens scroll the table in its own box, never the page (it is a region, so the
          keyboard can scroll it too). */}
      <div class="table-scroll" role="region" aria-label="Users" tabIndex={0}>
        <table class="users-table">
          <caption class="visually-hidden">Users of this workspace</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Skills</th>
              <th scope="col">Max chats</th>
              <th scope="col">Presence</th>
              <th scope="col">Chatflows</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((user) => (
              <Fragment key={user.id}>
                <UserRow
                  user={user}
                  editing={editingId === user.id}
                  onEdit={() => setEditingId(editingId === user.id ? null : user.id)}
                />
                {editingId === user.id && (
                  <tr class="edit-row">
                    <td colSpan={COLUMNS}>
                      <UserEditForm user={user} onDone={() => stopEditing(user.id)} />
                      <UserAccountActions
                        user={user}
                        onGone={() => {
                          setEditingId(null);
                          requestAnimationFrame(() => document.getElementById('users-title')?.focus());
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <AddUserForm />
    </div>
  );
}
