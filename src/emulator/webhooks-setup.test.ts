/** Webhooks set before the first request: `createEmulator({ webhookUrl, webhookSecret })` and the CLI flags. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test/support/emulator.js';
import { parseCliArgs, startCli, UsageError } from './cli-main.js';
import { Receiver } from '../../test/support/webhook-receiver.js';

const SECRET = 'whsec_test_emulator';
const receiver = new Receiver();
let receiverUrl: string;
beforeAll(async () => {
  receiverUrl = await receiver.start();
});
afterAll(() => receiver.stop());

describe('webhooks from the start', () => {
  it('come from createEmulator({ webhookUrl, webhookSecret }) and return there on reset', async () => {
    const own = await startTestEmulator({ webhookUrl: receiverUrl, webhookSecret: SECRET });
    try {
      expect(own.control.webhooks().webhooks).toMatchObject({ url: receiverUrl, secret_set: true });
      own.control.setWebhooks({ url: null });
      own.control.reset();
      await own.control.createSession({ email: 'carol@example.com' });
      expect((await own.control.settleWebhooks()).deliveries.map((delivery) => delivery.state)).toEqual(['delivered']);
    } finally {
      await own.close();
    }
    await expect(startTestEmulator({ webhookUrl: receiverUrl })).rejects.toThrow(/webhookSecret: required with webhookUrl/);
  });
});

describe('the command line', () => {
  it('takes --webhook-url and --webhook-secret, says so in the banner, and wants both', async () => {
    expect(parseCliArgs(['--webhook-url', receiverUrl, '--webhook-secret', SECRET])).toEqual({
      port: 4100,
      webhookUrl: receiverUrl,
      webhookSecret: SECRET,
    });
    const directory = mkdtempSync(join(tmpdir(), 'emulator-webhooks-'));
    let printed = '';
    const cli = await startCli(
      ['--port', '0', '--quiet', '--key-file', join(directory, 'key.json'), '--webhook-url', receiverUrl, '--webhook-secret', SECRET],
      (text) => (printed += text),
    );
    try {
      expect(printed).toContain(`Webhooks: every event is POSTed to ${receiverUrl}`);
      expect(printed).not.toContain(SECRET);
      await expect(startCli(['--port', '0', '--webhook-url', receiverUrl], () => {})).rejects.toThrow(/webhookSecret/);
      expect(() => parseCliArgs(['--webhook-url'])).toThrow(UsageError);
    } finally {
      await cli!.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
