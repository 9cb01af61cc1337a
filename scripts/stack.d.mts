// Types for scripts/stack.mjs (used by the TypeScript end-to-end setup).
import type { Emulator, EmulatorOptions } from '../dist/emulator/index.js';

export declare const exampleDir: string;
export declare const DEMO_COOKIE_PASSWORD: string;
export declare function readExampleEnvFile(): Record<string, string>;
export declare function usesRealWorkOS(envFile?: Record<string, string>): boolean;
export declare function exampleIsBuilt(appDir?: string): boolean;

export interface StackOptions {
  appPort?: number;
  emulatorPort?: number;
  emulator?: boolean;
  emulatorOptions?: EmulatorOptions;
  appEnv?: Record<string, string>;
  logFile?: string;
  /** A built app other than the example. */
  appDir?: string;
}

export interface Stack {
  appUrl: string;
  emulator: Emulator | undefined;
  env: Record<string, string>;
  stop(): Promise<void>;
  appExited: Promise<number | string | null>;
}

export declare function startStack(options?: StackOptions): Promise<Stack>;
