export { SuperQiError, isSuperQiError, type ErrorCode } from './superqi-error.js';
export { HostError, isHostError } from './host-error.js';
export { UserCancelledError, isUserCancelledError } from './user-cancelled-error.js';
export { UnsupportedError, isUnsupportedError } from './unsupported-error.js';
export { TimeoutError, isTimeoutError } from './timeout-error.js';
export { AbortedError, isAbortedError } from './aborted-error.js';
export { NotInHostError, isNotInHostError } from './not-in-host-error.js';
export { InvalidParamsError, isInvalidParamsError } from './invalid-params-error.js';
