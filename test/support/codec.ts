/**
 * The tests' payload codec: the keys the global setup made for this run (never the repository's `.data/`), so
 * every Temporal client and worker a test builds encrypts as production does.
 */
import type { DataConverter } from '@temporalio/common';
import { inject } from 'vitest';
import { fengqiaoDataConverter } from '../../worker/data-converter';

/** Points this process (and the processes it starts) at the run's keys; the system project's setup made them. */
export function testCodecEnv(): { FENGQIAO_CODEC_KEYS_DIR: string } {
  process.env.FENGQIAO_CODEC_KEYS_DIR ??= inject('codecKeysDir');
  return { FENGQIAO_CODEC_KEYS_DIR: process.env.FENGQIAO_CODEC_KEYS_DIR };
}

export function testDataConverter(): DataConverter {
  testCodecEnv();
  return fengqiaoDataConverter();
}
