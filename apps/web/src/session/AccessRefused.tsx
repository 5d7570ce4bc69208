import { clearSessionToken, sessionToken } from './session-token.js';

/** Props of the refusal page. */
export interface AccessRefusedProps {
  /** What the server said. */
  readonly reason: string;
}

/** The page shown when the server will not serve this tab: no token, an expired one, or no access to the article. */
export function AccessRefused({ reason }: AccessRefusedProps) {
  const hasToken = sessionToken() !== null;
  return (
    <main className="access-refused" data-testid="access-refused">
      <h1>You cannot open this here</h1>
      <p className="notice notice--error">The server says: {reason}</p>
      <p>
        This fact-check desk is protected. Open the invite link your lead sent you; if it has expired, ask for
        a new one.
      </p>
      {hasToken && (
        <button
          type="button"
          className="button"
          onClick={() => {
            clearSessionToken();
            window.location.assign('/');
          }}
        >
          Forget my invite in this tab
        </button>
      )}
    </main>
  );
}
