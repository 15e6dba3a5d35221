import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers of src/, lowest first (ARCHITECTURE.md): a file may import from its own layer or
// one below, never from one above. Types count too: they are how a layer learns of another.
const LAYERS = [
  ['errors.ts', 'model'],
  ['runner'],
  ['scenarios'],
  ['browser'],
  ['report'],
  ['live'],
  ['bench', 'soak', 'tour'],
  ['pages'],
  ['index.ts'],
];
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const rank = (top: string) => LAYERS.findIndex((names) => names.includes(top));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

// An import names a root file by its .js name (`../errors.js`): its layer is the .ts file's.
const topOf = (path: string) => relative(SRC, path).split('/')[0]!.replace(/\.js$/, '.ts');

describe('the layers of loadtest/src', () => {
  it('when any file imports another of src/, then the other is in its layer or below', () => {
    const upward: string[] = [];
    for (const file of files(SRC)) {
      const from = topOf(file);
      const imports = readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g);
      for (const [, spec] of imports) {
        const target = join(file, '..', spec!);
        const to = topOf(target);
        if (rank(to) > rank(from))
          upward.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
      }
    }

    expect(files(SRC).every((f) => rank(topOf(f)) >= 0)).toBe(true);
    expect(upward).toEqual([]);
  });
});
