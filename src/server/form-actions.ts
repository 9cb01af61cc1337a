/**
 * The bodies of the organization form actions, for `authkit-rsc/actions` only: an entry of the
 * server side (eslint/boundaries.js), so the actions module still imports nothing below the
 * server's entries, without these handlers becoming public server API. Not a package export.
 */
import 'server-only';

export {
  changeInvitationFromForm, changeMemberRoleFromForm, createOrganizationFromForm, inviteMemberFromForm, removeMemberFromForm,
  revokeOtherSessionsFromForm, revokeSessionFromForm, selectOrganizationFromForm,
} from './organizations/form-actions.js';
