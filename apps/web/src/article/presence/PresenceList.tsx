import { initials } from './initials.js';
import type { PresentReviewer } from './usePresence.js';

/** Who is in the article now: a chip per reviewer in their colour, yourself marked "you". */
export function PresenceList({ users }: { readonly users: readonly PresentReviewer[] }) {
  return (
    <div className="presence">
      <span className="presence__heading" id="presence-heading">
        Here now
      </span>
      <ul className="presence__list" data-testid="presence-list" aria-labelledby="presence-heading">
        {users.map((user) => (
          <li key={user.id} className="presence__user" data-testid="presence-user" data-user-id={user.id}>
            <span className="presence__avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
              {initials(user.name)}
            </span>
            <span className="presence__name">
              {user.name || 'Anonymous'}
              {user.isSelf && <span className="presence__you"> (you)</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
