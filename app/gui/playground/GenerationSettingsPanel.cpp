#include "app/gui/playground/GenerationSettingsPanel.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace tiertune::gui {

namespace {

// Stop strings are typed separated by "|", the one character a stop string rarely holds.
constexpr QChar kStopSeparator = QLatin1Char('|');

QDoubleSpinBox* decimalBox(double minimum, double maximum, double step, const char* name) {
  auto* box = new QDoubleSpinBox;
  box->setRange(minimum, maximum);
  box->setSingleStep(step);
  box->setDecimals(2);
  box->setObjectName(QLatin1String(name));
  return box;
}

QSpinBox* wholeBox(int minimum, int maximum, const char* name) {
  auto* box = new QSpinBox;
  box->setRange(minimum, maximum);
  box->setObjectName(QLatin1String(name));
  return box;
}

}  // namespace

GenerationSettingsPanel::GenerationSettingsPanel(QWidget* parent)
    : QWidget(parent),
      toggle_(new QToolButton),
      body_(new QWidget),
      temperature_(decimalBox(0, 2, 0.05, "temperature")),
      topK_(wholeBox(0, 1000, "topK")),
      topP_(decimalBox(0.01, 1, 0.05, "topP")),
      repetitionPenalty_(decimalBox(1, 2, 0.05, "repetitionPenalty")),
      maxNewTokens_(wholeBox(1, 4096, "maxNewTokens")),
      seed_(wholeBox(0, 999999, "seed")),
      stopStrings_(new QLineEdit) {
  toggle_->setObjectName(QStringLiteral("settingsToggle"));
  toggle_->setText(tr("Generation settings"));
  toggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  toggle_->setCheckable(true);
  toggle_->setAutoRaise(true);
  connect(toggle_, &QToolButton::toggled, this, &GenerationSettingsPanel::setExpanded);
  stopStrings_->setObjectName(QStringLiteral("stopStrings"));
  stopStrings_->setPlaceholderText(tr("e.g. ###|User:"));

  auto* form = new QFormLayout(body_);
  form->setContentsMargins(12, 0, 0, 0);
  const auto row = [form](const QString& label, QWidget* field, const QString& help) {
    field->setToolTip(help);
    field->setAccessibleName(label);
    auto* explanation = new QLabel(help);
    explanation->setWordWrap(true);
    explanation->setEnabled(false);  // drawn in the muted colour
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(field);
    layout->addWidget(explanation);
    form->addRow(label, box);
  };
  row(tr("Temperature"), temperature_,
      tr("0 always takes the most likely word; 0.7 is lively; above 1.2 answers turn random."));
  row(tr("Top-k"), topK_, tr("Choose only among the k most likely tokens; 0 keeps them all. 40 is common."));
  row(tr("Top-p"), topP_, tr("Choose among the most likely tokens that together reach this probability; 1 keeps all."));
  row(tr("Repetition penalty"), repetitionPenalty_,
      tr("Above 1 makes the model repeat itself less; 1.1 is usually enough."));
  row(tr("Max new tokens"), maxNewTokens_, tr("The longest answer, in tokens (about ¾ of a word each)."));
  row(tr("Seed"), seed_, tr("The same seed and settings give the same answer again."));
  row(tr("Stop strings"), stopStrings_, tr("The answer ends where one of these appears; separate several with |."));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(toggle_);
  layout->addWidget(body_);
  setSettings(infer::GenerationSettings{});
  setExpanded(false);
}

bool GenerationSettingsPanel::isExpanded() const { return body_->isVisibleTo(this); }

void GenerationSettingsPanel::setExpanded(bool expanded) {
  toggle_->setChecked(expanded);
  toggle_->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
  body_->setVisible(expanded);
}

infer::GenerationSettings GenerationSettingsPanel::settings() const {
  infer::GenerationSettings settings;
  settings.sampling.temperature = temperature_->value();
  settings.sampling.topK = static_cast<std::size_t>(topK_->value());
  settings.sampling.topP = topP_->value();
  settings.sampling.repetitionPenalty = repetitionPenalty_->value();
  settings.sampling.seed = static_cast<std::uint64_t>(seed_->value());
  settings.maxNewTokens = static_cast<std::size_t>(maxNewTokens_->value());
  for (const QString& stop : stopStrings_->text().split(kStopSeparator, Qt::SkipEmptyParts)) {
    settings.stopStrings.push_back(stop.toStdString());
  }
  return settings;
}

void GenerationSettingsPanel::setSettings(const infer::GenerationSettings& settings) {
  temperature_->setValue(settings.sampling.temperature);
  topK_->setValue(static_cast<int>(settings.sampling.topK));
  topP_->setValue(settings.sampling.topP);
  repetitionPenalty_->setValue(settings.sampling.repetitionPenalty);
  seed_->setValue(static_cast<int>(settings.sampling.seed));
  maxNewTokens_->setValue(static_cast<int>(settings.maxNewTokens));
  QStringList stops;
  for (const std::string& stop : settings.stopStrings) stops << QString::fromStdString(stop);
  stopStrings_->setText(stops.join(kStopSeparator));
}

QJsonObject GenerationSettingsPanel::toJson() const {
  const infer::GenerationSettings current = settings();
  QJsonArray stops;
  for (const std::string& stop : current.stopStrings) stops.append(QString::fromStdString(stop));
  return {{QStringLiteral("temperature"), current.sampling.temperature},
          {QStringLiteral("top_k"), static_cast<qint64>(current.sampling.topK)},
          {QStringLiteral("top_p"), current.sampling.topP},
          {QStringLiteral("repetition_penalty"), current.sampling.repetitionPenalty},
          {QStringLiteral("max_new_tokens"), static_cast<qint64>(current.maxNewTokens)},
          {QStringLiteral("seed"), static_cast<qint64>(current.sampling.seed)},
          {QStringLiteral("stop"), stops}};
}

void GenerationSettingsPanel::setFromJson(const QJsonObject& json) {
  infer::GenerationSettings settings = this->settings();  // a missing field keeps what is shown
  settings.sampling.temperature = json.value(QStringLiteral("temperature")).toDouble(settings.sampling.temperature);
  settings.sampling.topK = static_cast<std::size_t>(json.value(QStringLiteral("top_k")).toInteger(static_cast<qint64>(settings.sampling.topK)));
  settings.sampling.topP = json.value(QStringLiteral("top_p")).toDouble(settings.sampling.topP);
  settings.sampling.repetitionPenalty =
      json.value(QStringLiteral("repetition_penalty")).toDouble(settings.sampling.repetitionPenalty);
  settings.maxNewTokens = static_cast<std::size_t>(
      json.value(QStringLiteral("max_new_tokens")).toInteger(static_cast<qint64>(settings.maxNewTokens)));
  settings.sampling.seed =
      static_cast<std::uint64_t>(json.value(QStringLiteral("seed")).toInteger(static_cast<qint64>(settings.sampling.seed)));
  if (json.contains(QStringLiteral("stop"))) {
    settings.stopStrings.clear();
    for (const QJsonValue& stop : json.value(QStringLiteral("stop")).toArray()) {
      settings.stopStrings.push_back(stop.toString().toStdString());
    }
  }
  setSettings(settings);
}

}  // namespace tiertune::gui
