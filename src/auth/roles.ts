/** The roles an account can have; what each may do is the access policy's table (src/api/access-policy.ts). */

/** Every role, least to most rights. */
export const Role = {
  /** Uploads pairs, sees and exports the pairs of its collections. */
  translator: 'translator',
  /** A translator who will also correct and approve alignments (once the review editor exists). */
  reviewer: 'reviewer',
  /** Reads, searches and exports the store (or its collections); uploads and changes nothing. */
  terminologist: 'terminologist',
  /** Everything: users, deletion, the queue dashboard, metrics and the audit trail. */
  admin: 'admin',
} as const;
/** See {@link Role}. */
export type Role = (typeof Role)[keyof typeof Role];

/** Every role, in the order of {@link Role}. */
export const ROLES: readonly Role[] = Object.values(Role);

/** The role named `name`, or undefined when there is none. */
export function parseRole(name: string): Role | undefined {
  return ROLES.find((role) => role === name);
}
