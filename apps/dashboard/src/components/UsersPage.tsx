import { useEffect } from 'preact/hooks';
import { inbox } from '../state/inboxStore.js';
import { loadUsers } from '../state/session.js';
import { useStore } from '../state/store.js';
import { AddUserForm } from './AddUserForm.js';

/** Admins: who is on the team, who is online, and adding people (A3). */
export function UsersPage() {
  const users = useStore(inbox, (state) => state.users);
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name));

  useEffect(() => {
    void loadUsers();
  }, []);

  return (
    <div class="page">
      <h1 class="pane-title">Users</h1>
      <table class="users-table">
        <caption class="visually-hidden">Users of this workspace</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Availability</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td class="email">{user.email}</td>
              <td>{user.role === 'admin' ? 'Admin' : 'Agent'}</td>
              <td>
                <span class={`presence presence-${user.availability}`}>
                  {user.availability === 'online' ? 'Online' : 'Away'}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddUserForm />
    </div>
  );
}
