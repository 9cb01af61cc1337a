/**
 * Creating, changing and deleting users (sign-up, `workos.userManagement.createUser`/`updateUser`/
 * `deleteUser`, an invitation accepted by a new address), with the `user.*` events WorkOS sends.
 */
import { deleteMembership } from './membership-changes.js';
import type { UserRecord } from './records.js';
import { userJson } from './resources.js';
import type { Runtime } from './runtime.js';
import { endSession } from './sessions.js';
import { newId } from './tokens.js';

export interface UserFields {
  email?: string;
  firstName?: string | null;
  lastName?: string | null;
  emailVerified?: boolean;
  externalId?: string | null;
  locale?: string | null;
  metadata?: Record<string, string>;
}

export function addUser(runtime: Runtime, fields: UserFields & { email: string }): UserRecord {
  const now = new Date().toISOString();
  const user: UserRecord = {
    id: newId('user'),
    email: fields.email,
    first_name: fields.firstName ?? null,
    last_name: fields.lastName ?? null,
    email_verified: fields.emailVerified ?? false,
    profile_picture_url: null,
    locale: fields.locale ?? null,
    external_id: fields.externalId ?? null,
    metadata: fields.metadata ?? {},
    last_sign_in_at: null,
    created_at: now,
    updated_at: now,
  };
  runtime.store.users.set(user.id, user);
  runtime.events.emit('user.created', userJson(user));
  return user;
}

export function updateUser(runtime: Runtime, user: UserRecord, fields: UserFields): UserRecord {
  if (fields.email !== undefined) user.email = fields.email;
  if (fields.firstName !== undefined) user.first_name = fields.firstName;
  if (fields.lastName !== undefined) user.last_name = fields.lastName;
  if (fields.emailVerified !== undefined) user.email_verified = fields.emailVerified;
  if (fields.externalId !== undefined) user.external_id = fields.externalId;
  if (fields.locale !== undefined) user.locale = fields.locale;
  if (fields.metadata !== undefined) user.metadata = fields.metadata;
  user.updated_at = new Date().toISOString();
  runtime.events.emit('user.updated', userJson(user));
  return user;
}

/** Deletes the user: its sessions end and its memberships go (each with its event), then `user.deleted`. */
export function deleteUser(runtime: Runtime, user: UserRecord): void {
  const { store } = runtime;
  for (const session of store.sessions.values()) if (session.userId === user.id) endSession(runtime, session.id);
  for (const membership of store.memberships.filter((m) => m.user_id === user.id)) deleteMembership(runtime, membership);
  for (const key of [...store.apiKeys.values()]) if (key.user_id === user.id) store.apiKeys.delete(key.id);
  for (const flag of store.featureFlags.values()) flag.user_ids = flag.user_ids.filter((id) => id !== user.id);
  store.users.delete(user.id);
  runtime.events.emit('user.deleted', userJson(user));
}
