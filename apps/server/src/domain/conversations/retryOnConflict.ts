import type { AppContext } from '../context.js';

/**
 * Runs a command again when it lost a race on a unique index: the same client message id sent
 * twice (at once, or again after a reconnect), or two tabs starting the visitor's first
 * conversation at once. The command learns which attempt it is: the first may go straight for the
 * insert and let the index catch a duplicate, and the next one finds what is already stored.
 */
export async function retryOnConflict<T>(ctx: AppContext, command: (attempt: number) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await command(attempt);
    } catch (error) {
      if (attempt >= attempts || !ctx.storage.driver.isUniqueViolation(error)) throw error;
    }
  }
}
