// Char codes of JSON's punctuation, for the scanners that read large bodies without JSON.parse-ing
// all of them (src/datasources/prometheus/matrixBody.ts, src/datasources/tempo/jsonArrayCutter.ts).

export const QUOTE = 34;
export const BACKSLASH = 92;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const COMMA = 44;
export const COLON = 58;
export const DOT = 46;
export const MINUS = 45;
export const ZERO = 48;
export const NINE = 57;
