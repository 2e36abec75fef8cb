// Renders every (template, conversation) pair of the chat-template conformance corpus with the
// reference renderer, @huggingface/jinja, building the variables as transformers.js
// apply_chat_template does. tst_chat_template_conformance compares our renderer with the result.
// Usage: node render_chat_templates.mjs NODE_MODULES TEMPLATES_JSON CONVERSATIONS_JSON OUT_JSON
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [nodeModules, manifestFile, conversationsFile, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node render_chat_templates.mjs NODE_MODULES TEMPLATES_JSON CONVERSATIONS_JSON OUT_JSON');
  process.exit(2);
}
const { Template } = await import(pathToFileURL(path.join(nodeModules, '@huggingface/jinja/dist/index.js')).href);

const SPECIAL_TOKENS = ['bos_token', 'eos_token', 'unk_token', 'sep_token', 'pad_token', 'cls_token', 'mask_token'];

// PreTrainedTokenizer.getToken of transformers.js: strings, or AddedToken objects' content.
function specialTokens(config) {
  const tokens = {};
  for (const name of SPECIAL_TOKENS) {
    const value = config[name];
    if (!value) continue;
    if (typeof value === 'object') {
      if (value.__type !== 'AddedToken') throw new Error(`unknown token ${name}`);
      tokens[name] = value.content;
    } else {
      tokens[name] = value;
    }
  }
  return tokens;
}

const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
const conversations = JSON.parse(fs.readFileSync(conversationsFile, 'utf8'));
const templates = [];
for (const entry of manifest.templates) {
  let source = null;
  let config = {};
  if (entry.tokenizer_config) {
    const file = path.join(nodeModules, entry.tokenizer_config.replace(/^npm:/, ''));
    config = JSON.parse(fs.readFileSync(file, 'utf8'));
    source = typeof config.chat_template === 'string' ? config.chat_template : null;
  } else {
    source = fs.readFileSync(path.join(path.dirname(manifestFile), entry.file), 'utf8');
    config = entry.special_tokens ?? {};
  }
  templates.push({ name: entry.name, source, special_tokens: specialTokens(config) });
}

const results = [];
for (const template of templates) {
  if (template.source === null) continue;
  let compiled = null;
  let parseError = null;
  try {
    compiled = new Template(template.source);
  } catch (error) {
    parseError = String(error.message ?? error);
  }
  for (const conversation of conversations) {
    const result = { template: template.name, conversation: conversation.name };
    if (parseError !== null) {
      result.ok = false;
      result.error = parseError;
    } else {
      const context = {
        messages: structuredClone(conversation.messages),
        add_generation_prompt: conversation.add_generation_prompt ?? false,
        tools: conversation.tools ?? null,
        documents: null,
        ...template.special_tokens,
        ...(conversation.extra ?? {}),
      };
      try {
        result.text = compiled.render(context);
        result.ok = true;
      } catch (error) {
        result.ok = false;
        result.error = String(error.message ?? error);
      }
    }
    results.push(result);
  }
}
fs.writeFileSync(outFile, JSON.stringify({ templates, results }, null, 1));
