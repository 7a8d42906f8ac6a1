/** The snippet lives with the sites (the admin API presents it); the banner and /demo use it too. */
export { embedSnippet } from '../domain/sites/embedSnippet.js';
