import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('runs every scenario in full by default', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, json: false, only: ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11'], fresh: false });
  });

  it('reads --quick, --json and --only in either spelling, keeping the suite order', () => {
    const args = parseBenchArgs(['--quick', '--json', '--only', 's3,S1']);
    expect(args).toMatchObject({ quick: true, json: true, only: ['S1', 'S3'] });
    expect(parseBenchArgs(['--only=S7']).only).toEqual(['S7']);
  });

  it('refuses unknown options and scenario ids instead of ignoring them', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseBenchArgs(['--only', 'S1,S12'])).toThrow(/S12/);
    expect(() => parseBenchArgs(['--only'])).toThrow(/needs a value/);
  });
});
