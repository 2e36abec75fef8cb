#include "core/data/record_shape.h"

#include <array>

#include "core/util/error.h"

namespace tiertune::data {

using json = nlohmann::ordered_json;

const char* problemName(RowProblemKind kind) {
  switch (kind) {
    case RowProblemKind::InvalidJson: return "invalid JSON";
    case RowProblemKind::NotAnObject: return "not an object";
    case RowProblemKind::MissingField: return "missing field";
    case RowProblemKind::WrongType: return "wrong type";
    case RowProblemKind::EmptyField: return "empty field";
    case RowProblemKind::UnknownRole: return "unknown role";
    case RowProblemKind::EmptyResponse: return "empty response";
    case RowProblemKind::BadCsvRow: return "bad CSV row";
    case RowProblemKind::TooLong: return "longer than the context";
    case RowProblemKind::Duplicate: return "duplicate";
    case RowProblemKind::TemplateRefused: return "refused by the chat template";
    case RowProblemKind::AnswerNotFound: return "answer not found after templating";
    case RowProblemKind::UnreadableFile: return "unreadable file";
    case RowProblemKind::NotUtf8: return "not UTF-8 text";
    case RowProblemKind::RowTooLarge: return "row too large";
  }
  return "problem";
}

namespace {

constexpr std::array<std::pair<RecordShape, const char*>, 5> kShapeNames{{
    {RecordShape::Alpaca, "alpaca"},
    {RecordShape::ShareGpt, "sharegpt"},
    {RecordShape::Messages, "messages"},
    {RecordShape::PromptCompletion, "prompt-completion"},
    {RecordShape::Text, "text"},
}};

MappedRecord problem(RowProblemKind kind, Words detail) {
  MappedRecord result;
  result.problem = RowProblem{0, 0, kind, std::move(detail)};
  return result;
}

// A required text field: missing, not text, or blank are problems.
std::optional<RowProblem> readText(const json& record, const std::string& field, std::string& out, bool allowEmpty = false) {
  const auto found = record.find(field);
  if (found == record.end() || found->is_null()) {
    return RowProblem{0, 0, RowProblemKind::MissingField,
                      Words(TIERTUNE_WORDS("Dataset rows", "the field \"%1\" is missing"), {field})};
  }
  if (!found->is_string()) {
    return RowProblem{0, 0, RowProblemKind::WrongType,
                      Words(TIERTUNE_WORDS("Dataset rows", "the field \"%1\" should be text"), {field})};
  }
  out = found->get<std::string>();
  if (!allowEmpty && out.find_first_not_of(" \t\r\n") == std::string::npos) {
    return RowProblem{0, 0, RowProblemKind::EmptyField,
                      Words(TIERTUNE_WORDS("Dataset rows", "the field \"%1\" is empty"), {field})};
  }
  return std::nullopt;
}

std::optional<std::string> normalizedRole(const std::string& role) {
  if (role == "system") return "system";
  if (role == "user" || role == "human") return "user";
  if (role == "assistant" || role == "gpt" || role == "model" || role == "bot") return "assistant";
  return std::nullopt;
}

// A list of turns: messages ({role, content}) or conversations ({from, value}).
MappedRecord readTurns(const json& record, const std::string& field, const char* roleKey, const char* textKey,
                       const std::string& systemField) {
  const auto turns = record.find(field);
  if (turns == record.end() || turns->is_null()) {
    return problem(RowProblemKind::MissingField,
                   Words(TIERTUNE_WORDS("Dataset rows", "the field \"%1\" is missing"), {field}));
  }
  if (!turns->is_array()) {
    return problem(RowProblemKind::WrongType,
                   Words(TIERTUNE_WORDS("Dataset rows", "the field \"%1\" should be a list of turns"), {field}));
  }
  Example example;
  example.kind = Example::Kind::Chat;
  if (!systemField.empty()) {
    std::string system;
    if (!readText(record, systemField, system)) example.messages.push_back({"system", system});
  }
  for (std::size_t i = 0; i < turns->size(); ++i) {
    const json& turn = (*turns)[i];
    const std::string number = std::to_string(i + 1);
    if (!turn.is_object()) {
      return problem(RowProblemKind::WrongType,
                     Words(TIERTUNE_WORDS("Dataset rows", "turn %1 of \"%2\" should be an object"), {number, field}));
    }
    const auto role = turn.find(roleKey);
    if (role == turn.end() || !role->is_string()) {
      return problem(
          RowProblemKind::MissingField,
          Words(TIERTUNE_WORDS("Dataset rows", "turn %1 of \"%2\" has no \"%3\""), {number, field, roleKey}));
    }
    const std::optional<std::string> normalized = normalizedRole(role->get<std::string>());
    if (!normalized) {
      return problem(
          RowProblemKind::UnknownRole,
          Words(TIERTUNE_WORDS("Dataset rows",
                               "turn %1 of \"%2\" has the role \"%3\"; known are system, user and assistant"),
                {number, field, role->get<std::string>()}));
    }
    const auto text = turn.find(textKey);
    if (text == turn.end() || !text->is_string()) {
      return problem(
          RowProblemKind::MissingField,
          Words(TIERTUNE_WORDS("Dataset rows", "turn %1 of \"%2\" has no text in \"%3\""), {number, field, textKey}));
    }
    example.messages.push_back({*normalized, text->get<std::string>()});
  }
  bool answered = false;
  for (const ChatMessage& message : example.messages) {
    if (message.role == "assistant" && message.content.find_first_not_of(" \t\r\n") != std::string::npos) answered = true;
  }
  if (!answered)
    return problem(RowProblemKind::EmptyResponse,
                   Words(TIERTUNE_WORDS("Dataset rows", "the conversation has no assistant turn with text"), {}));
  MappedRecord result;
  result.example = std::move(example);
  return result;
}

}  // namespace

const char* shapeName(RecordShape shape) {
  for (const auto& [value, name] : kShapeNames) {
    if (value == shape) return name;
  }
  return "text";
}

bool isConversationShape(RecordShape shape) {
  return shape == RecordShape::Alpaca || shape == RecordShape::ShareGpt || shape == RecordShape::Messages;
}

std::optional<RecordShape> shapeFromName(const std::string& name) {
  for (const auto& [value, shapeText] : kShapeNames) {
    if (name == shapeText) return value;
  }
  return std::nullopt;
}

FieldMapping FieldMapping::parse(const std::string& text) {
  FieldMapping mapping;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, end - start);
    const std::size_t equals = item.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == item.size()) {
      throw Error(
          TIERTUNE_WORDS("Dataset files", "\"%1\" is not a mapping; write part=field, for example prompt=question"),
          {item});
    }
    const std::string part = item.substr(0, equals), field = item.substr(equals + 1);
    std::string* target = part == "instruction"     ? &mapping.instruction
                          : part == "input"         ? &mapping.input
                          : part == "output"        ? &mapping.output
                          : part == "conversations" ? &mapping.conversations
                          : part == "messages"      ? &mapping.messages
                          : part == "prompt"        ? &mapping.prompt
                          : part == "completion"    ? &mapping.completion
                          : part == "text"          ? &mapping.text
                          : part == "system"        ? &mapping.system
                                                    : nullptr;
    if (target == nullptr) {
      throw Error(TIERTUNE_WORDS("Dataset files",
                                 "\"%1\" is not a part of an example; parts are instruction, input, "
                                 "output, conversations, messages, prompt, completion, text and system"),
                  {part});
    }
    *target = field;
    start = end + 1;
  }
  return mapping;
}

MappedRecord mapRecord(const json& record, RecordShape shape, const FieldMapping& mapping) {
  if (!record.is_object())
    return problem(RowProblemKind::NotAnObject,
                   Words(TIERTUNE_WORDS("Dataset rows", "the row is not a JSON object"), {}));
  MappedRecord result;
  Example example;
  std::string system;
  const bool hasSystem = !mapping.system.empty() && !readText(record, mapping.system, system);
  switch (shape) {
    case RecordShape::Messages:
      return readTurns(record, mapping.messages, "role", "content", mapping.system);
    case RecordShape::ShareGpt:
      return readTurns(record, mapping.conversations, "from", "value", mapping.system);
    case RecordShape::Alpaca: {
      std::string instruction, input, output;
      if (auto issue = readText(record, mapping.instruction, instruction)) return {std::nullopt, issue};
      if (record.contains(mapping.input) && !record[mapping.input].is_null()) {
        if (auto issue = readText(record, mapping.input, input, true)) return {std::nullopt, issue};
      }
      if (auto issue = readText(record, mapping.output, output)) {
        if (issue->kind == RowProblemKind::EmptyField) issue->kind = RowProblemKind::EmptyResponse;
        return {std::nullopt, issue};
      }
      example.kind = Example::Kind::Chat;
      if (hasSystem) example.messages.push_back({"system", system});
      const bool hasInput = input.find_first_not_of(" \t\r\n") != std::string::npos;
      example.messages.push_back({"user", hasInput ? instruction + "\n\n" + input : instruction});
      example.messages.push_back({"assistant", output});
      break;
    }
    case RecordShape::PromptCompletion: {
      example.kind = Example::Kind::Completion;
      if (auto issue = readText(record, mapping.prompt, example.prompt)) return {std::nullopt, issue};
      if (auto issue = readText(record, mapping.completion, example.completion)) {
        if (issue->kind == RowProblemKind::EmptyField) issue->kind = RowProblemKind::EmptyResponse;
        return {std::nullopt, issue};
      }
      break;
    }
    case RecordShape::Text:
      example.kind = Example::Kind::Text;
      if (auto issue = readText(record, mapping.text, example.text)) return {std::nullopt, issue};
      break;
  }
  result.example = std::move(example);
  return result;
}

std::optional<ShapeGuess> detectShape(const std::vector<json>& sample, const FieldMapping& mapping) {
  std::optional<ShapeGuess> best;
  for (const auto& [shape, name] : kShapeNames) {
    // A shape "reads" a record when its own fields are there, even if the row has another problem
    // (an empty output is still alpaca).
    std::size_t read = 0;
    for (const json& record : sample) {
      const MappedRecord mapped = mapRecord(record, shape, mapping);
      const bool fits = mapped.example || (mapped.problem && mapped.problem->kind != RowProblemKind::MissingField &&
                                           mapped.problem->kind != RowProblemKind::NotAnObject &&
                                           mapped.problem->kind != RowProblemKind::WrongType);
      read += fits ? 1 : 0;
    }
    const double confidence = sample.empty() ? 0.0 : static_cast<double>(read) / static_cast<double>(sample.size());
    if (read > 0 && (!best || confidence > best->confidence)) best = ShapeGuess{shape, confidence};
  }
  return best;
}

}  // namespace tiertune::data
