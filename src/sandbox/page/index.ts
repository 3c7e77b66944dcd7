/** The sandbox page at the gateway root: HTML, its script and styles as separate paths (strict CSP, no inline code). */
import { SANDBOX_API, SANDBOX_PAGE_DEFAULT, SANDBOX_PAGE_MAX } from '../protocol.js';
import { pageMain, type PageConfig } from './app.js';

export const PAGE_PATHS = { html: '/', script: '/sandbox-page.js', style: '/sandbox-page.css', icon: '/favicon.svg' } as const;

/** The page's icon (without one, browsers ask for /favicon.ico and log a 404). */
export const PAGE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0b7a75"/><text x="16" y="22" font-family="Arial,sans-serif" font-size="16" font-weight="700" fill="#fff" text-anchor="middle">Qi</text></svg>\n';

export const PAGE_HTML = `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Super Qi sandbox wallet</title>
<link rel="icon" href="${PAGE_PATHS.icon}" type="image/svg+xml">
<link rel="stylesheet" href="${PAGE_PATHS.style}">
<script src="${PAGE_PATHS.script}" defer></script>
</head>
<body><main id="app"></main></body>
</html>
`;

export const PAGE_CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:0;padding:1rem 1.5rem;color:#1d1d1f;background:#fafafa}
header{display:flex;align-items:center;gap:1rem}h1{font-size:1.3rem;margin:.2rem 0}h2{font-size:1.05rem;margin:1.2rem 0 .4rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dd{margin:0;font-family:ui-monospace,monospace}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:start;vertical-align:top;overflow-wrap:break-word}
.scroll{overflow-x:auto;max-width:100%}.ltr{direction:ltr;unicode-bidi:isolate}
th{background:#f0f0f3}button{margin:.15rem;padding:.3rem .7rem;cursor:pointer}.empty{color:#777}#forced{color:#b00020}
.controls{display:flex;flex-wrap:wrap;gap:.4rem;margin:.2rem 0}.controls input{min-width:18rem;padding:.25rem .4rem}.count{color:#555;margin:.2rem 0}[hidden]{display:none}
`;

const CONFIG: PageConfig = {
  api: { state: SANDBOX_API.state, list: SANDBOX_API.list, force: SANDBOX_API.force, resend: SANDBOX_API.resend, failNext: SANDBOX_API.failNext },
  page: SANDBOX_PAGE_DEFAULT,
  max: SANDBOX_PAGE_MAX,
};

/** The script: the page function's own source, called once with the admin API's paths and page sizes. */
export const pageScript = (): string => `"use strict";(${pageMain.toString()})(${JSON.stringify(CONFIG)});\n`;

/** Headers of the page's files: a strict CSP (nothing inline, same origin only). */
export const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
