/** Loopback ports for the end-to-end run, distinct from `npm start`'s 3000 and 4100. */
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4200);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const EMULATOR_URL = `http://localhost:${EMULATOR_PORT}`;
