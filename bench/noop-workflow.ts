/**
 * The baseline of bench/whole.ts: a workflow that does nothing, so that starting it and having a worker run it
 * costs only what Temporal itself costs. Bundled on its own, for its own worker and task queue.
 */
export async function benchNoopWorkflow(): Promise<void> {}
