// Recharts ships each of its ~300 ES modules with its own copy of Babel's helpers (_objectSpread,
// _defineProperty, _extends, ...): the chart's chunk carried 30-70 copies of each. This plugin
// replaces every copy that is Babel's standard text with an import of one shared copy.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const HELPERS = [
  '_toPropertyKey', '_toPrimitive', '_defineProperty', 'ownKeys', '_objectSpread', '_extends',
  '_objectWithoutPropertiesLoose', '_objectWithoutProperties', '_unsupportedIterableToArray',
  '_slicedToArray', '_nonIterableRest', '_iterableToArrayLimit', '_arrayWithHoles', '_arrayLikeToArray',
];
const VIRTUAL = '\0shared-babel-helpers';
const HELPER_LINE = new RegExp(`^function (${HELPERS.join('|')})\\(.*$`, 'gm');

function* jsFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsFiles(path);
    else if (name.endsWith('.js')) yield path;
  }
}

/** Each helper's most common one-line definition in the package: Babel's standard text. */
function canonicalHelpers(root: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const file of jsFiles(root)) {
    for (const match of readFileSync(file, 'utf8').matchAll(HELPER_LINE)) {
      const byText = counts.get(match[1]!) ?? new Map<string, number>();
      byText.set(match[0], (byText.get(match[0]) ?? 0) + 1);
      counts.set(match[1]!, byText);
    }
  }
  const canonical = new Map<string, string>();
  for (const [name, byText] of counts) canonical.set(name, [...byText].sort((a, b) => b[1] - a[1])[0]![0]);
  return canonical;
}

/** `packageDir`: the package's ES module directory, e.g. node_modules/recharts/es6. */
export function sharedBabelHelpers(packageDir: string): Plugin {
  let canonical: Map<string, string> | undefined;
  const helpers = () => (canonical ??= canonicalHelpers(packageDir));
  return {
    name: 'sightline:shared-babel-helpers',
    apply: 'build',
    resolveId: (id) => (id === VIRTUAL ? VIRTUAL : undefined),
    load(id) {
      if (id !== VIRTUAL) return undefined;
      return [...helpers().values()].join('\n') + `\nexport { ${[...helpers().keys()].join(', ')} };\n`;
    },
    transform(code, id) {
      if (!id.startsWith(packageDir) || !id.endsWith('.js')) return undefined;
      const used: string[] = [];
      const out = code.replace(HELPER_LINE, (line, name: string) => {
        if (helpers().get(name) !== line) return line;
        used.push(name);
        return '';
      });
      if (!used.length) return undefined;
      // On the first line, and the helpers' lines left empty: every other line keeps its number.
      return { code: `import { ${used.join(', ')} } from '${VIRTUAL}';${out}`, map: null };
    },
  };
}
