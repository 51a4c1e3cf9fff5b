import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMapping, parseMappingFlags } from './mapping.ts';

test('a YAML mapping with a list of column names', () => {
  assert.deepEqual(loadMapping('# ERP export\nnumber: Beleg-Nr.\ntotal: [Brutto, Betrag]\n', 'erp.yaml'), {
    kind: 'ok',
    mapping: { number: 'Beleg-Nr.', total: ['Brutto', 'Betrag'] },
  });
});

test('a JSON mapping', () => {
  assert.deepEqual(loadMapping('{ "number": "Doc", "dueDate": "Due" }', 'm.json'), { kind: 'ok', mapping: { number: 'Doc', dueDate: 'Due' } });
});

const broken: [name: string, text: string, file: string, problems: [where: string, field: string | null, reason: RegExp][]][] = [
  ['an unknown field', 'number: Doc\ntotl: Gross\n', 'm.yaml', [['line 2', 'totl', /unknown field "totl"/]]],
  ['a number instead of a column name', 'number: Doc\n\ntotal: 5\n', 'm.yaml', [['line 3', 'total', /column name/]]],
  ['an empty list', 'number: []\n', 'm.yaml', [['line 1', 'number', /column name/]]],
  ['a YAML syntax error', 'number: Doc\ntotal: [Gross\nopen: Due\n', 'm.yaml', [['line 3', null, /./]]],
  ['a JSON field error', '{\n  "number": "Doc",\n  "open": null\n}\n', 'm.json', [['line 3', 'open', /column name/]]],
  ['a list at the top', '- number\n', 'm.yaml', [['line 1', null, /must be an object/]]],
  ['a duplicate key', 'number: A\nnumber: B\n', 'm.yaml', [['line 2', null, /[Uu]nique|[Dd]uplicate/]]],
];
for (const [name, text, file, expected] of broken) {
  test(`mapping file with ${name}: reported with line and field`, () => {
    const result = loadMapping(text, file);
    assert.equal(result.kind, 'error');
    if (result.kind !== 'error') return;
    assert.deepEqual(result.problems.map((p) => [p.file, p.where, p.field]), expected.map(([w, f]) => [file, w, f]));
    result.problems.forEach((p, i) => assert.match(p.reason, expected[i]?.[2] ?? /^$/));
  });
}

test('mapping flags, with several columns separated by |', () => {
  assert.deepEqual(parseMappingFlags(['number=Invoice No', 'total = Gross|Amount']), {
    kind: 'ok',
    mapping: { number: 'Invoice No', total: ['Gross', 'Amount'] },
  });
});

test('bad mapping flags name the flag', () => {
  const result = parseMappingFlags(['number=Doc', 'nmber=X', 'total=']);
  assert.deepEqual(result.kind === 'error' ? result.problems.map((p) => [p.where, p.field]) : [], [['flag 2', 'nmber'], ['flag 3', 'total']]);
});
