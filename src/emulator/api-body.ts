/**
 * Reading REST request bodies the way WorkOS refuses them: a missing or mistyped field is a
 * `422 invalid_request_parameters` naming the field (the SDK's `UnprocessableEntityException`).
 */
import { apiError, jsonBody, type EmuRequest, type HttpError } from './http.js';
import { isRecord } from './validate.js';

/** A 422 for one field; `code` is WorkOS's (`required`, `invalid`, …). */
export function invalidField(field: string, code: string, message: string): HttpError {
  return apiError(422, 'invalid_request_parameters', message, { errors: [{ field, code }] });
}

export class ApiBody {
  constructor(readonly raw: Record<string, unknown>) {}

  /** Present, even as `null` (an update that clears the field). */
  has(field: string): boolean {
    return this.raw[field] !== undefined;
  }

  requiredString(field: string): string {
    const value = this.raw[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
    throw invalidField(field, 'required', `The ${field} field is required.`);
  }

  string(field: string): string | null | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null || typeof value === 'string') return value;
    throw invalidField(field, 'invalid', `${field} must be a string.`);
  }

  strings(field: string): string[] | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    throw invalidField(field, 'invalid', `${field} must be a list of strings.`);
  }

  /** `metadata`: string values only, as WorkOS keeps them. */
  stringMap(field: string): Record<string, string> | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) return undefined;
    if (isRecord(value) && Object.values(value).every((item) => typeof item === 'string')) return value as Record<string, string>;
    throw invalidField(field, 'invalid', `${field} must be an object of strings.`);
  }

  boolean(field: string): boolean | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null || typeof value === 'boolean') return value ?? undefined;
    throw invalidField(field, 'invalid', `${field} must be true or false.`);
  }

  integer(field: string, min: number, max: number): number | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    throw invalidField(field, 'invalid', `${field} must be a whole number from ${min} to ${max}.`);
  }
}

/** The JSON body of a REST call (a 400 for one that is not a JSON object). */
export function apiBody(request: EmuRequest): ApiBody {
  return new ApiBody(jsonBody(request));
}
