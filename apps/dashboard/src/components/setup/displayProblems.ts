import { validateSettings } from '@parley/chatflow';
import type { ChatflowDisplay } from '@parley/protocol';

/** Step 5's checks: the engine's (the server runs the same), e.g. a trigger out of range. */
export function displayProblems(display: ChatflowDisplay): string[] {
  return validateSettings({ display }, true).map((p) => p.message);
}
