// The playground's generation settings (temperature, top-k, top-p, repetition penalty, max new
// tokens, seed, stop strings) in a panel that folds away, each with a short explanation and a
// range that keeps the model's answers sensible. Used by the PlaygroundPage.
#pragma once

#include <QJsonObject>
#include <QWidget>

#include "core/infer/generator.h"

class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace tiertune::gui {

class GenerationSettingsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit GenerationSettingsPanel(QWidget* parent = nullptr);

  infer::GenerationSettings settings() const;
  void setSettings(const infer::GenerationSettings& settings);
  bool isExpanded() const;
  void setExpanded(bool expanded);

  // As a conversation file keeps them.
  QJsonObject toJson() const;
  void setFromJson(const QJsonObject& json);

 private:
  QToolButton* toggle_;
  QWidget* body_;
  QDoubleSpinBox* temperature_;
  QSpinBox* topK_;
  QDoubleSpinBox* topP_;
  QDoubleSpinBox* repetitionPenalty_;
  QSpinBox* maxNewTokens_;
  QSpinBox* seed_;
  QLineEdit* stopStrings_;
};

}  // namespace tiertune::gui
