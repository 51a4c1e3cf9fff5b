import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditorReference, findCreditorReferences, isCreditorReference } from './creditor-reference.ts';
import { nameSimilarity, nameWords, payerNameKey } from './payer-name.ts';
import { defaultMatchSettings } from './settings.ts';

test('names lose legal forms, accents and word order', () => {
  const cases: [string, string[]][] = [
    ['Müller Bau GmbH & Co. KG', ['BAU', 'MULLER']],
    ['MUELLER BAU GMBH', ['BAU', 'MULLER']],
    ['Lefèvre Industrie S.A.R.L.', ['INDUSTRIE', 'LEFEVRE']],
    ['de Vries Installatie B.V.', ['INSTALLATIE', 'VRIES']],
    ['Sakura Seiki Co., Ltd.', ['SAKURA', 'SEIKI']],
    ['Łukasik Handel Sp. z o.o.', ['HANDEL', 'LUKASIK']],
  ];
  for (const [name, words] of cases) assert.deepEqual(nameWords(name), words, name);
  assert.equal(payerNameKey('BAU MÜLLER gmbh'), 'BAU MULLER');
});

test('name similarity: same payer at or above the threshold, others below', () => {
  const t = defaultMatchSettings.nameThreshold;
  const same: [string, string][] = [
    ['Müller Bau GmbH', 'MUELLER BAU GMBH'],
    ['Müller Bau GmbH', 'BAU MUELLER'],
    ['Lakeside Manufacturing Inc.', 'LAKESIDE MANUFACTUR'],
    ['Ashford Joinery Ltd', 'ASHFORD JOINERY LIMITED'],
    ['García Suministros S.L.', 'GARCIA SUMINISTROS SL'],
  ];
  for (const [a, b] of same) assert.ok(nameSimilarity(a, b) >= t, `${a} ~ ${b}`);
  const different: [string, string][] = [
    ['Müller Bau GmbH', 'Müller Druckerei GmbH'],
    ['Müller Bau GmbH', 'Schäfer Bau GmbH'],
    ['Lakeside Software LLC', 'Nordic Holding AB'],
  ];
  for (const [a, b] of different) assert.ok(nameSimilarity(a, b) < t, `${a} !~ ${b}`);
});

test('ISO 11649 creditor references: check digits, grouped writing', () => {
  assert.ok(isCreditorReference('RF18 5390 0754 7034'));
  assert.ok(!isCreditorReference('RF19 5390 0754 7034'));
  const rf = creditorReference('700000123');
  assert.ok(isCreditorReference(rf));
  assert.deepEqual(findCreditorReferences('Ref RF18 5390 0754 7034 thank you'), ['RF18539007547034']);
  assert.deepEqual(findCreditorReferences(`paid ${rf}`), [rf]);
  assert.deepEqual(findCreditorReferences('RF00 1234'), []);
});
