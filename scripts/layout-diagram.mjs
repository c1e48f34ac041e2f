// Gives a BPMN file a fresh diagram (DI) so it opens in any modeler: node scripts/layout-diagram.mjs <file.bpmn>...
// Model the semantics by hand, then run this; bpmn-auto-layout replaces any existing diagram.
import { readFile, writeFile } from 'node:fs/promises';
import { layoutProcess } from 'bpmn-auto-layout';

for (const file of process.argv.slice(2)) {
  const laidOut = await layoutProcess(await readFile(file, 'utf8'));
  await writeFile(file, laidOut.endsWith('\n') ? laidOut : `${laidOut}\n`);
  console.log(`laid out ${file}`);
}
