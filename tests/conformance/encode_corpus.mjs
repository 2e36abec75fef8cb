// The tokenizer conformance corpus and the reference's answers: builds at least 2,000 varied
// strings from a fixed seed (prose in many scripts, CJK, emoji and ZWJ sequences, code, runs of
// white space, digits, rare and unusual-but-valid characters, special tokens inside text), then
// encodes each with @lenml/tokenizers for every tokenizer package (with and without special
// tokens) and decodes the ids back. tst_tokenizer_conformance compares our tokenizer with this.
// Usage: node encode_corpus.mjs NODE_MODULES OUT_JSON [--bench SECONDS | --corpus-only]
// With --bench it only times loading and encoding the whole corpus (tokens per second, one thread)
// and writes that as JSON; with --corpus-only it writes the corpus alone (tests/bench uses both).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const [nodeModules, outFile] = args;
if (!outFile) {
  console.error('usage: node encode_corpus.mjs NODE_MODULES OUT_JSON [--bench SECONDS]');
  process.exit(2);
}
const benchIndex = args.indexOf('--bench');
const benchSeconds = benchIndex >= 0 ? Number(args[benchIndex + 1]) : 0;
const corpusOnly = args.includes('--corpus-only');

const { TokenizerLoader } = await import(
  pathToFileURL(path.join(nodeModules, '@lenml/tokenizers/dist/main.mjs')).href);

export const PACKAGES = ['llama2', 'llama3', 'qwen3'];

// --- The corpus ------------------------------------------------------------------------------

// mulberry32: a small seeded generator, so the corpus is the same on every run.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE = [
  'The quick brown fox jumps over the lazy dog.',
  "I'm sure they'll say it's fine, but we've seen what's happened before; don't you think?",
  'SHOUTING IN CAPITALS IS IT\'S OWN THING, ISN\'T IT? WE\'LL SEE.',
  'Fine-tuning a 7B model on one GPU needs care: LoRA rank 16, lr=2e-4, 3 epochs.',
  'Der Überraschungsbesuch kam um 15:30 Uhr — völlig unerwartet, aber herzlich willkommen.',
  "L'été dernier, nous sommes allés à Montréal ; c'était magnifique !",
  'El niño pidió más azúcar, ¿verdad? ¡Claro que sí!',
  'Съешь же ещё этих мягких французских булок, да выпей чаю.',
  'Ελληνικά: Ξεσκεπάζω την ψυχοφθόρα βδελυγμία.',
  'العربية: نص تجريبي باللغة العربية مع أرقام ١٢٣٤٥.',
  'עברית: זהו טקסט לדוגמה בעברית.',
  'हिन्दी: यह एक उदाहरण वाक्य है। संख्या ४२ है।',
  'ไทย: ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ',
  'Tiếng Việt: Tôi yêu tiếng nước tôi từ khi mới ra đời.',
  '日本語の文章です。カタカナとひらがな、そして漢字が混ざっています。',
  '中文：我们在一台工作站上微调大语言模型，速度很快。',
  '한국어: 다람쥐 헌 쳇바퀴에 타고파.',
  'Türkçe: Pijamalı hasta yağız şoföre çabucak güvendi.',
  'Polski: Zażółć gęślą jaźń.',
  'Ꭰ Cherokee, ᐃᓄᒃᑎᑐᑦ Inuktitut, ትግርኛ Tigrinya, ქართული Georgian, Հայերեն Armenian.',
];

const CODE = [
  'def train(model, data):\n    for batch in data:\n        loss = model(batch)\n        loss.backward()\n',
  'int main(int argc, char** argv) {\n\tstd::vector<int> v{1, 2, 3};\n\treturn v.size() > 2 ? 0 : 1;\n}',
  '{"role": "user", "content": "Hello!\\n", "tokens": [1, 2, 3], "ok": true}',
  'SELECT id, name FROM runs WHERE loss < 0.25 ORDER BY created_at DESC;',
  'const f = (x) => x ** 2 + 3 * x - 7; // arrow function',
  '<div class="card">\n  <p>Hi &amp; bye</p>\n</div>',
  '#!/usr/bin/env bash\nset -euo pipefail\nfor f in *.json; do jq . "$f"; done',
  'x_1 = y__2 ** -3.5e+10 | ~z ^ 0xFF',
  '$ git log --oneline | head -n 5 && echo "done"',
  '    indented with four spaces\n\t\ttwo tabs\n        eight spaces',
];

const EMOJI = [
  '👍', '😀😃😄', '👨‍👩‍👧‍👦', '🧑🏽‍💻', '🏳️‍🌈', '🇩🇪🇯🇵', '❤️', '👋🏿', '🤷‍♀️', '🫠', '1️⃣', '©®™',
];

const WHITESPACE = [
  ' ', '  ', '   ', '\t', '\n', '\n\n', '\n\n\n', '\r\n', ' \n ', '\u00a0', '\u3000', '\u2003',
  '        ', '\t\t\t', ' \t \n', '\u2028', '\u000b', '\f',
];

const DIGITS = [
  '0', '7', '42', '123', '1234', '12345', '3.14159', '1,000,000', '2026-11-30', '0.000001', '-17',
  '1e-8', '99.9%', '٣٤٥', '४२', '１２３', '½', '²³',
];

const RARE = [
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\u{10FFFF}', '\uE000\uF8FF', '\uFFFD', '\uFEFF', 'a\u200Bb', 'e\u0301', 'n\u0303o',
  '\u0000', '\u0007\u001b[0m', 'ﬁﬂ', 'Å', 'Å', 'ǅ', 'İstanbul', 'ß', 'ẞ', 'ΣΑΣ', '\u{1F9D1}', 'ⅷ',
  '\u{20000}\u{2A6D6}', '𓀀𓁐', 'ꙮ', '゙', 'ｶﾀｶﾅ', '\u0301\u0301', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
];

const CONTRACTIONS = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'LL", "n't", " '", "''", "'"];

const SPECIAL = [
  '<s>', '</s>', '<unk>', '<|begin_of_text|>', '<|end_of_text|>', '<|eot_id|>',
  '<|start_header_id|>user<|end_header_id|>', '<|im_start|>', '<|im_end|>', '<|endoftext|>',
  '<think>', '</think>', '<tool_call>', '<|im_sta', '<|reserved_special_token_5|>', '<<s>>', '< s >',
];

const POOLS = [PROSE, CODE, EMOJI, WHITESPACE, DIGITS, RARE, CONTRACTIONS, SPECIAL];

export function buildCorpus(count = 2400) {
  const next = random(20261130);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const corpus = [''];
  for (const pool of POOLS) corpus.push(...pool);
  while (corpus.length < count) {
    const parts = 1 + Math.floor(next() * 6);
    let text = '';
    for (let i = 0; i < parts; ++i) {
      const pool = POOLS[Math.floor(next() * POOLS.length)];
      let piece = pick(pool);
      if (next() < 0.2 && pool === PROSE) piece = piece.slice(0, Math.floor(next() * piece.length));
      // Cut only between code points, so every string stays valid UTF-8.
      if (/[\uD800-\uDBFF]$/.test(piece)) piece = piece.slice(0, -1);
      text += piece;
      if (next() < 0.5) text += pick(WHITESPACE);
    }
    if (next() < 0.05) text = text.repeat(1 + Math.floor(next() * 20));  // long inputs too
    if (next() < 0.1) text = text.normalize(next() < 0.5 ? 'NFD' : 'NFKC');
    corpus.push(text);
  }
  return corpus;
}

// --- Reference answers ------------------------------------------------------------------------

function loadTokenizer(name) {
  const folder = path.join(nodeModules, `@lenml/tokenizer-${name}`, 'models');
  const tokenizerJSON = JSON.parse(fs.readFileSync(path.join(folder, 'tokenizer.json'), 'utf8'));
  const tokenizerConfig = JSON.parse(fs.readFileSync(path.join(folder, 'tokenizer_config.json'), 'utf8'));
  return { folder, tokenizer: TokenizerLoader.fromPreTrained({ tokenizerJSON, tokenizerConfig }) };
}

const corpus = buildCorpus();
if (corpusOnly) {
  fs.writeFileSync(outFile, JSON.stringify({ corpus }));
  process.exit(0);
}

if (benchSeconds > 0) {
  // Tokens per second on one thread (Node runs JavaScript on one), whole corpus per round.
  const results = {};
  for (const name of PACKAGES) {
    const loadStart = process.hrtime.bigint();
    const { tokenizer } = loadTokenizer(name);
    const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;
    let tokens = 0;
    for (const text of corpus) tokens += tokenizer.encode(text).length;  // warm-up, and the count
    let rounds = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < benchSeconds || rounds === 0) {
      for (const text of corpus) tokenizer.encode(text);
      ++rounds;
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    }
    results[name] = { load_seconds: loadSeconds, tokens_per_round: tokens, rounds, seconds: elapsed,
                      tokens_per_second: (tokens * rounds) / elapsed };
  }
  fs.writeFileSync(outFile, JSON.stringify(results, null, 1));
  process.exit(0);
}

const out = { corpus, tokenizers: [] };
for (const name of PACKAGES) {
  const { folder, tokenizer } = loadTokenizer(name);
  const cases = corpus.map((text) => {
    const ids = tokenizer.encode(text);
    const plain = tokenizer.encode(text, { add_special_tokens: false });
    return {
      ids,
      ids_no_special: plain,
      // The reference refuses to decode an empty list; an empty list is the empty text.
      decoded: ids.length ? tokenizer.decode(ids) : '',
      decoded_skip_special: ids.length ? tokenizer.decode(ids, { skip_special_tokens: true }) : '',
    };
  });
  out.tokenizers.push({ name, folder, cases });
}
fs.writeFileSync(outFile, JSON.stringify(out));
