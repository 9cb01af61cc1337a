'use client';
/**
 * The organization components exist only on the server (their data and their authorisation are
 * the server's): in a client component the same names are placeholders that say so when rendered,
 * so an import never breaks and a misplaced one fails with a clear message, at no bundle cost.
 */
import { AuthKitError } from '../../shared/errors.js';

const serverOnly = (name: string) => (): never => {
  throw new AuthKitError('server_component_only', `<${name}> renders on the server: use it in a server component (a page or layout); it needs no client JavaScript.`);
};

/** Server components only: see the server face. */
export const OrganizationPicker = serverOnly('OrganizationPicker');
/** Server components only: see the server face. */
export const CreateOrganization = serverOnly('CreateOrganization');
/** Server components only: see the server face. */
export const OrganizationMembers = serverOnly('OrganizationMembers');
/** Server components only: see the server face. */
export const OrganizationInvitations = serverOnly('OrganizationInvitations');
/** Server components only: see the server face. */
export const UserSessions = serverOnly('UserSessions');
