/**
 * `workos.userManagement` user writes: `POST /user_management/users` (201), `PUT …/users/:id`,
 * `DELETE …/users/:id` (204: its sessions end, its memberships go). Passwords are accepted and
 * ignored (the emulator has none). The lookup by external id is `byExternalId` in `directory.ts`.
 */
import { type ApiBody, apiBody, invalidField } from '../api-body.js';
import { apiError, json, notFound, type EmuRequest, type Reply } from '../http.js';
import type { UserRecord } from '../records.js';
import { userJson } from '../resources.js';
import type { Runtime } from '../runtime.js';
import { type UserFields, addUser, deleteUser, updateUser } from '../users.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** A well-formed address no other user has, or the error WorkOS answers (400 `email_not_available`). */
function availableEmail(runtime: Runtime, value: string, self: UserRecord | undefined, verb: 'create' | 'update'): string {
  const email = value.trim();
  if (!EMAIL.test(email)) throw invalidField('email', 'invalid', `'${email.slice(0, 100)}' is not an email address.`);
  const owner = runtime.store.userByEmail(email);
  if (owner && owner !== self) {
    throw apiError(400, `user_${verb === 'create' ? 'creation' : 'update'}_error`, `Could not ${verb} user.`, {
      errors: [{ code: 'email_not_available', message: 'This email is not available.' }],
    });
  }
  return email;
}

function fieldsOf(body: ApiBody): UserFields {
  const fields: UserFields = {};
  const firstName = body.string('first_name');
  const lastName = body.string('last_name');
  const externalId = body.string('external_id');
  const locale = body.string('locale');
  const emailVerified = body.boolean('email_verified');
  const metadata = body.stringMap('metadata');
  if (firstName !== undefined) fields.firstName = firstName;
  if (lastName !== undefined) fields.lastName = lastName;
  if (externalId !== undefined) fields.externalId = externalId;
  if (locale !== undefined) fields.locale = locale;
  if (emailVerified !== undefined) fields.emailVerified = emailVerified;
  if (metadata !== undefined) fields.metadata = metadata;
  return fields;
}

function userAt(request: EmuRequest, runtime: Runtime): UserRecord {
  const user = runtime.store.users.get(request.params.id!);
  if (!user) throw notFound('User', request.params.id!);
  return user;
}

export function postUser(request: EmuRequest, runtime: Runtime): Reply {
  const body = apiBody(request);
  const email = availableEmail(runtime, body.requiredString('email'), undefined, 'create');
  return json(201, userJson(addUser(runtime, { ...fieldsOf(body), email })));
}

export function putUser(request: EmuRequest, runtime: Runtime): Reply {
  const user = userAt(request, runtime);
  const body = apiBody(request);
  const fields = fieldsOf(body);
  if (body.has('email')) fields.email = availableEmail(runtime, body.requiredString('email'), user, 'update');
  return json(200, userJson(updateUser(runtime, user, fields)));
}

export function deleteUserRoute(request: EmuRequest, runtime: Runtime): Reply {
  deleteUser(runtime, userAt(request, runtime));
  return { status: 204, headers: {}, body: '' };
}
