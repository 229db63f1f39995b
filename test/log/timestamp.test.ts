import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import { createTimestampParser } from '../../src/log/timestamp.js';

const utc = (s: string) => Date.parse(s);

describe('createTimestampParser', () => {
  const parse = createTimestampParser();

  it('reads ISO 8601 with Z, offsets and fractions', () => {
    expect(parse('2024-03-01T09:30:00Z')).toBe(utc('2024-03-01T09:30:00Z'));
    expect(parse('2024-03-01T09:30:00.250+01:00')).toBe(utc('2024-03-01T08:30:00.250Z'));
    expect(parse('2024-03-01T09:30:00-0530')).toBe(utc('2024-03-01T15:00:00Z'));
    expect(parse('2024-03-01')).toBe(utc('2024-03-01T00:00:00Z'));
  });

  it('reads `YYYY-MM-DD HH:MM:SS` as UTC by default', () => {
    expect(parse('2001-05-14 16:39:00')).toBe(utc('2001-05-14T16:39:00Z'));
    expect(parse('2001-05-14 16:39')).toBe(utc('2001-05-14T16:39:00Z'));
  });

  it('reads epoch seconds and milliseconds (auto: ≥ 1e11 is ms)', () => {
    expect(parse('1082008387')).toBe(1082008387000);
    expect(parse('1082008387000')).toBe(1082008387000);
    expect(parse('1082008387.5')).toBe(1082008387500);
    expect(createTimestampParser({ unit: 'ms' })('1082008387')).toBe(1082008387);
    expect(createTimestampParser({ unit: 's' })('1082008387000')).toBe(1082008387000000);
  });

  it('reads RFC 5322 dates with numeric and named zones', () => {
    expect(parse('Tue, 3 Jan 2023 10:04:05 +0100')).toBe(utc('2023-01-03T09:04:05Z'));
    expect(parse('3 Jan 2023 10:04:05 GMT')).toBe(utc('2023-01-03T10:04:05Z'));
    expect(parse('Tue, 03 Jan 2023 10:04:05 -0800 (PST)')).toBe(utc('2023-01-03T18:04:05Z'));
  });

  it('applies the time zone to local times, including daylight saving time', () => {
    const paris = createTimestampParser({ timeZone: 'Europe/Paris' });
    expect(paris('2024-07-01 12:00:00')).toBe(utc('2024-07-01T10:00:00Z')); // CEST, UTC+2
    expect(paris('2024-01-15 12:00:00')).toBe(utc('2024-01-15T11:00:00Z')); // CET, UTC+1
    expect(paris('2024-07-01T12:00:00Z')).toBe(utc('2024-07-01T12:00:00Z')); // explicit offset wins
    const ny = createTimestampParser({ timeZone: 'America/New_York' });
    expect(ny('2024-03-10 12:00:00')).toBe(utc('2024-03-10T16:00:00Z')); // the day DST starts: EDT
  });

  it('rejects what is not a timestamp', () => {
    for (const bad of ['yesterday', '2023-02-30', '2023-13-01', '2024-01-01 25:00:00', '', '12/31/2023']) {
      expect(parse(bad)).toBeUndefined();
    }
  });

  it('throws OptionError for an unknown zone or unit', () => {
    expect(() => createTimestampParser({ timeZone: 'Mars/Olympus' })).toThrow(OptionError);
    expect(() => createTimestampParser({ unit: 'h' as never })).toThrow(/`unit`/);
  });
});
