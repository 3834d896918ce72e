/** Creates an account with a fresh API token; the CLI and the service's first start both call it. */
import { InputError, ErrorCode } from '../core/errors.js';
import { AuditAction, type Store, type UserRecord } from '../storage/store.js';
import { issueApiToken } from './api-token.js';
import { parseRole, ROLES, type Role } from './roles.js';

const NAME_PATTERN = /^[\p{L}\p{N}._@-]{1,64}$/u;
const MAX_COLLECTION_LENGTH = 200;

/** What {@link addUser} needs. */
export interface AddUserInput {
  /** Account name: 1-64 letters, digits, `.`, `_`, `@` or `-`. */
  name: string;
  /** Role name, one of {@link ROLES}. */
  role: string;
  /** Collections the account is limited to; absent or null for every collection (admins always have every one). */
  collections?: readonly string[] | null;
}

/** The new account and its token, which exists nowhere else: show it once. */
export interface AddedUser {
  /** The account. */
  user: UserRecord;
  /** Its API token. */
  token: string;
}

/**
 * Checks the input, stores the account with its token's hash, and appends a `user-add` audit row by `actor`.
 * Throws {@link InputError} for a bad name, role or collection; the store's conflict error when the name is taken.
 */
export async function addUser(store: Store, input: AddUserInput, actor: string): Promise<AddedUser> {
  if (!NAME_PATTERN.test(input.name))
    throw new InputError(
      `user name "${input.name}" must be 1 to 64 letters, digits, ".", "_", "@" or "-"`,
      ErrorCode.badOption,
    );
  const role: Role | undefined = parseRole(input.role);
  if (role === undefined)
    throw new InputError(`role must be one of ${ROLES.join(', ')}, not "${input.role}"`, ErrorCode.badOption);
  const collections =
    role === 'admin' || input.collections === undefined || input.collections === null
      ? null
      : checkCollections(input.collections);
  const { token, tokenId, tokenHash } = issueApiToken();
  const user = await store.createUser({ name: input.name, role, collections, tokenId, tokenHash });
  await store.appendAudit({
    actor,
    action: AuditAction.userAdd,
    detail: `${user.name} as ${user.role}${collections === null ? '' : ` of ${collections.join(', ')}`}`,
  });
  return { user, token };
}

function checkCollections(collections: readonly string[]): string[] {
  const names = [...new Set(collections.map((name) => name.trim()).filter((name) => name !== ''))];
  const tooLong = names.find((name) => name.length > MAX_COLLECTION_LENGTH);
  if (tooLong !== undefined)
    throw new InputError(`collection names are at most ${MAX_COLLECTION_LENGTH} characters`, ErrorCode.badOption);
  if (names.length === 0) throw new InputError('--collections names no collection', ErrorCode.badOption);
  return names.sort();
}
