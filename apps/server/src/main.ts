/**
 * `npm start`: one Parley node. On first start it creates the demo workspace, site and chatflow
 * and prints where everything is.
 *
 * Order matters: the node listens first and only then creates the first admin. A start that
 * cannot listen (port taken) must not create an admin whose generated password it never prints,
 * because that password is stored only as a hash and could never be recovered.
 */
import { buildServer, type ParleyServer } from './app.js';
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

/** One line an operator can act on for the usual reasons a listen fails; null for anything else. */
function listenProblem(error: unknown, config: Config): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `port ${config.port} is already in use on ${config.host} (stop what is using it, or set PORT to a free port)`;
  if (code === 'EACCES') return `no permission to listen on port ${config.port} (use a port above 1023, or set PORT)`;
  if (code === 'EADDRNOTAVAIL') return `address ${config.host} is not available on this machine (set HOST)`;
  return null;
}

const config = configOrExit();
const server = await buildServer(config);

// Installed before listening, so a SIGTERM that arrives during startup still drains.
let stopping = false;
async function shutdown(signal: string, node: ParleyServer): Promise<void> {
  if (stopping) return;
  stopping = true;
  node.ctx.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await node.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM', server));
process.on('SIGINT', () => void shutdown('SIGINT', server));

// A node that restarts meets every client of its previous life reconnecting in the same second.
// With Node's default backlog (511) the kernel drops the overflow and each dropped client waits
// for a TCP retransmit (1 s, 2 s, 4 s …); Linux caps this at net.core.somaxconn.
const LISTEN_BACKLOG = 4096;

let address: string;
try {
  address = await server.app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
} catch (error) {
  const problem = listenProblem(error, config);
  if (!problem) throw error;
  // One line, no stack: nothing was created, so fixing the port and starting again is all it takes.
  console.error(`Parley cannot start: ${problem}.`);
  stopping = true;
  await server.close().catch(() => {});
  process.exit(1);
}

const boot = await bootstrapWorkspace(server.ctx);
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
