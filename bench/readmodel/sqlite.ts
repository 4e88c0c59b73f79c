/** The read-model bench on the embedded SQLite file (the default): statements prepared on its own connection. */
import { statSync } from 'node:fs';
import { openReadModel } from '../../db/connection';
import type { BenchTarget } from './target';

export function sqliteTarget(file: string): BenchTarget {
  const db = openReadModel(file);
  const sqlite = db.$client;
  return {
    dialect: 'sqlite',
    location: file,
    db,
    bare: ({ text, params }) => {
      const statement = sqlite.prepare(text);
      return async () => statement.all(...params);
    },
    storage: async () => {
      const size = (suffix: string) => {
        try {
          return statSync(file + suffix).size;
        } catch {
          return 0;
        }
      };
      return { file: size(''), wal: size('-wal') };
    },
    close: async () => {
      sqlite.close();
    },
  };
}
