/** What every resolver gets: who is asking, and the two stores behind the API. */
import type { Client } from '@temporalio/client';
import type { WorkflowBundleOption } from '@temporalio/worker';
import type { ReadModel } from '../db/read-model';
import type { Principal } from './auth';
import type { EdgeSettings } from './edges';
import type { MaterialSettings } from './material-upload';
import type { LogSink } from './request-log';
import type { QueryBudget } from './workflow-queries';

export interface ApiDeps {
  db: ReadModel;
  temporal: Client;
  taskQueue: string;
  /** Jurisdiction profile new petitions are started with (domain/statute.ts). */
  profileId: string;
  /**
   * How long a mutation waits on its update before it answers TIMEOUT (`FENGQIAO_UPDATE_TIMEOUT_MS`); absent,
   * DEFAULT_UPDATE_TIMEOUT_MS (api/update-bound.ts).
   */
  updateTimeoutMs?: number;
  /** The workflow code `replayHistory` checks against; bundled from source on first use when absent. */
  workflowBundle?: WorkflowBundleOption;
  /** Allowed origins and the body limit; absent, from the environment (api/edges.ts). */
  edges?: EdgeSettings;
  /** Where the request log's lines go (api/request-log.ts); absent, nowhere: api/main.ts passes stdout. */
  requestLog?: LogSink;
  /** The process's CPU, memory and event loop on /metrics too (api/metrics.ts); api/main.ts turns it on. */
  processMetrics?: boolean;
  /** Where 材料 are stored and how large one may be; absent, from the environment (api/material-upload.ts). */
  materials?: MaterialSettings;
}

export interface ApiContext extends ApiDeps {
  principal: Principal | null;
  /** The workflow queries this request may still make (api/workflow-queries.ts). */
  queryBudget: QueryBudget;
}
