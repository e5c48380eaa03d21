// An ESLint rule of this project: no module may reach itself through value imports. ESLint checks one
// file at a time, so the import graph of the project's own files is read once (relative imports only:
// packages cannot import us back) and each file is reported when it lies on a cycle, with the cycle.
// Type-only imports are left out: TypeScript erases them, so they cannot make a module load half-built.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';

// `import x from './a.js'`, `export { y } from './b.js'`, `import './c.js'`, `import('./d.js')`; not `import type`.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

const SOURCE_EXTS = ['.ts', '.tsx', '.cts', '.mts'];
const JS_EXTS = ['.js', '.jsx', '.cjs', '.mjs'];

/** The source file a relative specifier names: `./a.js` is `./a.ts` (or .tsx) in TypeScript's NodeNext style. */
function resolveSpecifier(from, spec) {
  const base = resolve(dirname(from), spec);
  const ext = extname(base);
  // A stylesheet, an image, JSON: not a module that can import back.
  if (ext && !JS_EXTS.includes(ext) && !SOURCE_EXTS.includes(ext)) return null;
  const stem = ext ? base.slice(0, -ext.length) : base;
  for (const candidate of [
    ...SOURCE_EXTS.map((e) => stem + e),
    base,
    ...SOURCE_EXTS.map((e) => `${base}/index${e}`),
  ]) {
    if (existsSync(candidate) && SOURCE_EXTS.includes(extname(candidate))) return candidate;
  }
  return null;
}

const edgesCache = new Map();

function edgesOf(file) {
  let edges = edgesCache.get(file);
  if (edges) return edges;
  edges = [];
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '';
  }
  // Block and line comments may quote imports; they are not imports.
  text = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');
  for (const m of text.matchAll(IMPORT)) {
    const target = resolveSpecifier(file, m[1] ?? m[2]);
    if (target) edges.push(target);
  }
  edgesCache.set(file, edges);
  return edges;
}

/** A shortest path of imports from `start` back to itself, or null. */
function cycleThrough(start) {
  const previous = new Map([[start, null]]);
  const queue = [...edgesOf(start).map((n) => [n, start])];
  while (queue.length > 0) {
    const [node, from] = queue.shift();
    if (node === start) {
      const path = [start];
      for (let at = from; at !== start; at = previous.get(at)) path.unshift(at);
      path.unshift(start);
      return path;
    }
    if (previous.has(node)) continue;
    previous.set(node, from);
    for (const next of edgesOf(node)) queue.push([next, node]);
  }
  return null;
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'a module must not import itself through a chain of value imports' },
    schema: [],
  },
  create(context) {
    return {
      Program(node) {
        const file = context.filename;
        if (!SOURCE_EXTS.includes(extname(file))) return;
        const cycle = cycleThrough(resolve(file));
        if (!cycle) return;
        const root = context.cwd;
        context.report({
          node,
          message: `import cycle: ${cycle.map((f) => relative(root, f)).join(' → ')}`,
        });
      },
    };
  },
};
