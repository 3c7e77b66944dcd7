/** Signing lives in the shared contract (src/contract): the sandbox and the server client sign and verify with the same code. */
export * from '../contract/signing.js';
