/** The Open API table lives in the shared contract (src/contract), which the server client derives from too. */
export * from '../../contract/open-apis.js';
