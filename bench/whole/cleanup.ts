/** What the bench has to undo, and undoing it. */

/** What to undo, newest first: servers, workers, read model files. Run at the end, on an error, and on Ctrl-C. */
export const cleanups: (() => unknown)[] = [];
export async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (err) {
      console.error('[bench] cleanup:', err);
    }
  }
}
