/** Temporal's environment configuration as every process reads it: today's defaults, variables, a TOML profile. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTarget, temporalTarget } from '../../worker/temporal-config';

const dir = mkdtempSync(join(tmpdir(), 'fengqiao-envconfig-'));
// A config file with no default profile: a developer's own ~/.config/temporalio/temporal.toml must not leak in.
const noFile = { TEMPORAL_CONFIG_FILE: join(dir, 'other-profiles.toml') };
writeFileSync(noFile.TEMPORAL_CONFIG_FILE, '[profile.unused]\naddress = "elsewhere:7233"\n');

describe('temporalTarget', () => {
  it('keeps the defaults: localhost:7233, namespace default, plaintext', () => {
    const target = temporalTarget(noFile);
    expect(target).toEqual({ namespace: 'default', connection: { address: 'localhost:7233' } });
    expect(describeTarget(target)).toBe('localhost:7233 (namespace default, plaintext)');
  });

  it('takes address, namespace, API key and TLS from the TEMPORAL_* variables', () => {
    const target = temporalTarget({
      ...noFile,
      TEMPORAL_ADDRESS: 'bureau.temporal.example:7233',
      TEMPORAL_NAMESPACE: 'fengqiao',
      TEMPORAL_API_KEY: 'secret',
    });
    expect(target.namespace).toBe('fengqiao');
    expect(target.connection.address).toBe('bureau.temporal.example:7233');
    expect(target.connection.apiKey).toBe('secret');
    // An API key implies TLS, as Temporal Cloud needs.
    expect(describeTarget(target)).toBe('bureau.temporal.example:7233 (namespace fengqiao, TLS, API key)');
  });

  it('reads a TOML profile with mTLS, and a variable overrides it', () => {
    const file = join(dir, 'temporal.toml');
    writeFileSync(
      file,
      '[profile.bureau]\naddress = "temporal.bureau:7233"\nnamespace = "xf"\n[profile.bureau.tls]\n' +
        'client_cert_data = "CERT"\nclient_key_data = "KEY"\nserver_name = "temporal.bureau"\n',
    );
    const target = temporalTarget({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'bureau' });
    expect(target.connection.address).toBe('temporal.bureau:7233');
    expect(target.connection.tls).toMatchObject({ serverNameOverride: 'temporal.bureau' });
    expect(describeTarget(target)).toBe('temporal.bureau:7233 (namespace xf, mTLS)');
    const overridden = temporalTarget({
      TEMPORAL_CONFIG_FILE: file,
      TEMPORAL_PROFILE: 'bureau',
      TEMPORAL_NAMESPACE: 'y',
    });
    expect(overridden.namespace).toBe('y');
  });
});
