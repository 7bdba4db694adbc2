import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocfxSlugger, EMPTY_HEADING_ID, urilizeAsGfm } from '../../server/src/engine/slug/slugger';

const slugger = new DocfxSlugger();
const slug = (text: string): string => slugger.slug(text);

describe('DocfxSlugger.slug', () => {
  it('lower-cases English text and turns each space into a hyphen', () => {
    assert.equal(slug('Refresh Summary'), 'refresh-summary');
    assert.equal(slug('Key Inputs'), 'key-inputs');
    assert.equal(slug('FTOP Tasks'), 'ftop-tasks');
  });

  it('matches the docfx reference case: nothing collapsed or trimmed', () => {
    // docfx's own test of AutoIdentifierOptions.GitHub.
    assert.equal(slug('This - is a &@! heading _ with . and ! -'), 'this---is-a--heading-_-with--and---');
  });

  it('keeps hyphens, underscores, digits, and leading digits', () => {
    assert.equal(slug('snake_case-and-kebab'), 'snake_case-and-kebab');
    assert.equal(slug('1.0 This is a heading'), '10-this-is-a-heading');
    assert.equal(slug('Step 2: Plan'), 'step-2-plan');
    assert.equal(slug('  padded  '), '--padded--');
  });

  it('drops punctuation and symbols', () => {
    assert.equal(slug('Q&A'), 'qa');
    assert.equal(slug('C# / .NET (preview)'), 'c--net-preview');
    assert.equal(slug('What’s new?'), 'whats-new');
    assert.equal(slug('Cost: $100 + 5%'), 'cost-100--5');
  });

  it('keeps German umlauts and ß as letters, lower-cased', () => {
    assert.equal(slug('Geändert durch'), 'geändert-durch');
    assert.equal(slug('Übersicht'), 'übersicht');
    assert.equal(slug('Größe ÄÖÜ'), 'größe-äöü');
  });

  it('keeps precomposed Spanish accents; drops combining marks of decomposed text', () => {
    assert.equal(slug('Quién realizó el cambio'), 'quién-realizó-el-cambio');
    assert.equal(slug('Qué cambió'), 'qué-cambió');
    assert.equal(slug('Año Ñandú'), 'año-ñandú');
    assert.equal(slug('Que\u0301'), 'que');
  });

  it('keeps Japanese kana, kanji and the long-vowel mark; drops the middle dot', () => {
    assert.equal(slug('変更内容'), '変更内容');
    assert.equal(slug('次のステップ'), '次のステップ');
    assert.equal(slug('キー・インプット'), 'キーインプット');
  });

  it('keeps Chinese characters', () => {
    assert.equal(slug('刷新摘要'), '刷新摘要');
    assert.equal(slug('关键 输入'), '关键-输入');
  });

  it('drops full-width punctuation and ideographic spaces, keeps full-width letters and digits', () => {
    assert.equal(slug('概要（Overview）：テスト'), '概要overviewテスト');
    assert.equal(slug('刷新\u3000摘要'), '刷新摘要');
    assert.equal(slug('手順、１'), '手順１');
    assert.equal(slug('ＡＢＣ'), 'ａｂｃ');
  });

  it('drops every whitespace but U+0020', () => {
    assert.equal(slug('a\tb'), 'ab');
    assert.equal(slug('a\u00a0b'), 'ab');
    assert.equal(slug('setext\nheading'), 'setextheading');
  });

  it('drops emoji, astral letters and number-like symbols', () => {
    assert.equal(slug('🚀 Launch'), '-launch');
    assert.equal(slug('Done ✅'), 'done-');
    assert.equal(slug('Tip 👍🏽!'), 'tip-');
    assert.equal(slug('x\u{20000}y'), 'xy');
    assert.equal(slug('Part Ⅻ ② x²'), 'part---x');
  });

  it('uses .NET invariant per-character lower-casing', () => {
    assert.equal(slug('ΟΔΟΣ'), 'οδοσ');
    assert.equal(slug('İstanbul'), 'İstanbul');
    assert.equal(slug('ǅ'), 'ǆ');
  });

  it('slugs a heading of any length, past the chunk the id is assembled in', () => {
    const long = 'Ab Ü'.repeat(5000);
    assert.equal(slug(long), 'ab-ü'.repeat(5000));
    assert.equal(slug('x'.repeat(8192)), 'x'.repeat(8192));
    assert.equal(slug('X'.repeat(8193) + '!'), 'x'.repeat(8193));
  });

  it('falls back to "section" when nothing survives', () => {
    assert.equal(slug(''), EMPTY_HEADING_ID);
    assert.equal(slug('!!!?'), 'section');
    assert.equal(slug('🎉'), 'section');
    assert.equal(urilizeAsGfm('&@!'), '');
    assert.equal(urilizeAsGfm(' '), '-');
  });
});

describe('DocfxSlugger scopes', () => {
  it('suffixes duplicates with -1, -2', () => {
    const scope = slugger.createScope();
    assert.equal(scope.add('Overview'), 'overview');
    assert.equal(scope.add('Overview'), 'overview-1');
    assert.equal(scope.add('overview'), 'overview-2');
    assert.ok(scope.has('overview-1'));
    assert.ok(!scope.has('overview-3'));
  });

  it('skips suffixes already taken by a heading literally named so', () => {
    const scope = slugger.createScope();
    assert.equal(scope.add('a-1'), 'a-1');
    assert.equal(scope.add('a'), 'a');
    assert.equal(scope.add('a'), 'a-2');
    assert.equal(scope.add('a-1'), 'a-1-1');
  });

  it('de-duplicates the "section" fallback too', () => {
    const scope = slugger.createScope();
    assert.equal(scope.add('&^%*'), 'section');
    assert.equal(scope.add('!'), 'section-1');
  });

  it('keeps scopes independent', () => {
    const page = slugger.createScope();
    const include = slugger.createScope();
    assert.equal(page.add('Notes'), 'notes');
    assert.equal(include.add('Notes'), 'notes');
    assert.ok(!include.has('notes-1'));
  });
});
