/** What an organization operation returns: a notice code to show, and whether it worked. */
import type { NoticeCode } from './organization-types.js';

export type Success = { ok: true; code: NoticeCode; subject?: string };
export type Refusal = { ok: false; code: NoticeCode; subject?: string };
export type Outcome = Success | Refusal;

export const done = (code: NoticeCode, subject?: string): Success => ({ ok: true, code, ...(subject ? { subject } : {}) });
export const refused = (code: NoticeCode, subject?: string): Refusal => ({ ok: false, code, ...(subject ? { subject } : {}) });
