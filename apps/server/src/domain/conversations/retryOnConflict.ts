import type { AppContext } from '../context.js';

/**
 * Runs a command again when it lost a race on a unique index: the same client message id sent
 * twice at once, or two tabs starting the visitor's first conversation at once. The second run
 * finds what the winner stored.
 */
export async function retryOnConflict<T>(ctx: AppContext, command: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await command();
    } catch (error) {
      if (attempt >= attempts || !ctx.storage.driver.isUniqueViolation(error)) throw error;
    }
  }
}
