// Types for scripts/fixture-apps.mjs (used by the TypeScript end-to-end setup).
export type FixtureName = 'cache-off' | 'cache-on' | 'next15';
export declare const FIXTURES_DIR: string;
export declare const E2E_FIXTURES: FixtureName[];
export declare const FIXTURES: Record<FixtureName, { dir: string; files: Record<string, string>; partiallyPrerendered?: string[] }>;
export declare function buildFixture(name: FixtureName): void;
export declare function fixtureIsBuilt(name: FixtureName): boolean;
export declare function routeSymbol(output: string, route: string): string | undefined;
