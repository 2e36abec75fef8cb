// Reads a GGUF file with the independent parser @huggingface/gguf and writes what it found as JSON:
// the header counts, every metadata entry with its GGUF value type (and element type for arrays),
// every tensor's name, dimensions (GGUF order), ggml type and offset, and where tensor data starts.
// The package does not decode tensor data; tst_gguf_export reads it at the offsets reported here.
// Usage: node read_gguf.mjs NODE_MODULES GGUF_FILE OUT_JSON
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [nodeModules, ggufFile, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node read_gguf.mjs NODE_MODULES GGUF_FILE OUT_JSON');
  process.exit(2);
}
const { gguf } = await import(pathToFileURL(path.join(nodeModules, '@huggingface/gguf/dist/index.mjs')).href);

const parsed = await gguf(path.resolve(ggufFile), { allowLocalFile: true, typedMetadata: true });

// 64-bit values arrive as BigInt; the files here are small enough for exact JSON numbers.
const plain = (value) => {
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`${value} is too large for this check`);
    return Number(value);
  }
  return Array.isArray(value) ? value.map(plain) : value;
};

const { version, tensor_count: tensorCount, kv_count: kvCount, ...entries } = parsed.typedMetadata;
const metadata = {};
for (const [key, entry] of Object.entries(entries)) {
  metadata[key] = { type: entry.type, value: plain(entry.value) };
  if (entry.subType !== undefined) metadata[key].subType = entry.subType;
}
const out = {
  version: plain(version.value),
  tensorCount: plain(tensorCount.value),
  kvCount: plain(kvCount.value),
  littleEndian: parsed.littleEndian,
  tensorDataOffset: plain(parsed.tensorDataOffset),
  metadata,
  tensors: parsed.tensorInfos.map((t) => ({
    name: t.name, nDims: t.n_dims, shape: plain(t.shape), dtype: t.dtype, offset: plain(t.offset),
  })),
};
fs.writeFileSync(outFile, JSON.stringify(out));
