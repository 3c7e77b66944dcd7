/** Each Open API's path, from the shared contract. */
import { OPEN_APIS, type OpenApiName } from '../contract/open-apis.js';

/** The `POST` path of each Open API (`OPEN_API_PATHS.pay` is `/v1/payments/pay`), as the contract (and the sandbox) has it. */
export const OPEN_API_PATHS: Readonly<Record<OpenApiName, string>> = Object.freeze(
  Object.fromEntries((Object.keys(OPEN_APIS) as OpenApiName[]).map((name) => [name, OPEN_APIS[name].path])) as Record<OpenApiName, string>,
);
