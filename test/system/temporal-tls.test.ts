/**
 * The worker and the API reach Temporal through Temporal's environment configuration, here
 * with mutual TLS. The CLI v1.5.1 dev server has no TLS options of its own, so an mTLS terminator (node:tls,
 * ALPN h2, client certificates required) stands in front of it, as a load balancer does before a self-hosted
 * cluster. Certificates are made here with openssl. The worker takes its settings from TEMPORAL_* variables, the
 * API from a TOML profile (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE); a petition registers through both.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server } from 'node:tls';
import { Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { temporalTarget } from '../../worker/temporal-config';
import { startDevServer } from '../support/environments';
import { freePort, type Managed, postGraphQL, startEntryPoint } from '../support/processes';
import { eventually } from '../support/system';

let dir: string;
let env: TestWorkflowEnvironment;
let terminator: Server;
let tlsPort: number;
let apiPort: number;
const children: Managed[] = [];
const refusedHandshakes: string[] = [];

const file = (name: string) => join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A CA, a server certificate for localhost / 127.0.0.1 and a client certificate, both signed by the CA. */
function makeCertificates(): void {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=Fengqiao test CA', '-keyout', 'ca.key', '-out', 'ca.pem'); // prettier-ignore
  // X.509 v3 with their usages: the worker's TLS (rustls) refuses v1 certificates.
  writeFileSync(file('server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  writeFileSync(file('client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, subject, ext] of [
    ['server', '/CN=localhost', 'server.ext'],
    ['client', '/CN=fengqiao-worker', 'client.ext'],
  ] as const) {
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', `${name}.key`);
    openssl('req', '-new', '-key', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    openssl(
      'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
      '-days', '1', '-out', `${name}.pem`, '-extfile', ext,
    ); // prettier-ignore
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-tls-'));
  makeCertificates();
  env = await startDevServer();
  const [host, port] = [env.address.split(':')[0]!, Number(env.address.split(':')[1])];
  terminator = createTlsServer(
    {
      key: readFileSync(file('server.key')),
      cert: readFileSync(file('server.pem')),
      ca: readFileSync(file('ca.pem')),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket) => {
      const upstream = connect(port, host);
      socket.pipe(upstream).pipe(socket);
      const close = () => (socket.destroy(), upstream.destroy());
      socket.on('error', close);
      upstream.on('error', close);
    },
  );
  terminator.on('tlsClientError', (err) => refusedHandshakes.push(err.message));
  tlsPort = await freePort();
  await new Promise<void>((resolve) => terminator.listen(tlsPort, '127.0.0.1', resolve));
}, 120_000);

afterAll(async () => {
  await Promise.all(children.map((child) => child.stop()));
  await new Promise<void>((resolve) => (terminator ? terminator.close(() => resolve()) : resolve()));
  await env?.teardown();
  rmSync(dir, { recursive: true, force: true });
});

describe('Temporal over mTLS through the environment configuration', () => {
  it('refuses a client without a certificate: the terminator is really mutual', async () => {
    const target = temporalTarget({
      TEMPORAL_ADDRESS: `localhost:${tlsPort}`,
      TEMPORAL_TLS: 'true',
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('ca.pem'),
    });
    await expect(Connection.connect({ ...target.connection, connectTimeout: 3_000 })).rejects.toThrow();
    expect(refusedHandshakes.join('\n')).toMatch(/certificate/i);
  });

  it('a worker (TEMPORAL_* variables) and the API (a TOML profile) connect with mTLS; a petition registers', async () => {
    const worker = startEntryPoint('worker', 'worker/main.ts', {
      TEMPORAL_ADDRESS: `localhost:${tlsPort}`,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem'),
      TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key'),
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('ca.pem'),
      FENGQIAO_DB: file('fengqiao.db'),
      FENGQIAO_WORKFLOW_BUNDLE: inject('workflowBundlePath'),
    });
    children.push(worker);
    writeFileSync(
      file('temporal.toml'),
      [
        '[profile.bureau]',
        `address = "localhost:${tlsPort}"`,
        'namespace = "default"',
        '[profile.bureau.tls]',
        `client_cert_path = "${file('client.pem')}"`,
        `client_key_path = "${file('client.key')}"`,
        `server_ca_cert_path = "${file('ca.pem')}"`,
        '',
      ].join('\n'),
    );
    apiPort = await freePort();
    const api = startEntryPoint('api', 'api/main.ts', {
      TEMPORAL_CONFIG_FILE: file('temporal.toml'),
      TEMPORAL_PROFILE: 'bureau',
      FENGQIAO_DB: file('fengqiao.db'),
      FENGQIAO_DEV_TOKENS: file('tokens.json'),
      PORT: String(apiPort),
    });
    children.push(api);
    await worker.waitForOutput(/\[worker\] polling .* on localhost:\d+ \(namespace default, mTLS\)/);
    await api.waitForOutput(/\[api\] Temporal: localhost:\d+ \(namespace default, mTLS\)/);
    await eventually(async () => (await fetch(`http://127.0.0.1:${apiPort}/health`)).status === 200, 30_000);

    const tokens = JSON.parse(readFileSync(file('tokens.json'), 'utf8')) as { role: string; token: string }[];
    const registrar = tokens.find((t) => t.role === 'REGISTRAR')!.token;
    const response = await postGraphQL(
      apiPort,
      registrar,
      `mutation { registerPetition(input: { petitioner: { name: "加密连接" }, channel: LETTER, category: CLAIM,
        summary: "mTLS 测试", content: "经 mTLS 登记", respondentUnitId: "U-FT-01" }) { id status } }`,
    );
    const answer = (await response.json()) as { data?: { registerPetition: { id: string; status: string } } };
    expect(answer.data?.registerPetition.status).toBe('REGISTERED');
    // The worker ran the workflow (the answer waits for its projection), through the terminator too.
    const described = await env.client.workflow.getHandle(`petition-${answer.data!.registerPetition.id}`).describe();
    expect(described.status.name).toBe('RUNNING');
  });
});
