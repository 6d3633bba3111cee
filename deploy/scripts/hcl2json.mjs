// Parses every Terraform file given with @cdktf/hcl2json (HashiCorp's own HCL parser, compiled to WebAssembly) and
// prints one JSON object: file path -> parsed body. Exits 1, naming the file, at the first that does not parse.
// Usage: node hcl2json.mjs <file.tf>...
import fs from 'node:fs';
import { parse } from '@cdktf/hcl2json';

const parsed = {};
for (const file of process.argv.slice(2)) {
  try {
    parsed[file] = await parse(file, fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file} does not parse: ${e.message || e}`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(parsed));
