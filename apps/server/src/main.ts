/**
 * `npm start`: one Parley node. On first start it creates the demo workspace, site and chatflow
 * and prints where everything is.
 */
import { buildServer } from './app.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { bootstrapWorkspace } from './domain/sites/bootstrapWorkspace.js';
import { embedSnippet } from './http/embedSnippet.js';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = configOrExit();
const server = await buildServer(config);
const boot = await bootstrapWorkspace(server.ctx);
const address = await server.app.listen({ port: config.port, host: config.host });
// With PORT=0 the real port is only known now.
const publicUrl = process.env.PARLEY_PUBLIC_URL ? config.publicUrl : `http://localhost:${new URL(address).port}`;

const lines = [
  '',
  `Parley is running on ${server.ctx.storage.driver.name}${config.redisUrl ? ' + redis' : ''}.`,
  `  Inbox:      ${publicUrl}/inbox/`,
  `  Demo page:  ${publicUrl}/demo`,
  `  Admin:      ${boot.adminEmail}${boot.generatedPassword ? `  password: ${boot.generatedPassword}  (shown once; change it)` : ''}`,
  `  Embed:      ${embedSnippet(publicUrl, boot.siteKey)}`,
  '',
];
console.log(lines.join('\n'));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.ctx.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
