import { ArticlePage } from './article/ArticlePage.js';
import { AppHeader } from './layout/AppHeader.js';
import { NotFoundPage } from './layout/NotFoundPage.js';
import { LibraryPage } from './library/LibraryPage.js';
import { NameDialog } from './reviewer/NameDialog.js';
import { ReviewerProvider, useReviewer } from './reviewer/ReviewerContext.js';
import { useRoute } from './routing/router.js';
import { AccessRefused } from './session/AccessRefused.js';
import { useServerSession } from './session/useServerSession.js';

function Pages() {
  const route = useRoute();
  const session = useServerSession();
  const { reviewer, color, setName } = useReviewer();
  if (session.state === 'refused') {
    return (
      <>
        <AppHeader />
        <AccessRefused reason={session.reason} />
      </>
    );
  }
  let page;
  if (route.page === 'library') page = <LibraryPage />;
  else if (route.page === 'not-found') page = <NotFoundPage />;
  else if (reviewer && color) {
    page = (
      <ArticlePage key={route.articleId} articleId={route.articleId} reviewer={reviewer} color={color} />
    );
  } else page = null;
  return (
    <>
      <AppHeader />
      {page}
      {!reviewer && session.state === 'open' && <NameDialog initialName="" onSubmit={setName} />}
    </>
  );
}

/** The whole app: the reviewer's identity around the library and editor pages. */
export function App() {
  return (
    <ReviewerProvider>
      <Pages />
    </ReviewerProvider>
  );
}
