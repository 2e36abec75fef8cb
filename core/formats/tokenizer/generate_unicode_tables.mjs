// Generates unicode_tables.inc: the Unicode data the tokenizer needs (general categories L, N, M;
// canonical combining classes; canonical and compatibility decompositions; canonical compositions;
// lowercase mappings), taken from the JavaScript engine itself so that the C++ tokenizer and the
// reference tokenizer (@lenml/tokenizers on Node.js) agree on every code point, whatever Unicode
// version the system's libraries have. Run by hand when the reference's Node.js changes:
//   node core/formats/tokenizer/generate_unicode_tables.mjs > core/formats/tokenizer/unicode_tables.inc
// The script checks the composition data it derives by normalizing with it and comparing with
// String.prototype.normalize on every code point and on a million random strings; it fails loudly
// when they disagree.
const MAX = 0x110000;
const isSurrogate = (cp) => cp >= 0xd800 && cp <= 0xdfff;
const chr = (cp) => String.fromCodePoint(cp);
const cps = (s) => Array.from(s, (c) => c.codePointAt(0));

// --- General categories: bit 0 letter (\p{L}), bit 1 number (\p{N}), bit 2 mark (\p{M}).
const reL = /^\p{L}$/u, reN = /^\p{N}$/u, reM = /^\p{M}$/u;
const category = new Uint8Array(MAX);
for (let cp = 0; cp < MAX; ++cp) {
  if (isSurrogate(cp)) continue;
  const c = chr(cp);
  category[cp] = (reL.test(c) ? 1 : 0) | (reN.test(c) ? 2 : 0) | (reM.test(c) ? 4 : 0);
}

// --- Decompositions (full, as NFD / NFKD give them).
const canonical = new Map(), compat = new Map();
for (let cp = 0; cp < MAX; ++cp) {
  if (isSurrogate(cp) || (cp >= 0xac00 && cp <= 0xd7a3)) continue;  // Hangul: algorithmic
  const c = chr(cp);
  const d = c.normalize("NFD");
  if (d !== c) canonical.set(cp, cps(d));
  const k = c.normalize("NFKD");
  if (k !== c) compat.set(cp, cps(k));
}

// --- Canonical combining classes, as ranks that keep their order (JavaScript does not expose
// the numbers; canonical ordering only needs the order). Probe marks: U+0334 (class 1, the
// lowest) and U+0345 (class 240, the highest).
const reorders = (a, b) => (chr(a) + chr(b)).normalize("NFD") === chr(b) + chr(a);
const marks = [];
for (let cp = 0; cp < MAX; ++cp) {
  if (isSurrogate(cp) || canonical.has(cp) || (cp >= 0xac00 && cp <= 0xd7a3)) continue;
  if (reorders(cp, 0x0334) || reorders(0x0345, cp)) marks.push(cp);
}
marks.sort((a, b) => (reorders(a, b) ? 1 : reorders(b, a) ? -1 : 0));
const ccc = new Uint8Array(MAX);
let rank = 0;
for (let i = 0; i < marks.length; ++i) {
  if (i === 0 || reorders(marks[i], marks[i - 1])) ++rank;
  ccc[marks[i]] = rank;
}
if (rank > 255) throw new Error("too many combining classes");

// --- Canonical compositions: pairs (first, second) -> primary composite.
const compositions = new Map();  // key first*0x110000+second
for (const [cp, d] of canonical) {
  if (chr(cp).normalize("NFC") !== chr(cp)) continue;  // excluded or singleton
  let found = false;
  for (let k = d.length - 1; k >= 1 && !found; --k) {
    const rest = d.slice(0, k).concat(d.slice(k + 1));
    const first = cps(String.fromCodePoint(...rest).normalize("NFC"));
    if (first.length !== 1) continue;
    if ((chr(first[0]) + chr(d[k])).normalize("NFC") !== chr(cp)) continue;
    compositions.set(first[0] * MAX + d[k], cp);
    found = true;
  }
  if (!found) throw new Error(`no composition pair for U+${cp.toString(16)}`);
}

// --- The normalization the C++ code implements, to check the tables against the engine.
const SBase = 0xac00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11a7;
const LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;
function decompose(input, table) {
  const out = [];
  for (const cp of input) {
    const s = cp - SBase;
    if (s >= 0 && s < SCount) {
      out.push(LBase + Math.floor(s / NCount), VBase + Math.floor((s % NCount) / TCount));
      if (s % TCount) out.push(TBase + (s % TCount));
    } else if (table.has(cp)) out.push(...table.get(cp));
    else out.push(cp);
  }
  // canonical ordering: stable sort of each run of non-starters by class
  for (let i = 0; i < out.length; ) {
    if (!ccc[out[i]]) { ++i; continue; }
    let j = i;
    while (j < out.length && ccc[out[j]]) ++j;
    const run = out.slice(i, j).map((cp, n) => [cp, n]);
    run.sort((a, b) => ccc[a[0]] - ccc[b[0]] || a[1] - b[1]);
    for (let n = 0; n < run.length; ++n) out[i + n] = run[n][0];
    i = j;
  }
  return out;
}
function compose(d) {
  const out = [];
  let starter = -1;  // index in out of the last starter
  let lastClass = -1;
  for (const cp of d) {
    const c = ccc[cp];
    if (starter >= 0 && (lastClass < c || (lastClass === 0 && out.length - 1 === starter))) {
      const s = out[starter];
      // Hangul LV and LVT
      if (s >= LBase && s < LBase + LCount && cp >= VBase && cp < VBase + VCount && out.length - 1 === starter) {
        out[starter] = SBase + ((s - LBase) * VCount + (cp - VBase)) * TCount;
        continue;
      }
      if (s >= SBase && s < SBase + SCount && (s - SBase) % TCount === 0 && cp > TBase && cp < TBase + TCount && out.length - 1 === starter) {
        out[starter] = s + (cp - TBase);
        continue;
      }
      const p = compositions.get(s * MAX + cp);
      if (p !== undefined) { out[starter] = p; continue; }
    }
    if (c === 0) { starter = out.length; lastClass = 0; } else lastClass = c;
    out.push(cp);
  }
  return out;
}
const nfc = (s) => String.fromCodePoint(...compose(decompose(cps(s), canonical)));
const nfkc = (s) => String.fromCodePoint(...compose(decompose(cps(s), compat)));
function check(s) {
  for (const [form, mine] of [["NFC", nfc], ["NFKC", nfkc]]) {
    if (mine(s) !== s.normalize(form)) {
      throw new Error(`${form} disagrees on ${JSON.stringify(s)}: ${JSON.stringify(mine(s))} vs ${JSON.stringify(s.normalize(form))}`);
    }
  }
}
for (let cp = 0; cp < MAX; ++cp) if (!isSurrogate(cp)) check(chr(cp));
for (const d of canonical.values()) check(String.fromCodePoint(...d));
{
  const pool = [...marks, ...new Set([...compositions.keys()].map((k) => Math.floor(k / MAX))),
                ...[...compositions.keys()].map((k) => k % MAX), 0x1100, 0x1161, 0x11a8, 0xac00, 0x41, 0x20];
  let seed = 12345;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let i = 0; i < 1000000; ++i) {
    const length = 1 + random(6);
    const s = [];
    for (let n = 0; n < length; ++n) s.push(pool[random(pool.length)]);
    check(String.fromCodePoint(...s));
  }
}

// --- Lowercase mappings (String.prototype.toLowerCase of each code point alone).
const lower = new Map();
for (let cp = 0; cp < MAX; ++cp) {
  if (isSurrogate(cp)) continue;
  const l = chr(cp).toLowerCase();
  if (l !== chr(cp)) lower.set(cp, cps(l));
}

// --- Output: two-stage tables (blocks of 256 code points) and sorted lists.
const lines = [];
const emit = (s) => lines.push(s);
function twoStage(name, values) {
  const blocks = [], index = [], seen = new Map();
  for (let b = 0; b < MAX / 256; ++b) {
    const block = values.subarray(b * 256, b * 256 + 256);
    const key = block.join(",");
    if (!seen.has(key)) { seen.set(key, blocks.length); blocks.push(block); }
    index.push(seen.get(key));
  }
  if (blocks.length > 65535) throw new Error("too many blocks");
  emit(`constexpr std::uint16_t ${name}Blocks[${index.length}] = {${index.join(",")}};`);
  emit(`constexpr std::uint8_t ${name}Values[${blocks.length * 256}] = {`);
  for (const block of blocks) emit(`  ${block.join(",")},`);
  emit("};");
}
function mappingList(name, map) {
  const keys = [...map.keys()].sort((a, b) => a - b);
  const pool = [];
  emit(`constexpr Mapping ${name}[${keys.length}] = {`);
  const rows = [];
  for (const k of keys) { rows.push(`{${k},${pool.length},${map.get(k).length}}`); pool.push(...map.get(k)); }
  for (let i = 0; i < rows.length; i += 8) emit("  " + rows.slice(i, i + 8).join(",") + ",");
  emit("};");
  emit(`constexpr char32_t ${name}Pool[${pool.length}] = {`);
  for (let i = 0; i < pool.length; i += 16) emit("  " + pool.slice(i, i + 16).join(",") + ",");
  emit("};");
}
emit("// Generated by generate_unicode_tables.mjs from Node.js " + process.version +
     " (ICU " + process.versions.icu + ", Unicode " + process.versions.unicode + "). Do not edit.");
emit("// Included by unicode.cpp only.");
twoStage("kCategory", category);
twoStage("kCombiningRank", ccc);
mappingList("kCanonicalDecomposition", canonical);
mappingList("kCompatibilityDecomposition", compat);
mappingList("kLowercase", lower);
const pairs = [...compositions.entries()].sort((a, b) => a[0] - b[0]);
emit(`constexpr Composition kCompositions[${pairs.length}] = {`);
for (let i = 0; i < pairs.length; i += 6) {
  emit("  " + pairs.slice(i, i + 6).map(([k, p]) => `{${Math.floor(k / MAX)},${k % MAX},${p}}`).join(",") + ",");
}
emit("};");
process.stdout.write(lines.join("\n") + "\n");
console.error(`categories ok, ${marks.length} marks in ${rank} classes, ${canonical.size} canonical, ` +
              `${compat.size} compatibility decompositions, ${pairs.length} compositions, ${lower.size} lowercase`);
