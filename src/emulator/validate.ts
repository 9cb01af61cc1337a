/**
 * Tiny structural validator for seed data and control-surface bodies. Every problem is collected as
 * `path: message` (e.g. `users[2].email: expected a string (got number)`), so one run reports all
 * the bad fields of a data file at once.
 */

/** Bad input to the control surface (a 400 over HTTP, a thrown error in process). */
export class InputError extends Error {
  override readonly name = 'EmulatorInputError';
}

export class Issues {
  readonly list: string[] = [];

  /** Throws an `InputError` listing every issue, if there are any. */
  assert(): void {
    if (this.list.length > 0) throw new InputError(this.list.join('; '));
  }

  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }

  get ok(): boolean {
    return this.list.length === 0;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** An object with only the allowed keys; unknown keys are reported (they are usually typos). */
export function objectAt(
  issues: Issues,
  path: string,
  value: unknown,
  allowed: readonly string[],
): Record<string, unknown> | undefined {
  if (!isRecord(value)) {
    issues.add(path || '(root)', `expected an object (got ${kind(value)})`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) issues.add(join(path, key), 'unknown field');
  }
  return value;
}

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function requiredString(issues: Issues, path: string, value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  issues.add(path, typeof value === 'string' ? 'expected a non-empty string' : `expected a string (got ${kind(value)})`);
  return '';
}

export function optionalString(issues: Issues, path: string, value: unknown): string | null | undefined {
  if (value === undefined || value === null || typeof value === 'string') return value;
  issues.add(path, `expected a string or null (got ${kind(value)})`);
  return undefined;
}

export function optionalBoolean(issues: Issues, path: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  issues.add(path, `expected true or false (got ${kind(value)})`);
  return undefined;
}

export function optionalInteger(
  issues: Issues,
  path: string,
  value: unknown,
  range: { min: number; max: number },
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max) return value;
  issues.add(path, `expected an integer from ${range.min} to ${range.max} (got ${JSON.stringify(value)})`);
  return undefined;
}

export function optionalStringArray(issues: Issues, path: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    issues.add(path, `expected an array of strings (got ${kind(value)})`);
    return undefined;
  }
  value.forEach((item, index) => {
    if (typeof item !== 'string') issues.add(`${path}[${index}]`, `expected a string (got ${kind(item)})`);
  });
  return value.filter((item): item is string => typeof item === 'string');
}

export function optionalStringRecord(issues: Issues, path: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    issues.add(path, `expected an object of strings (got ${kind(value)})`);
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') issues.add(join(path, key), `expected a string (got ${kind(item)})`);
  }
  return value as Record<string, string>;
}

/** Items of an optional array, each with its path; reports a non-array. */
export function arrayItems(issues: Issues, path: string, value: unknown, required = false): [unknown, string][] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) {
    issues.add(path, `expected an array (got ${kind(value)})`);
    return [];
  }
  return value.map((item, index) => [item, `${path}[${index}]`]);
}
