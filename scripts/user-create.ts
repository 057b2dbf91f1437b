// npm run user:create -- --email someone@culture.gouv.fr --role admin
// Creates the account (or finds it) and gives it a role. The person then signs in by email link.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openMigratedDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { USER_ROLES } from '../src/db/schema/index.ts';
import { createUserWithRole } from '../src/features/accounts/users.commands.ts';
import { systemClock } from '../src/platform/clock.ts';
import { normalizeEmail } from '../src/platform/forms.ts';

const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string', default: 'member' } } });
const input = z.object({ email: z.email().transform(normalizeEmail), role: z.enum(USER_ROLES) }).safeParse(values);
if (!input.success) {
  console.error(`Usage : npm run user:create -- --email adresse@exemple.fr --role ${USER_ROLES.join('|')}`);
  process.exit(2);
}
const database = await openMigratedDatabase(loadConfig());
try {
  const user = await createUserWithRole(database.db, input.data.email, input.data.role, systemClock);
  console.info(`Compte ${user.email} : rôle ${user.role}.`);
} finally {
  await database.close();
}
