// The common shapes of instruction and chat data, how to recognize them from a sample of records,
// and how a record of each shape becomes an Example. Field names can be remapped (a CSV with
// columns "question" and "answer" read as prompt/completion, for instance).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/example.h"

namespace tiertune::data {

enum class RecordShape {
  Alpaca,            // instruction, input (optional), output
  ShareGpt,          // conversations: [{from: human|gpt|system, value}]
  Messages,          // messages: [{role: system|user|assistant, content}]
  PromptCompletion,  // prompt, completion
  Text,              // text
};

const char* shapeName(RecordShape shape);  // "alpaca", "sharegpt", "messages", "prompt-completion", "text"
std::optional<RecordShape> shapeFromName(const std::string& name);
// Whether the shape's rows become conversations (alpaca, sharegpt, messages), which only a model
// with a chat template can turn into its text.
bool isConversationShape(RecordShape shape);

// The field each part is read from; defaults are the usual names.
struct FieldMapping {
  std::string instruction = "instruction";
  std::string input = "input";
  std::string output = "output";
  std::string conversations = "conversations";
  std::string messages = "messages";
  std::string prompt = "prompt";
  std::string completion = "completion";
  std::string text = "text";
  std::string system;  // optional column/field holding a system prompt for every row

  // Parses "prompt=question,completion=answer"; throws tiertune::Error naming an unknown part.
  static FieldMapping parse(const std::string& text);
};

struct ShapeGuess {
  RecordShape shape = RecordShape::Text;
  double confidence = 0;  // share of the sampled records the shape reads without a problem
};

// The shape that reads the most of the sampled objects (ties in the order of RecordShape);
// nullopt when none reads any.
std::optional<ShapeGuess> detectShape(const std::vector<nlohmann::ordered_json>& sample, const FieldMapping& mapping = {});

// The example of one record, or the problem that keeps it out (row and line filled in by the
// caller).
struct MappedRecord {
  std::optional<Example> example;
  std::optional<RowProblem> problem;
};
MappedRecord mapRecord(const nlohmann::ordered_json& record, RecordShape shape, const FieldMapping& mapping);

}  // namespace tiertune::data
