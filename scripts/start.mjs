// `npm start`: opens AccountScope on the bundled sample case. The sample logs are imported and analysed
// into a case in the user's folder on first start. Where the optional `electron` package installed (online,
// Node >= 22.12) the desktop window opens; without it, one plain line says why and the same UI starts in
// browser mode on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;

if (
  !existsSync(join(root, 'dist', 'electron', 'main', 'main.js')) ||
  !existsSync(join(root, 'renderer-dist', 'index.html'))
) {
  console.log('Building AccountScope first (npm run build)…');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const sampleCase =
  process.env.ACCOUNTSCOPE_SAMPLE_CASE ?? join(homedir(), '.accountscope', 'sample-case.duckdb');

/**
 * The cached sample case is rebuilt when the sample logs or the engine's schema are newer than it, so an
 * updated checkout never opens a stale or incompatible case.
 */
function sampleCaseIsCurrent() {
  if (!existsSync(sampleCase)) return false;
  const built = statSync(sampleCase).mtimeMs;
  const inputs = [
    join(root, 'sample-logs', 'manifest.json'),
    join(root, 'dist', 'electron', 'engine', 'store', 'migrations'),
  ];
  return inputs.every((p) => !existsSync(p) || statSync(p).mtimeMs <= built);
}

async function prepareSampleCase() {
  if (sampleCaseIsCurrent()) return;
  for (const suffix of ['', '.wal']) rmSync(`${sampleCase}${suffix}`, { force: true });
  mkdirSync(dirname(sampleCase), { recursive: true });
  const { CaseService } = await import(dist('electron/engine/service/caseService.js'));
  const { defaultAnalytics } = await import(dist('electron/engine/service/analyticsPort.js'));
  const service = await CaseService.open(sampleCase, { analytics: defaultAnalytics() });
  const logs = join(root, 'sample-logs', 'evidence');
  // The import's parse worker does not hold the event loop open; this timer does, until the case is ready.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    if (existsSync(logs) && readdirSync(logs).length > 0) {
      console.log(`Importing the sample logs into ${sampleCase} (first start, or after an update)…`);
      const started = await service.invoke('startImport', { paths: [logs] });
      if (!started.ok) throw new Error(started.error.message);
      for (;;) {
        const s = await service.invoke('importStatus', { importId: started.value.importId });
        if (!s.ok || s.value.state !== 'running') break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // The sample case ships with its allowlist (the approved provisioning script, the pentest source,
      // the helpdesk's SSPR run): the findings it covers open lowered, and a trainer can edit it in Settings.
      const allowlistPath = join(root, 'sample-logs', 'allowlist.json');
      if (existsSync(allowlistPath)) {
        const current = await service.invoke('getSettings', {});
        if (current.ok) {
          const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8'));
          const saved = await service.invoke('setSettings', { ...current.value, allowlist });
          if (!saved.ok) console.log(`The sample allowlist was not applied: ${saved.error.message}`);
        }
      }
      const analyzed = await service.invoke('analyze', {});
      if (analyzed.ok) console.log(`Sample case ready: ${analyzed.value.findings} finding(s).`);
    } else console.log('sample-logs/evidence/ is empty: starting on an empty case.');
  } finally {
    clearInterval(keepAlive);
    await service.close();
  }
}

function openBrowser(url) {
  if (process.env.CI) return;
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

await prepareSampleCase();
const { findElectron, browserFallbackLine } = await import(dist('electron/main/findElectron.js'));
const electron = findElectron(root);

if (electron.found) {
  const child = spawn(electron.path, [root, `--case=${sampleCase}`], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(browserFallbackLine(electron));
  const { startServer } = await import(dist('electron/engine/server/startServer.js'));
  const { startNotice, stopNotice } = await import(dist('electron/engine/server/serveCommand.js'));
  const server = await startServer({ casePath: sampleCase });
  console.log(server.url);
  process.stderr.write(startNotice(server));
  openBrowser(server.url);
  const stop = async () => {
    process.stderr.write(stopNotice(server, await server.close()));
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
