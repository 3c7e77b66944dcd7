/** The result codes live in the shared contract (src/contract), which the server client derives from too. */
export * from '../../contract/codes.js';
