// Child process of the spill test: fills a case with more than its memory limit holds, prints `ready`,
// then sorts it, spilling into the case's temp folder, and is killed there by the test.
import { openCase } from '../../electron/engine/store/openCase.js';

const [casePath] = process.argv.slice(2);
if (!casePath) throw new Error('usage: spillChild CASE');
const db = await openCase(casePath, { memoryLimit: '48MB', threads: 1 });
await db.conn.run(
  `CREATE TABLE big AS SELECT range AS i, md5(range::VARCHAR) || md5((range * 7)::VARCHAR) AS s FROM range(3000000)`,
);
process.stdout.write('ready\n');
await db.conn.run('SELECT count(*) FROM (SELECT s, i FROM big ORDER BY s DESC)');
process.stdout.write('sorted without spilling\n');
db.close();
