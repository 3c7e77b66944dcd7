import { SuperQiError } from './superqi-error.js';

/** A parameter is missing or has the wrong type; the host was not called. Code `2`, the docs' "invalid parameter". */
export class InvalidParamsError extends SuperQiError {
  /** The parameter at fault. */
  declare readonly param: string;
  constructor(api: string, param: string, problem: string) {
    super(api, 2, `\`${param}\` ${problem}`, 'InvalidParamsError');
    this.param = param;
  }
}

/** True when the call was refused before reaching the host because of its parameters. */
export const isInvalidParamsError = (e: unknown): e is InvalidParamsError =>
  (e as Error | null)?.name === 'InvalidParamsError';
