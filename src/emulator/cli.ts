#!/usr/bin/env node
/** The `authkit-emulator` bin: start, print the env block, stop cleanly on SIGINT/SIGTERM. */
import { startCli, UsageError, USAGE } from './cli-main.js';

try {
  const emulator = await startCli(process.argv.slice(2), (text) => console.log(text));
  if (emulator) {
    const stop = (signal: NodeJS.Signals) => {
      console.log(`\nReceived ${signal}, stopping the emulator.`);
      void emulator.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} catch (error) {
  console.error(`authkit-emulator: ${(error as Error).message}`);
  if (error instanceof UsageError) console.error(`\n${USAGE}`);
  process.exitCode = 1;
}
