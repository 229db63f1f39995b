import { describe, expect, it } from 'vitest';
import { FormatError, InputError, OptionError, PracticeGraphError, UsageError } from '../src/errors.js';

describe('PracticeGraphError', () => {
  it('formats what, value, location and hint in one line with a stable code', () => {
    const err = new InputError('INVALID_TIMESTAMP', 'the timestamp is not a date', {
      module: 'log/csv',
      got: 'yesterday',
      location: { file: 'a.csv', row: 3, field: 'timestamp' },
      hint: 'use ISO 8601',
    });
    expect(err).toBeInstanceOf(PracticeGraphError);
    expect(err.code).toBe('INVALID_TIMESTAMP');
    expect(err.name).toBe('InputError');
    expect(err.message).toBe(
      'practice-graph/log/csv: the timestamp is not a date (got "yesterday") at a.csv, row 3, field `timestamp`; use ISO 8601',
    );
    expect(err.location).toEqual({ file: 'a.csv', row: 3, field: 'timestamp' });
  });

  it('subclasses carry their codes', () => {
    expect(new OptionError('`x` must be positive', { module: 'm', got: -1 }).code).toBe('INVALID_OPTION');
    expect(new UsageError('bad').code).toBe('USAGE');
    expect(new FormatError('EMPTY_INPUT', 'empty', { module: 'm' }).message).toBe('practice-graph/m: empty');
  });

  it('shortens long values in the message', () => {
    const err = new OptionError('`x` is wrong', { module: 'm', got: 'y'.repeat(500) });
    expect(err.message.length).toBeLessThan(120);
  });
});
