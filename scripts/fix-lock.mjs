// Makes package-lock.json installable with `npm ci` here: drops optional dependencies that have no package record.
// This registry serves only this platform's binaries (jest's unrs-resolver lists 21 per-platform packages; the
// others answer 404), so `npm install` leaves edges that `npm ci` rejects ("Missing: … from lock file", see
// npm/cli#8320). Run it after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pk = lock.packages;
let dropped = 0;
for (const [path, entry] of Object.entries(pk)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    // resolution: nested first, then hoisted
    const nested = `${path ? path + '/' : ''}node_modules/${name}`;
    if (pk[nested] || pk[`node_modules/${name}`]) continue;
    delete entry.optionalDependencies[name];
    dropped++;
  }
}
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log('dropped', dropped);
