/**
 * The apps the end-to-end suite drives, each with its own emulator, on loopback ports distinct from
 * `npm start`'s 3000 and 4100: the example (Cache Components on, Next 16, proxy.ts) and the two
 * fixture apps (scripts/fixture-apps.mjs): Cache Components off, and Next 15 with middleware.ts.
 */
export type TargetName = 'example' | 'cache-off' | 'next15';

export interface Target {
  name: TargetName;
  appPort: number;
  emulatorPort: number;
  appUrl: string;
  emulatorUrl: string;
}

function target(name: TargetName, appPort: number, emulatorPort: number): Target {
  return { name, appPort, emulatorPort, appUrl: `http://localhost:${appPort}`, emulatorUrl: `http://localhost:${emulatorPort}` };
}

export const TARGETS: Record<TargetName, Target> = {
  example: target('example', Number(process.env.E2E_APP_PORT ?? 3100), Number(process.env.E2E_EMULATOR_PORT ?? 4200)),
  'cache-off': target('cache-off', 3110, 4210),
  next15: target('next15', 3120, 4220),
};

/** The apps this run starts: `E2E_APPS=example,next15` picks some; all by default. */
export const SELECTED: TargetName[] = (process.env.E2E_APPS?.split(',') ?? Object.keys(TARGETS)) as TargetName[];

export const APP_PORT = TARGETS.example.appPort;
export const EMULATOR_PORT = TARGETS.example.emulatorPort;
export const APP_URL = TARGETS.example.appUrl;
export const EMULATOR_URL = TARGETS.example.emulatorUrl;
