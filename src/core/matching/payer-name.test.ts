import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditorReference, findCreditorReferences, isCreditorReference } from './creditor-reference.ts';
import { isCutFrom, nameForm, nameSimilarity, nameWords, payerNameKey } from './payer-name.ts';
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

test('legal forms of many countries, transliteration and abbreviations', () => {
  const cases: [string, string[]][] = [
    ['Groß & Zimmermann Metallbau e.K.', ['GROSS', 'METALLBAU', 'ZIMMERMANN']],
    ['Rossi Impianti S.p.A.', ['IMPIANTI', 'ROSSI']],
    ['Ömer Yılmaz Tekstil', ['OMER', 'TEKSTIL', 'YILMAZ']],
    ['Đorđević Gradnja d.o.o.', ['DORDEVIC', 'GRADNJA']],
    ['Œuvres Lyon SARL', ['LYON', 'OUVRES']],
    ['Acme Mfg Intl Inc', ['ACME', 'INTERNATIONAL', 'MANUFACTURING']],
    ['Dvořák & Syn s.r.o.', ['DVORAK', 'SYN']],
  ];
  for (const [name, words] of cases) assert.deepEqual(nameWords(name), words, name);
  const t = defaultMatchSettings.nameThreshold;
  assert.ok(nameSimilarity('ACME MANUFACTURING INTERNATIONAL', 'Acme Mfg. Intl. Inc.') >= t);
  assert.ok(nameSimilarity('ROSSI IMPIANTI SPA', 'Rossi Impianti S.p.A.') >= t);
});

test('a name cut at the bank\'s field width matches the start of the customer\'s name', () => {
  const t = defaultMatchSettings.nameThreshold;
  const cut: [string, string][] = [
    ['KEYSTONE & IRONWOOD DIS', 'Keystone & Ironwood Distribution LLC'],
    ['ZIMMERMANN HOLZBAU MAS', 'Zimmermann Holzbau Maschinenbau KG'],
    ['KRUEGER & ZIMMERMANN', 'Krüger & Zimmermann Bau GmbH & Co. KG'],
    ['KINGSLEY FACILITIES LIMITE', 'Kingsley Facilities Limited'],
    ['BLACKWOOD & WHITMORE FACIL', 'Blackwood & Whitmore Facilities Engineering Limited'],
  ];
  for (const [payer, customer] of cut) {
    assert.ok(isCutFrom(nameForm(payer), nameForm(customer)), `${payer} is cut from ${customer}`);
    assert.ok(nameSimilarity(payer, customer) >= t, `${payer} ~ ${customer}`);
  }
  const notCut: [string, string][] = [
    // Too short to have been cut at a field width.
    ['MUELLER BAU EL', 'Müller Bau Elektro GmbH'],
    // Only one distinctive word kept whole.
    ['LAKESIDE & CO MANUFACT', 'Lakeside & Co Manufacturing Inc.'],
    // Not the start of the name.
    ['IRONWOOD DISTRIBUTION K', 'Keystone & Ironwood Distribution LLC'],
    // A different word where the cut name goes on.
    ['ASHFORD & THORNBURY JO', 'Ashford & Thornbury Logistics Ltd'],
  ];
  for (const [payer, customer] of notCut) assert.ok(!isCutFrom(nameForm(payer), nameForm(customer)), `${payer} is not cut from ${customer}`);
  assert.ok(nameSimilarity('ASHFORD & THORNBURY JO', 'Ashford & Thornbury Logistics Ltd') < t);
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
