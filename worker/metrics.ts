/**
 * The worker's Prometheus metrics: the Temporal Core runtime's own exporter (`temporal_…`: workflow and activity
 * task latencies, schedule-to-start, sticky cache, pollers, failures, per task queue and type), served at
 * `http://<address>/metrics`. FENGQIAO_WORKER_METRICS is `host:port`, or `off`; unset, 127.0.0.1:9464 (the
 * OpenTelemetry Prometheus exporter's customary port), on loopback so that nothing is exposed unless asked. A second worker on the same machine names another port; if it does not and the default
 * port is taken, it runs without metrics and says so, rather than not running at all. An address given
 * explicitly that cannot be bound is an error: someone expects to scrape it.
 */
import { Runtime } from '@temporalio/worker';

export const DEFAULT_WORKER_METRICS_ADDRESS = '127.0.0.1:9464';

export interface WorkerMetricsSetting {
  address: string;
  /** Given in FENGQIAO_WORKER_METRICS, rather than the default. */
  explicit: boolean;
}

export function workerMetricsSetting(value = process.env.FENGQIAO_WORKER_METRICS): WorkerMetricsSetting | null {
  if (value === 'off') return null;
  if (value === undefined || value === '') return { address: DEFAULT_WORKER_METRICS_ADDRESS, explicit: false };
  if (!/^[^\s:]+:\d+$|^\[[0-9a-f:]+\]:\d+$/i.test(value))
    throw new Error(`FENGQIAO_WORKER_METRICS is host:port (e.g. 0.0.0.0:9464) or "off", not "${value}"`);
  return { address: value, explicit: true };
}

/**
 * Installs the process's Temporal runtime with the exporter; before any NativeConnection, which would make the
 * default runtime first. Returns the address served, or null.
 */
export function installWorkerRuntime(setting: WorkerMetricsSetting | null): string | null {
  if (!setting) return null;
  try {
    Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: setting.address } } } });
    return setting.address;
  } catch (err) {
    if (setting.explicit) throw err;
    console.warn(
      `[worker] no metrics: ${(err as Error).message} on ${setting.address}; set FENGQIAO_WORKER_METRICS to another host:port, or to off`,
    );
    return null;
  }
}
