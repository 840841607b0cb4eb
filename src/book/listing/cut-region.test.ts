import { describe, expect, it } from 'vitest';
import { cutRegion, dedent, ListingRegionError } from './cut-region';

const source = [
  'import x from "y";',
  '',
  'export class Trainer {',
  '  step() {',
  '    // #region listing:train-step',
  '',
  '    const loss = this.forward();',
  '    // #region listing:backward',
  '    loss.backward();',
  '    // #endregion listing:backward',
  '    return loss;',
  '',
  '    // #endregion listing:train-step',
  '  }',
  '}',
].join('\n');

describe('cutRegion', () => {
  it('returns the dedented lines between the markers with their source line numbers', () => {
    const slice = cutRegion(source, 'train-step', 'trainer.ts');
    expect(slice.code).toBe('const loss = this.forward();\nloss.backward();\nreturn loss;');
    expect(slice.firstLine).toBe(7);
    expect(slice.lastLine).toBe(11);
  });

  it('cuts a region nested inside another one', () => {
    expect(cutRegion(source, 'backward', 'trainer.ts')).toEqual({ code: 'loss.backward();', firstLine: 9, lastLine: 9 });
  });

  it('accepts Windows line endings and Python or CSS comment markers', () => {
    const python = '# #region listing:py\r\nx = 1\r\n# #endregion listing:py\r\n';
    expect(cutRegion(python, 'py', 'a.py').code).toBe('x = 1');
    const css = '/* #region listing:css */\n.a { color: red; }\n/* #endregion listing:css */';
    expect(cutRegion(css, 'css', 'a.css').code).toBe('.a { color: red; }');
  });

  it('names the file and the missing opening marker', () => {
    expect(() => cutRegion(source, 'nope', 'src/core/trainer.ts')).toThrow(
      'src/core/trainer.ts has no marker "// #region listing:nope"',
    );
  });

  it('names the closing marker when only the opening one exists', () => {
    const open = '// #region listing:a\ncode();';
    expect(() => cutRegion(open, 'a', 'f.ts')).toThrow('never closes it with "// #endregion listing:a"');
  });

  it('rejects duplicated, reversed, empty and malformed regions', () => {
    const twice = '// #region listing:a\nx\n// #endregion listing:a\n// #region listing:a\n// #endregion listing:a';
    expect(() => cutRegion(twice, 'a', 'f.ts')).toThrow(ListingRegionError);
    const reversed = '// #endregion listing:a\nx\n// #region listing:a';
    expect(() => cutRegion(reversed, 'a', 'f.ts')).toThrow('before opening it');
    const empty = '// #region listing:a\n\n// #endregion listing:a';
    expect(() => cutRegion(empty, 'a', 'f.ts')).toThrow('is empty');
    expect(() => cutRegion(source, 'bad name', 'f.ts')).toThrow('may only use letters');
  });

  it('does not confuse a region whose name is a prefix of another', () => {
    const text = '// #region listing:step-a\nA\n// #endregion listing:step-a\n// #region listing:step\nB\n// #endregion listing:step';
    expect(cutRegion(text, 'step', 'f.ts').code).toBe('B');
  });
});

describe('dedent', () => {
  it('removes only the indentation shared by non-blank lines', () => {
    expect(dedent(['    a', '', '      b'])).toEqual(['a', '', '  b']);
  });
});
