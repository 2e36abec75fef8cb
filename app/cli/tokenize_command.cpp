// `tiertune-cli tokenize`: the ids a model's tokenizer gives for text, or the text of ids, one
// JSON value per line, so users can see exactly what their data turns into (the dataset import
// encodes through the same core tokenizer).
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "core/formats/tokenizer/tokenizer.h"
#include "core/util/json_text.h"

namespace tiertune::cli {

namespace {

using nlohmann::json;

json parseLine(const std::string& line, std::size_t number) {
  try {
    return parseJsonText(line, "stdin", kMaxJsonDepth, {}, number);
  } catch (const json::exception& error) {
    throw Error("stdin line " + std::to_string(number) + ": not valid JSON (" + error.what() + ")");
  }
}

}  // namespace

int runTokenize(const std::vector<std::string>& args) {
  const Arguments arguments("tokenize", args, {.flags = {"decode", "no-special", "skip-special"}, .valued = {"tokenizer"}});
  const auto path = arguments.value("tokenizer");
  if (!path) throw UsageError("tokenize needs --tokenizer DIR_OR_FILE");
  const bool decode = arguments.flag("decode");
  if (decode && arguments.flag("no-special")) throw UsageError("--no-special is for encoding; use --skip-special with --decode");
  if (!decode && arguments.flag("skip-special")) throw UsageError("--skip-special is for decoding (--decode)");

  const auto tokenizer = formats::tokenizer::Tokenizer::load(*path);
  const formats::tokenizer::EncodeOptions encodeOptions{.addSpecialTokens = !arguments.flag("no-special")};
  const formats::tokenizer::DecodeOptions decodeOptions{.skipSpecialTokens = arguments.flag("skip-special"),
                                                        .cleanUpTokenizationSpaces = std::nullopt};
  std::string line;
  std::string out;
  for (std::size_t number = 1; std::getline(std::cin, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const json value = parseLine(line, number);
    try {
      if (decode) {
        if (!value.is_array()) throw Error("expected a list of token ids");
        std::vector<std::int32_t> ids;
        for (const json& id : value) {
          if (!id.is_number_integer()) throw Error("expected a list of token ids, found " + id.dump());
          ids.push_back(id.get<std::int32_t>());
        }
        out = json(tokenizer.decode(ids, decodeOptions)).dump(-1, ' ', false, json::error_handler_t::replace);
      } else {
        if (!value.is_string()) throw Error("expected a JSON string such as \"Hello\"");
        out = json(tokenizer.encode(value.get_ref<const std::string&>(), encodeOptions)).dump();
      }
    } catch (const Error& error) {
      throw Error("stdin line " + std::to_string(number) + ": " + error.what());
    }
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  std::fflush(stdout);
  return 0;
}

const Command kTokenizeCommand = {
    "tokenize", "turn text into token ids with a model's tokenizer, or ids back into text",
    "Usage: tiertune-cli tokenize --tokenizer DIR_OR_FILE [--no-special]\n"
    "       tiertune-cli tokenize --tokenizer DIR_OR_FILE --decode [--skip-special]\n"
    "\n"
    "Reads one JSON value per line on stdin and prints one per line on stdout. Encoding reads\n"
    "strings (\"Hello, world\") and prints the token ids as a list; --no-special leaves out the\n"
    "tokens the tokenizer adds around every text (such as <s>). --decode reads lists of ids and\n"
    "prints the text as a JSON string; --skip-special leaves special tokens out of the text.\n"
    "DIR_OR_FILE is a model folder with tokenizer.json, or the tokenizer.json file itself;\n"
    "tokenizer_config.json beside it is read too.\n"
    "\n"
    "Example: echo '\"Hello, world\"' | tiertune-cli tokenize --tokenizer ~/models/Qwen3-0.6B\n",
    runTokenize};

}  // namespace tiertune::cli
