// Types for scripts/fixture-apps.mjs (used by the TypeScript end-to-end setup).
export declare const FIXTURES_DIR: string;
export declare const FIXTURES: Record<'cache-off' | 'next15', { dir: string; files: Record<string, string> }>;
export declare function buildFixture(name: 'cache-off' | 'next15'): void;
export declare function fixtureIsBuilt(name: 'cache-off' | 'next15'): boolean;
