// Runs every benchmark in bench/ (files named *.bench.js) one after the other.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const benches = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.bench.js'));
if (benches.length === 0) console.log('no benchmarks yet');
for (const file of benches) {
  console.log(`\n## ${file}`);
  const { status } = spawnSync(process.execPath, [new URL(file, import.meta.url).pathname], {
    stdio: 'inherit',
  });
  if (status !== 0) process.exit(status ?? 1);
}
