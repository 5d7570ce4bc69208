import { Link } from '../routing/Link.js';
import { ReviewerBadge } from '../reviewer/ReviewerBadge.js';

/** The bar at the top of every page: product name (home link) and who is reviewing. */
export function AppHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="app-header__brand" aria-label="Fact-check desk, article library">
        <span className="app-header__logo" aria-hidden="true">
          ✓
        </span>
        <span className="app-header__name">Fact-check desk</span>
      </Link>
      <ReviewerBadge />
    </header>
  );
}
