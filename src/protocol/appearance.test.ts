import { describe, expect, test } from 'vitest';
import { parseAppearance, type AppearanceVariable } from './appearance';

const valid = (variable: AppearanceVariable, value: string) =>
  parseAppearance({ variables: { [variable]: value } }).ok;

describe('parseAppearance', () => {
  test('accepts a full appearance', () => {
    const appearance = {
      theme: 'dark',
      variables: {
        colorPrimary: '#0a7d4f',
        colorBackground: 'rgb(255, 255, 255)',
        colorText: 'hsl(222 35% 15%)',
        colorTextSecondary: 'rgba(0, 0, 0, 0.6)',
        colorBorder: '#d0d5dd80',
        colorDanger: 'hsla(350, 85%, 42%, 1)',
        borderRadius: '0px',
        fontFamily: `Georgia, 'Times New Roman', serif`,
        fontSizeBase: '1rem',
        spacingUnit: '5px',
      },
    };
    expect(parseAppearance(appearance)).toEqual({ ok: true, appearance });
  });

  test.each(['light', 'dark', 'auto'])('accepts theme %s without variables', (theme) => {
    expect(parseAppearance({ theme })).toEqual({ ok: true, appearance: { theme } });
  });

  test.each([
    '#abc',
    '#A1B2C3',
    '#a1b2c3d4',
    'rgb(0,0,0)',
    'rgb(10 20 30)',
    'rgb(10 20 30 / 50%)',
    'rgba(10, 20, 30, .5)',
    'RGB(100%, 0%, 0%)',
    'hsl(120deg 50% 40%)',
    'hsl(120, 50%, 40%)',
  ])('accepts the colour %s', (value) => {
    expect(valid('colorPrimary', value)).toBe(true);
  });

  test.each([
    'red',
    'red;}body{',
    '#0f0;}body{background:red',
    '#12',
    '#abcd',
    '#ggg',
    'url(https://x)',
    'expression(alert(1))',
    'var(--x)',
    'rgb(var(--x), 0, 0)',
    'rgb(1, 2, 3) /* */',
    '/* */#fff',
    'rgb(1,2)',
    'rgb(1, 2, 3, 4, 5)',
    'rgb(-1, 2, 3)',
    'rgb(1e3, 2, 3)',
    'rgb(calc(1), 2, 3)',
    'hsl(1turn 50% 50%)',
    'color-mix(in srgb, red, blue)',
    '#fff\\;',
    '#fff\n',
    `rgb(${' '.repeat(80)}1, 2, 3)`,
  ])('rejects the colour %j', (value) => {
    expect(valid('colorPrimary', value)).toBe(false);
  });

  test.each([
    ['borderRadius', '0'],
    ['borderRadius', '0px'],
    ['borderRadius', '32px'],
    ['borderRadius', '0.5rem'],
    ['borderRadius', '2em'],
    ['fontSizeBase', '12px'],
    ['fontSizeBase', '24px'],
    ['fontSizeBase', '1.125rem'],
    ['spacingUnit', '2px'],
    ['spacingUnit', '.25rem'],
    ['spacingUnit', '12px'],
  ] as const)('accepts %s %s', (variable, value) => {
    expect(valid(variable, value)).toBe(true);
  });

  test.each([
    ['borderRadius', '1000px'],
    ['borderRadius', '33px'],
    ['borderRadius', '-1px'],
    ['borderRadius', '8'],
    ['borderRadius', '8 px'],
    ['borderRadius', '8pt'],
    ['borderRadius', '50%'],
    ['borderRadius', 'calc(8px)'],
    ['borderRadius', '8px;}body{'],
    ['fontSizeBase', '11px'],
    ['fontSizeBase', '25px'],
    ['fontSizeBase', '2rem'],
    ['fontSizeBase', '0'],
    ['spacingUnit', '1px'],
    ['spacingUnit', '13px'],
    ['spacingUnit', '1vw'],
  ] as const)('rejects %s %s', (variable, value) => {
    expect(valid(variable, value)).toBe(false);
  });

  test.each([
    'Georgia',
    'Georgia, serif',
    `'Times New Roman', Times, serif`,
    '"Helvetica Neue", Arial, sans-serif',
    `'Source Sans 3', system-ui`,
  ])('accepts the font family %s', (value) => {
    expect(valid('fontFamily', value)).toBe(true);
  });

  test.each([
    'Georgia; color: red',
    'a}body{',
    'url(https://fonts.example/x.woff2)',
    'var(--x)',
    'Georgia /* */',
    `'Unclosed, serif`,
    `'Mixed", serif`,
    '3D Font',
    'Source Sans 3',
    'Georgia,,serif',
    'inherit',
    'serif, initial',
    'Georgia\\0',
    'x'.repeat(201),
  ])('rejects the font family %j', (value) => {
    expect(valid('fontFamily', value)).toBe(false);
  });

  test.each([
    [null, 'appearance must be an object'],
    ['dark', 'appearance must be an object'],
    [{ theme: 'sepia' }, 'appearance.theme is not an allowed value'],
    [{ colors: {} }, 'appearance has unknown keys: colors'],
    [{ variables: { colorPrimry: '#fff' } }, 'appearance.variables has unknown keys: colorPrimry'],
    [{ variables: { colorPrimary: 42 } }, 'appearance.variables.colorPrimary must be a string'],
    [
      { variables: { colorPrimary: 'red;}body{' } },
      'appearance.variables.colorPrimary is not an allowed value',
    ],
  ])('names what is wrong with %j, without echoing the value', (value, reason) => {
    expect(parseAppearance(value)).toEqual({ ok: false, reason });
  });
});
