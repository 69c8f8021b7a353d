/**
 * The alias forms of tricky spellings, case and scripts, as the first (slower) implementation of
 * variants.ts gave them: the lookups and caches that replaced its per-word scans must not change
 * a single form, nor their order.
 */
import { describe, expect, it } from 'vitest';
import { aliasForms } from '../../glossary/variants';

const EXPECTED: readonly (readonly [string, readonly string[]])[] = [
  ['Self-Defence Forces', ['Self Defence Forces', 'Self Defense Forces', 'SelfDefence Forces']],
  [
    'SELF-DEFENCE FORCE',
    [
      'SELF DEFENCE FORCE',
      'SELF DEFENCE FORCEs',
      'SELF DEFENSE FORCE',
      'SELF DEFENSE FORCEs',
      'SELFDEFENCE FORCE',
      'SELFDEFENCE FORCEs',
    ],
  ],
  ['programmes', ['programmes', 'programs']],
  ['Grey zone', ['Grey zone', 'Grey zones', 'Gray zone', 'Gray zones']],
  [
    'armoured vehicle',
    ['armoured vehicle', 'armoured vehicles', 'armored vehicle', 'armored vehicles'],
  ],
  ['ARMOR', ['ARMOR', 'ARMORs', 'ARMOUR', 'ARMOURs']],
  [
    'Neighbourhood policy',
    [
      'Neighbourhood policy',
      'Neighbourhood policies',
      'Neighborhood policy',
      'Neighborhood policies',
    ],
  ],
  ['organise', ['organise', 'organises', 'organize', 'organizes']],
  ['ORGANIZATIONS', ['ORGANIZATIONS', 'ORGANISATIONS']],
  ['analyse', ['analyse', 'analyses', 'analyze', 'analyzes']],
  ['Analyzed data', ['Analyzed data', 'Analyzed datas', 'Analysed data', 'Analysed datas']],
  ['crisis', ['crisis', 'crises']],
  ['CRISIS', ['CRISIS']],
  ['key', ['key', 'keys']],
  ['Day', ['Day', 'Days']],
  ['bus', ['bus', 'buses']],
  ['RAA', ['RAA', 'RAAs']],
  ['RAAs', ['RAAs']],
  ['US', ['US']],
  ['UN', ['UN', 'UNs']],
  ['Ab', ['Ab']],
  ['box', ['box', 'boxes']],
  ['church', ['church', 'churches']],
  ['lock-on', ['lock on', 'lock ons', 'lockon', 'lockons']],
  [
    'self‑defence',
    [
      'self defence',
      'self defences',
      'self defense',
      'self defenses',
      'selfdefence',
      'selfdefences',
    ],
  ],
  ['centre', ['centre', 'centres', 'center', 'centers']],
  ['THEATRES', ['THEATRES', 'THEATERS']],
  ['ageing', ['ageing', 'ageings', 'aging', 'agings']],
  ['judgement', ['judgement', 'judgements', 'judgment', 'judgments']],
  ['aluminium', ['aluminium', 'aluminiums', 'aluminum', 'aluminums']],
  ['rise', ['rise', 'rises']],
  ['wise', ['wise', 'wises']],
  ['sizes', ['sizes']],
  ['İstanbul', ['Istanbul', 'Istanbuls']],
  ['ΣΟΣ', ['ΣΟΣ']],
  ['Ǆ', ['Ǆ']],
  ['\ud835\udc00\ud835\udc01', ['\ud835\udc00\ud835\udc01']],
  ['\ud835\udc00B', ['\ud835\udc00B', '\ud835\udc00Bs']],
  ['A\ud835\udc01', ['A\ud835\udc01']],
  ['\ud835\udc1a', ['\ud835\udc1a']],
  ['尖閣諸島', ['尖閣諸島']],
  ['ＲＡＡ', ['RAA', 'RAAs']],
  ['Oki\u00adnawa', ['Okinawa', 'Okinawas']],
  [
    'colour colours colour',
    [
      'colour colours colour',
      'colour colours colours',
      'colour colours color',
      'colour colours colors',
      'colour colors colour',
      'colour colors colours',
      'colour colors color',
      'colour colors colors',
      'color colours colour',
      'color colours colours',
      'color colours color',
      'color colours colors',
      'color colors colour',
      'color colors colours',
      'color colors color',
      'color colors colors',
    ],
  ],
];

describe('aliasForms', () => {
  it('gives the same forms, in the same order, as before', () => {
    for (const [text, forms] of EXPECTED) expect(aliasForms(text), text).toEqual(forms);
  });

  it('gives the same forms again once its caches are warm', () => {
    const first = EXPECTED.map(([text]) => aliasForms(text));
    expect(EXPECTED.map(([text]) => aliasForms(text))).toEqual(first);
  });

  it('keeps only the written form without plurals', () => {
    expect(aliasForms('policy', false)).toEqual(['policy']);
    expect(aliasForms('Defence policy', false)).toEqual(['Defence policy', 'Defense policy']);
  });
});
