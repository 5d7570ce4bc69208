import { Link } from '../routing/Link.js';

/** Shown for an unknown path or article. */
export function NotFoundPage({ what = 'page' }: { readonly what?: string }) {
  return (
    <main className="not-found">
      <h1>No such {what}</h1>
      <p>It may have been removed, or the address is mistyped.</p>
      <Link href="/" className="button">
        Back to all articles
      </Link>
    </main>
  );
}
