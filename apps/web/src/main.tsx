import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'prosemirror-view/style/prosemirror.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/library.css';
import './styles/article-page.css';
import './styles/article-meta.css';
import './styles/toolbar.css';
import './styles/article-body.css';
import './styles/highlights.css';
import './styles/cursors.css';
import './styles/popover.css';
import './styles/sidebar.css';
import './styles/export.css';
import './styles/details.css';
import './styles/review.css';
import { App } from './App.js';
import { adoptInviteLink } from './session/session-token.js';
import { registerOfflineShell } from './offline/register-offline-shell.js';
import { matchRoute } from './routing/router.js';
import { loadReviewer } from './reviewer/reviewer-storage.js';
import { preloadReadingCopy } from './article/reading-copy/useReadingCopy.js';

adoptInviteLink();
registerOfflineShell();
const route = matchRoute(window.location.pathname);
const reviewer = loadReviewer();
if (route.page === 'article' && reviewer) preloadReadingCopy(reviewer.id, route.articleId);

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
