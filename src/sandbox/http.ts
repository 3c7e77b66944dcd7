/** The HTTP helpers live in src/node/http.ts: the sandbox and the server client's notification handlers share them. */
export * from '../node/http.js';
