import { useState } from 'preact/hooks';
import { errorText } from '../api/request.js';

export interface Action {
  busy: boolean;
  /** "<failure>: <the server's reason>" after a failed run, until the next one starts. */
  error: string | null;
  /** Runs `work` unless a run is under way; true when it succeeded. */
  run: (work: () => Promise<unknown>) => Promise<boolean>;
}

/** One button's request at a time, with its failure said in words (`failure` e.g. "Not deleted"). */
export function useAction(failure: string): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(work: () => Promise<unknown>): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(`${failure}: ${errorText(caught)}`);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
