/**
 * Where every Fengqiao process (worker, API, replay and rebuild tools) finds Temporal: Temporal's own environment
 * configuration (@temporalio/envconfig), so a production cluster with mTLS or Temporal Cloud with an API key is
 * reached the way the Temporal CLI reaches it, and every process connects the same way:
 *
 * - a TOML profile: TEMPORAL_CONFIG_FILE (default ~/.config/temporalio/temporal.toml), TEMPORAL_PROFILE;
 * - over it, the variables TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS,
 *   TEMPORAL_TLS_CLIENT_CERT_PATH / _DATA, TEMPORAL_TLS_CLIENT_KEY_PATH / _DATA, TEMPORAL_TLS_SERVER_CA_CERT_PATH /
 *   _DATA, TEMPORAL_TLS_SERVER_NAME, TEMPORAL_GRPC_META_<NAME>.
 *
 * With none of them: localhost:7233, namespace `default`, plain gRPC, as before.
 */
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { fengqiaoDataConverter } from './data-converter';
import { loadClientConnectConfig } from '@temporalio/envconfig';

export const DEFAULT_ADDRESS = 'localhost:7233';
export const DEFAULT_NAMESPACE = 'default';

export interface TemporalTarget {
  namespace: string;
  /** For `Connection.connect` / `Connection.lazy` and `NativeConnection.connect` alike (the same fields). */
  connection: Pick<ConnectionOptions, 'address' | 'tls' | 'metadata'> & { address: string; apiKey?: string };
}

export function temporalTarget(env: Record<string, string | undefined> = process.env): TemporalTarget {
  const defined = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
  const { connectionOptions, namespace } = loadClientConnectConfig({ overrideEnvVars: defined });
  const { address, tls, apiKey, metadata } = connectionOptions;
  return {
    namespace: namespace ?? DEFAULT_NAMESPACE,
    connection: {
      address: address ?? DEFAULT_ADDRESS,
      ...(tls !== undefined ? { tls } : {}),
      ...(typeof apiKey === 'string' ? { apiKey } : {}),
      ...(metadata ? { metadata: metadata as Record<string, string> } : {}),
    },
  };
}

/** For the start-up line: where, and how secured; never a key or a certificate. */
export function describeTarget(target: TemporalTarget): string {
  const { tls, apiKey } = target.connection;
  const secured = tls && typeof tls === 'object' && tls.clientCertPair ? 'mTLS' : tls ? 'TLS' : 'plaintext';
  return `${target.connection.address} (namespace ${target.namespace}, ${secured}${apiKey ? ', API key' : ''})`;
}

/** A client of the configured Temporal, with the codec's keys: what the command-line tools read petitions with. */
export async function connectToolClient(target: TemporalTarget = temporalTarget()): Promise<Client> {
  const connection = await Connection.connect(target.connection);
  return new Client({ connection, namespace: target.namespace, dataConverter: fengqiaoDataConverter() });
}
