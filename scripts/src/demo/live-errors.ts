import { StartupError } from '@cbd/common';
import { UnreachableError } from './existing-stack.js';
import { EXIT } from './exit-codes.js';
import { ServiceDiedError } from './run.js';
import { PortInUseError } from '../stack/ports.js';
import { StackError } from '../stack/stack.js';

/** Why --live ended early, in one clear message; the exit code is always 1. */
export function explainLiveFailure(err: unknown): number {
  if (err instanceof ServiceDiedError) {
    console.error(`\n${err.message}; its last lines:\n${err.died.output.slice(-1500)}`);
  } else if (
    err instanceof PortInUseError ||
    err instanceof StackError ||
    err instanceof UnreachableError ||
    err instanceof StartupError
  ) {
    console.error(`\npnpm demo --live: ${err.message}`);
  } else {
    console.error('\npnpm demo --live failed:', err);
  }
  return EXIT.failed;
}
