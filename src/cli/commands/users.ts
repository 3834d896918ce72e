/**
 * `paralign users add|list|revoke|set-password`: accounts of the service, in the store the environment configures
 * (src/config.ts). The store modules are imported only when a users command runs, so `align` and `qa` never load them.
 */
import type { Command } from 'commander';
import { ErrorCode, InputError } from '../../core/errors.js';
import type { Store } from '../../storage/store.js';

// The audit trail's actor for changes made on the command line (whoever can run it can read the store anyway).
const CLI_ACTOR = 'cli';

/** Registers the command and its subcommands. */
export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('accounts of the service (in the configured store)');

  users
    .command('add')
    .description('create an account; prints its API token once, alone on the last line')
    .argument('<name>', 'account name')
    .requiredOption('--role <role>', 'translator, reviewer, terminologist or admin')
    .option('--collections <names>', 'comma-separated collections it is limited to (default: every collection)')
    .action(async (name: string, options: { role: string; collections?: string }) => {
      await withStore(async (store) => {
        const { addUser } = await import('../../auth/add-user.js');
        const collections = options.collections?.split(',') ?? null;
        const { user, token } = await addUser(store, { name, role: options.role, collections }, CLI_ACTOR);
        const scope = user.collections === null ? 'every collection' : `collections ${user.collections.join(', ')}`;
        process.stdout.write(
          `Created ${user.role} "${user.name}" (${scope}).\n` +
            'Its API token, shown only now; send it as "Authorization: Bearer <token>":\n' +
            `${token}\n`,
        );
      });
    });

  users
    .command('list')
    .description('list accounts: name, role, collections, password, created, revoked')
    .action(async () => {
      await withStore(async (store) => {
        const rows = (await store.listUsers()).map((user) => [
          user.name,
          user.role,
          user.collections === null ? '*' : user.collections.join(','),
          user.hasPassword ? 'password' : '-',
          user.createdAt.toISOString(),
          user.revokedAt === null ? 'active' : `revoked ${user.revokedAt.toISOString()}`,
        ]);
        process.stdout.write(
          [['name', 'role', 'collections', 'sign-in', 'created', 'status'], ...rows]
            .map((row) => `${row.join('\t')}\n`)
            .join(''),
        );
      });
    });

  users
    .command('revoke')
    .description('revoke an account: its token and sessions stop working at once (the name stays taken)')
    .argument('<name>', 'account name')
    .action(async (name: string) => {
      await withStore(async (store) => {
        if (!(await store.revokeUser(name)))
          throw new InputError(`no active user named "${name}"`, ErrorCode.badOption);
        const { AuditAction } = await import('../../storage/store.js');
        await store.appendAudit({ actor: CLI_ACTOR, action: AuditAction.userRevoke, detail: name });
        process.stdout.write(`Revoked "${name}".\n`);
      });
    });

  users
    .command('set-password')
    .description("set the password of the web pages' sign-in, read from standard input (its first line)")
    .argument('<name>', 'account name')
    .action(async (name: string) => {
      const password = firstLine(await readStdin());
      const { MIN_PASSWORD_LENGTH, hashPassword } = await import('../../auth/password-hash.js');
      if ([...password].length < MIN_PASSWORD_LENGTH)
        throw new InputError(
          `the password (first line of standard input) must have at least ${MIN_PASSWORD_LENGTH} characters`,
          ErrorCode.badOption,
        );
      await withStore(async (store) => {
        if (!(await store.setPasswordHash(name, await hashPassword(password))))
          throw new InputError(`no active user named "${name}"`, ErrorCode.badOption);
        const { AuditAction } = await import('../../storage/store.js');
        await store.appendAudit({ actor: CLI_ACTOR, action: AuditAction.passwordSet, detail: name });
        process.stdout.write(`Password of "${name}" set.\n`);
      });
    });
}

async function withStore(run: (store: Store) => Promise<void>): Promise<void> {
  const { loadConfig } = await import('../../config.js');
  const { openConfiguredStore } = await import('../../open-configured-store.js');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error), ErrorCode.badOption);
  }
  const store = await openConfiguredStore(config);
  try {
    await run(store);
  } finally {
    await store.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function firstLine(text: string): string {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
}
