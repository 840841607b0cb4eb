import { describe, expect, it } from 'vitest';
import { defaultState, linkFor, parseField, parseState, serializeState, type Schema } from './url-state';
import { toCsv } from './csv';

interface Demo { ratio: number; mode: 'static' | 'live'; steps: number; log: boolean }
const schema: Schema<Demo> = {
  ratio: { kind: 'number', min: 1, max: 1000, fallback: 20 },
  mode: { kind: 'choice', options: ['static', 'live'], fallback: 'static' },
  steps: { kind: 'number', min: 10, max: 500, fallback: 200, integer: true },
  log: { kind: 'boolean', fallback: false },
};

describe('widget state in the URL', () => {
  it('round-trips a state through the query string under the widget prefix', () => {
    const state: Demo = { ratio: 500, mode: 'live', steps: 300, log: true };
    const params = serializeState(new URLSearchParams('backend=wasm'), 'combiner1', schema, state);
    expect(params.get('combiner1.ratio')).toBe('500');
    expect(params.get('backend')).toBe('wasm');
    expect(parseState(params, 'combiner1', schema)).toEqual(state);
  });

  it('leaves defaults out of the URL', () => {
    const params = serializeState(new URLSearchParams(), 'w', schema, { ratio: 20, mode: 'static', steps: 200, log: false });
    expect(params.toString()).toBe('');
  });

  it('clamps absurd numbers and ignores malformed ones', () => {
    expect(parseField('1e9', schema.ratio)).toBe(1000);
    expect(parseField('-5', schema.ratio)).toBe(1);
    expect(parseField('NaN', schema.ratio)).toBe(20);
    expect(parseField('twenty', schema.ratio)).toBe(20);
    expect(parseField('', schema.ratio)).toBe(20);
    expect(parseField('250.7', schema.steps)).toBe(251);
    expect(parseField('<script>', schema.mode)).toBe('static');
    expect(parseField('maybe', schema.log)).toBe(false);
  });
});

describe('reset and links', () => {
  it('gives every field its default', () => {
    expect(defaultState(schema)).toEqual({ ratio: 20, mode: 'static', steps: 200, log: false });
  });

  it('links to the page with only this widget’s state and the page-wide options, keeping the route', () => {
    const href = 'https://book.example/balancing/?backend=wasm&other1.x=3&combiner1.ratio=7#/tug-of-war/two-arrows';
    expect(linkFor(href, 'combiner1', schema, { ratio: 500, mode: 'live', steps: 200, log: false }))
      .toBe('https://book.example/balancing/?backend=wasm&combiner1.ratio=500&combiner1.mode=live#/tug-of-war/two-arrows');
  });
});

describe('CSV export', () => {
  it('writes a header, quotes cells that need it and leaves non-finite numbers empty', () => {
    expect(toCsv(['step', 'label'], [[1, 'a,b'], [2, 'say "hi"'], [NaN, 'x']]))
      .toBe('step,label\r\n1,"a,b"\r\n2,"say ""hi"""\r\n,x\r\n');
  });
});
