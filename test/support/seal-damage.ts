/**
 * Damaged iron seals for property tests: one generator and one function that applies it, shared
 * by the unseal equivalence suite (node-unseal.test.ts) and the hostile-cookie suite
 * (test/hardening/session-cookies.test.ts). `text` generates the free text a damage inserts; a
 * suite that puts the result in a Cookie header passes header-safe text.
 */
import fc from 'fast-check';

const FLIP_CHARACTERS = [...'AbQz09-_*~.=+/% é'];
const SUFFIXES = ['', '~1', '~3', '~', '~2~2', '~02', '~2 '];
/** An iron seal has eight `*`-separated parts, then the `~2` format suffix. */
const LAST_PART = 7;

export function sealDamage(text: fc.Arbitrary<string>) {
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.constantFrom(...FLIP_CHARACTERS) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('extend' as const), tail: text }),
    fc.record({ kind: fc.constant('suffix' as const), suffix: fc.constantFrom(...SUFFIXES) }),
    // One part taken from another valid seal.
    fc.record({ kind: fc.constant('splice' as const), part: fc.integer({ min: 0, max: LAST_PART }) }),
    fc.record({ kind: fc.constant('part' as const), part: fc.integer({ min: 0, max: LAST_PART }), value: fc.oneof(fc.constant(''), text, fc.stringMatching(/^[A-Za-z0-9_-]{1,44}$/)) }),
  );
}

export type SealDamage = ReturnType<typeof sealDamage> extends fc.Arbitrary<infer T> ? T : never;

/** `sealed` with `damage` applied (`other` is a second valid seal, for splices). */
export function damageSeal(sealed: string, other: string, damage: SealDamage): string {
  const parts = () => sealed.split('*');
  switch (damage.kind) {
    case 'flip': {
      const at = damage.at % sealed.length;
      return sealed.slice(0, at) + damage.char + sealed.slice(at + 1);
    }
    case 'truncate':
      return sealed.slice(0, damage.at % sealed.length);
    case 'extend':
      return sealed + damage.tail;
    case 'suffix':
      return sealed.replace(/~2$/, damage.suffix);
    case 'splice': {
      const spliced = parts();
      spliced[damage.part] = other.split('*')[damage.part] ?? '';
      return spliced.join('*');
    }
    case 'part': {
      const replaced = parts();
      replaced[damage.part] = damage.part === LAST_PART ? `${damage.value}~2` : damage.value;
      return replaced.join('*');
    }
  }
}
