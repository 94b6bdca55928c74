// Loki, Prometheus and Tempo take Go's RE2 syntax; the demo evaluates with JavaScript's RegExp.
// The two differ on the forms people write most: a leading `(?i)` flag group and `(?P<name>…)`.

/** A JavaScript RegExp for an RE2 pattern (`(?i)` prefix becomes the `i` flag). */
export function re2ToRegExp(pattern: string, anchored = false): RegExp {
  let source = pattern.replace(/\(\?P</g, '(?<');
  let flags = '';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags = 'i';
  }
  return new RegExp(anchored ? `^(?:${source})$` : source, flags);
}
