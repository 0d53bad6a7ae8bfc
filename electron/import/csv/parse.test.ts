import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvParser, CsvSyntaxError, type Cell } from './parse.js';

/** Parses `text` pushed in pieces at `cuts`, as a stream of decoded chunks would arrive. */
function parse(text: string, options: { cuts?: number[]; expected?: number; delimiter?: string } = {}) {
  const records: { cells: Cell[]; line: number }[] = [];
  const parser = new CsvParser({
    delimiter: options.delimiter ?? ',',
    onRecord: (cells, line) => records.push({ cells: [...cells], line }),
  });
  if (options.expected) parser.expect(options.expected, null);
  let from = 0;
  for (const cut of [...(options.cuts ?? [])].sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut));
    from = cut;
  }
  parser.push(text.slice(from));
  parser.end();
  return records;
}

function syntaxError(fn: () => unknown): CsvSyntaxError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CsvSyntaxError');
}

describe('CsvParser', () => {
  it('tells $null (,,) from an empty string ("")', () => {
    expect(parse('"a",,"",b\r\n').map((r) => r.cells)).toEqual([['a', null, '', 'b']]);
  });

  it('reads doubled quotes, delimiters and line breaks inside quoted fields, and counts their lines', () => {
    const records = parse('"x ""y""","a,b","line1\r\nline2"\r\n"next",2,3\n');
    expect(records[0]?.cells).toEqual(['x "y"', 'a,b', 'line1\r\nline2']);
    expect(records[1]).toEqual({ cells: ['next', '2', '3'], line: 3 });
  });

  it('accepts CRLF, LF and CR line ends, skips blank lines and keeps a last record without a line end', () => {
    expect(parse('a,b\r\n\r\nc,d\ne,f\rg,h').map((r) => [r.line, ...r.cells])).toEqual([
      [1, 'a', 'b'],
      [3, 'c', 'd'],
      [4, 'e', 'f'],
      [5, 'g', 'h'],
    ]);
  });

  it('keeps a trailing empty field of a record ending on a delimiter', () => {
    expect(parse('a,').map((r) => r.cells)).toEqual([['a', null]]);
  });

  it('uses ";" when told (Export-Csv -UseCulture)', () => {
    expect(parse('"a;b";c\n', { delimiter: ';' }).map((r) => r.cells)).toEqual([['a;b', 'c']]);
  });

  it('names line and column of a quote that is never closed', () => {
    const error = syntaxError(() => parse('a,b\nc,"open\nmore\n'));
    expect([error.line, error.column]).toEqual([2, 3]);
    expect(error.message).toContain('never closed');
  });

  it('names line and column of a stray character after a closing quote and of a bare quote', () => {
    const after = syntaxError(() => parse('"a","b"x,c\n'));
    expect([after.line, after.column]).toEqual([1, 8]);
    const bare = syntaxError(() => parse('a,b"c\n'));
    expect([bare.line, bare.column]).toEqual([1, 4]);
  });

  it('checks every record against the header: too many fields at the first extra one, too few at the line end', () => {
    const many = syntaxError(() => parse('1,2,3\n', { expected: 2 }));
    expect([many.line, many.column]).toEqual([1, 5]);
    const few = syntaxError(() => parse('1,2\n1\n', { expected: 2 }));
    expect([few.line, few.column, few.message]).toEqual([2, 2, 'this row has 1 field but the header has 2']);
  });

  it('stops a runaway quoted value at the size limit instead of reading the rest of the file into it', () => {
    const parser = new CsvParser({ delimiter: ',', maxRecordChars: 1000, onRecord: () => undefined });
    const error = syntaxError(() => {
      parser.push('a,"starts here');
      for (let i = 0; i < 100; i++) parser.push('x'.repeat(100));
    });
    expect([error.line, error.column]).toEqual([1, 3]);
  });

  it('skips unwanted cells without materialising them', () => {
    const records: Cell[][] = [];
    const parser = new CsvParser({ delimiter: ',', onRecord: (cells) => records.push([...cells]) });
    parser.expect(3, [false, true, false]);
    parser.push('"a","b",c\n');
    parser.end();
    expect(records).toEqual([[null, 'b', null]]);
  });

  const cell = fc.oneof(
    fc.constant(null),
    fc.string({ unit: fc.constantFrom('a', 'é', '"', ',', ';', '\r', '\n', ' ', 'Z', '\u{1F600}') }),
    fc.string(),
  );
  const table = fc
    .integer({ min: 1, max: 6 })
    .chain((width) =>
      fc.array(
        fc.array(width === 1 ? fc.string({ minLength: 1 }) : cell, { minLength: width, maxLength: width }),
        { minLength: 1, maxLength: 20 },
      ),
    );
  const serialise = (rows: Cell[][], quoteAll: boolean, newline: string) =>
    rows
      .map((row) =>
        row
          .map((c) => (c === null ? '' : quoteAll || c === '' || /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
          .join(','),
      )
      .join(newline) + newline;

  it('round-trips generated tables exactly, however the text is cut into chunks', () => {
    fc.assert(
      fc.property(table, fc.boolean(), fc.constantFrom('\r\n', '\n'), fc.array(fc.nat()), (rows, quoteAll, newline, cuts) => {
        const text = serialise(rows, quoteAll, newline);
        const parsed = parse(text, { cuts: cuts.map((c) => c % (text.length + 1)), expected: rows[0]?.length ?? 1 });
        expect(parsed.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text, throws nothing but a located CsvSyntaxError, and reads the same however the text is cut', () => {
    const outcome = (run: () => unknown) => {
      try {
        return { records: run() };
      } catch (error) {
        expect(error).toBeInstanceOf(CsvSyntaxError);
        const e = error as CsvSyntaxError;
        expect(e.line).toBeGreaterThanOrEqual(1);
        expect(e.column).toBeGreaterThanOrEqual(1);
        return { error: [e.message, e.line, e.column] };
      }
    };
    const seen = { parsed: 0, refused: 0 };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '"', ',', '\r', '\n', 'x', ' ') }), fc.array(fc.nat()), (text, cuts) => {
        const whole = outcome(() => parse(text));
        const chunked = outcome(() => parse(text, { cuts: cuts.map((c) => c % (text.length + 1)) }));
        expect(chunked).toEqual(whole);
        seen[whole.error ? 'refused' : 'parsed']++;
      }),
      { numRuns: 500 },
    );
    expect(seen.parsed).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });
});
