/**
 * The playground's entry (bundled to dist/playground/playground.js): each page says which it is with
 * `<body data-page>`; the script is loaded from a file (no inline script: the pages run under a
 * strict Content-Security-Policy).
 */
import { startChrome } from './chrome.js';
import { startFlows } from './flows.js';
import { startPlayground } from './playground-page.js';

const start = () => {
  const page = document.body.dataset['page'];
  startChrome();
  if (page === 'flows') void startFlows();
  else startPlayground();
};

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
