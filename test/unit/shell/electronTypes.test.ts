// The shell compiles against electron/main/electron-api.d.ts everywhere (tsconfig `paths`), because the
// electron package is optional and absent on offline machines. Where it did install, this compiles the
// shell once more against the package's own electron.d.ts, so a declaration of ours that the real API
// does not honour fails here. Elsewhere it is skipped, and says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, tempDir } from '../../support/paths.js';

test("the shell compiles against the installed electron package's own types", (t) => {
  const real = join(projectRoot, 'node_modules', 'electron', 'electron.d.ts');
  if (!existsSync(real)) {
    const reason =
      'the electron package is not installed here (optional dependency): nothing to compare with';
    console.log(reason);
    t.skip(reason);
    return;
  }
  const { dir, cleanup } = tempDir('accountscope-electron-types-');
  t.after(cleanup);
  const config = join(dir, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(projectRoot, 'tsconfig.json'),
      compilerOptions: {
        noEmit: true,
        incremental: false,
        paths: { electron: [real] },
        // Types resolve from the project, not from the temporary folder this config sits in.
        typeRoots: [join(projectRoot, 'node_modules', '@types')],
      },
      include: [
        join(projectRoot, 'electron', 'main', '*.ts'),
        join(projectRoot, 'electron', 'preload', '*.cts'),
        join(projectRoot, 'test', 'unit', 'shell', '*.ts'),
        join(projectRoot, 'test', 'e2e', 'electron.test.ts'),
        join(projectRoot, 'test', 'support', '*.d.ts'),
      ],
      exclude: [join(projectRoot, 'electron', 'main', 'electron-api.d.ts')],
    }),
  );
  const tsc = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(tsc.status, 0, `tsc against ${real}:\n${tsc.stdout}${tsc.stderr}`);
});
