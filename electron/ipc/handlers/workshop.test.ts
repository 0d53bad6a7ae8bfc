import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../dispatch.js';
import { handlers } from './index.js';
import { Session } from '../session.js';
import { testPlatform } from '../test-support/test-platform.js';
import { tempDir } from '../../import/test-support/workshop.js';
import { runImport } from '../../import/run-import.js';
import { closeWorkshop, openWorkshop } from '../../store/workshop-db.js';
import { damageLeafPage, ousCsv } from '../../store/test-support/damage.js';

let session: Session | undefined;
afterEach(() => session?.close());

describe('recovering a damaged workshop', () => {
  it('asks where to put the new workshop in a dialog that says it is a recovery, and suggests "(recovered)"', async () => {
    const dir = tempDir('syncplan-recover-');
    const damaged = join(dir, 'Contoso.syncplan');
    writeFileSync(join(dir, 'ous.csv'), ousCsv(3000, 'contoso.com'));
    const { db } = await openWorkshop(damaged, { mode: 'create', name: 'Contoso' });
    await runImport(db, [join(dir, 'ous.csv')]);
    closeWorkshop(db);
    damageLeafPage(damaged, 'ous');

    const asked: { name: string; title: string | undefined }[] = [];
    session = new Session(
      testPlatform(dir, {
        dialogs: {
          saveCopyPath: async (name, title) => {
            asked.push({ name, title });
            return join(dir, name);
          },
        },
      }),
    );
    const result = await dispatch(handlers, 'workshop.recover', { path: damaged }, { session });
    expect(result.ok).toBe(true);
    expect(asked).toEqual([{ name: 'Contoso (recovered).syncplan', title: 'Recover into a new workshop' }]);
  });
});
