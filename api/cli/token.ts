/**
 * Issues an API token: `npm run token -- --role UNIT_HANDLER --unit U-FT-01 [--id zhang.san] [--member M-1]`.
 * Prints the token once; only its hash is stored. `npm run token -- --revoke fq_…` revokes one at once.
 */
import { parseArgs } from 'node:util';
import { openReadModel } from '../../db/connection';
import { seedUnits } from '../../db/seed-units';
import { issueToken, revokeToken, ROLES, type Role } from '../auth';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    unit: { type: 'string' },
    member: { type: 'string' },
    id: { type: 'string' },
    label: { type: 'string' },
    revoke: { type: 'string' },
  },
});

if (values.revoke) {
  const db = openReadModel();
  const existed = await revokeToken(db, values.revoke);
  db.$client.close();
  console.log(existed ? 'revoked' : 'no such token');
  process.exit(existed ? 0 : 1);
}

const role = values.role?.toUpperCase() as Role | undefined;
if (!role || !ROLES.includes(role)) {
  console.error(`usage: npm run token -- --role <${ROLES.join('|')}> [--unit U-FT-01] [--member M-1] [--id name]`);
  process.exit(2);
}
const db = openReadModel();
await seedUnits(db);
try {
  const token = await issueToken(db, {
    role,
    principalId: values.id ?? `${role.toLowerCase()}-${Date.now().toString(36)}`,
    unitId: values.unit ?? null,
    memberId: values.member ?? null,
    label: values.label ?? null,
  });
  console.log(token);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
} finally {
  db.$client.close();
}
