#include "app/gui/playground/PlaygroundPage.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/AppContext.h"
#include "app/gui/pages/PageHeading.h"
#include "app/gui/playground/ChatColumn.h"
#include "app/gui/playground/ConversationFiles.h"
#include "app/gui/playground/GenerationSettingsPanel.h"

namespace tiertune::gui {

namespace {

// Mode names as a conversation file keeps them.
const QString kCheckpointMode = QStringLiteral("checkpoint");
const QString kSideBySideMode = QStringLiteral("side-by-side");

QWidget* row(std::initializer_list<QWidget*> widgets) {
  auto* box = new QWidget;
  auto* layout = new QHBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  for (QWidget* widget : widgets) layout->addWidget(widget, 1);
  return box;
}

QComboBox* chooser(const char* name, const QString& accessibleName) {
  auto* box = new QComboBox;
  box->setObjectName(QLatin1String(name));
  box->setAccessibleName(accessibleName);
  box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  box->setMinimumContentsLength(14);
  return box;
}

}  // namespace

PlaygroundPage::PlaygroundPage(AppContext& context, QWidget* parent)
    : QWidget(parent),
      context_(context),
      mode_(chooser("chatMode", tr("Chat with"))),
      model_(chooser("modelChooser", tr("Model"))),
      run_(chooser("runChooser", tr("Run"))),
      checkpoint_(chooser("checkpointChooser", tr("Checkpoint"))),
      modelChooser_(row({model_})),
      checkpointChooser_(row({run_, checkpoint_})),
      load_(new QPushButton(tr("Load"))),
      busy_(new QProgressBar),
      status_(new QLabel),
      baseColumn_(new ChatColumn(QStringLiteral("baseColumn"))),
      column_(new ChatColumn(QStringLiteral("mainColumn"))),
      input_(new QPlainTextEdit),
      send_(new QPushButton(tr("Send"))),
      stop_(new QPushButton(tr("Stop"))),
      settings_(new GenerationSettingsPanel),
      newConversation_(new QPushButton(tr("New conversation"))),
      save_(new QPushButton(tr("Save with the run"))),
      saved_(chooser("savedConversations", tr("Saved conversations"))),
      open_(new QPushButton(tr("Open"))) {
  setObjectName(QStringLiteral("playgroundPage"));
  mode_->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // its choices are read whole
  saved_->setPlaceholderText(tr("No saved conversations"));
  mode_->addItem(tr("A base model"), static_cast<int>(Mode::BaseModel));
  mode_->addItem(tr("A run's checkpoint"), static_cast<int>(Mode::Checkpoint));
  mode_->addItem(tr("Checkpoint and its base, side by side"), static_cast<int>(Mode::SideBySide));
  load_->setObjectName(QStringLiteral("loadButton"));
  send_->setObjectName(QStringLiteral("sendButton"));
  stop_->setObjectName(QStringLiteral("stopButton"));
  save_->setObjectName(QStringLiteral("saveConversationButton"));
  open_->setObjectName(QStringLiteral("openConversationButton"));
  newConversation_->setObjectName(QStringLiteral("newConversationButton"));
  input_->setObjectName(QStringLiteral("messageInput"));
  input_->setAccessibleName(tr("Message"));
  input_->setPlaceholderText(tr("Write a message; Ctrl+Enter sends it."));
  input_->setMaximumHeight(input_->fontMetrics().lineSpacing() * 5);
  busy_->setRange(0, 0);  // loading has no measurable progress: a busy indicator
  busy_->setMaximumHeight(6);
  busy_->setTextVisible(false);
  busy_->hide();
  status_->setObjectName(QStringLiteral("playgroundStatus"));
  status_->setWordWrap(true);
  save_->setToolTip(tr("Saves this conversation as a file in the run's folder, to reopen later."));

  auto* sources = new QHBoxLayout;
  sources->addWidget(new QLabel(tr("Chat with")));
  sources->addWidget(mode_);
  sources->addWidget(modelChooser_, 1);
  sources->addWidget(checkpointChooser_, 1);
  sources->addWidget(load_);

  auto* columns = new QHBoxLayout;
  columns->addWidget(baseColumn_, 1);
  columns->addWidget(column_, 1);

  auto* buttons = new QVBoxLayout;
  buttons->addWidget(send_);
  buttons->addWidget(stop_);
  buttons->addStretch();
  auto* compose = new QHBoxLayout;
  compose->addWidget(input_, 1);
  compose->addLayout(buttons);

  auto* chat = new QVBoxLayout;
  chat->addLayout(columns, 1);
  chat->addLayout(compose);

  auto* conversations = new QVBoxLayout;
  conversations->addWidget(new QLabel(tr("<b>Conversations</b>")));
  conversations->addWidget(newConversation_);
  conversations->addWidget(save_);
  conversations->addWidget(row({saved_, open_}));
  auto* side = new QWidget;
  auto* sideLayout = new QVBoxLayout(side);
  sideLayout->setContentsMargins(0, 0, 0, 0);
  sideLayout->addLayout(conversations);
  sideLayout->addSpacing(12);
  sideLayout->addWidget(settings_);
  sideLayout->addStretch();
  auto* sideScroll = new QScrollArea;
  sideScroll->setWidget(side);
  sideScroll->setWidgetResizable(true);
  sideScroll->setFrameShape(QFrame::NoFrame);
  sideScroll->setFixedWidth(330);

  auto* body = new QHBoxLayout;
  body->addLayout(chat, 1);
  body->addWidget(sideScroll);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(pageHeading(tr("Playground")));
  layout->addLayout(sources);
  layout->addWidget(busy_);
  layout->addWidget(status_);
  layout->addLayout(body, 1);

  connect(mode_, &QComboBox::currentIndexChanged, this, &PlaygroundPage::updateControls);
  connect(run_, &QComboBox::currentIndexChanged, this, &PlaygroundPage::fillCheckpoints);
  connect(checkpoint_, &QComboBox::currentIndexChanged, this, &PlaygroundPage::fillConversations);
  connect(load_, &QPushButton::clicked, this, &PlaygroundPage::loadSelected);
  connect(send_, &QPushButton::clicked, this, &PlaygroundPage::send);
  connect(stop_, &QPushButton::clicked, this, &PlaygroundPage::stop);
  connect(save_, &QPushButton::clicked, this, [this] { saveConversation(); });
  connect(open_, &QPushButton::clicked, this, [this] { openConversation(saved_->currentText()); });
  connect(newConversation_, &QPushButton::clicked, this, [this] {
    column_->clearConversation();
    baseColumn_->clearConversation();
    updateControls();
  });
  connect(input_, &QPlainTextEdit::textChanged, this, &PlaygroundPage::updateControls);
  auto* sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), input_);
  sendShortcut->setContext(Qt::WidgetShortcut);
  connect(sendShortcut, &QShortcut::activated, this, &PlaygroundPage::send);
  for (ChatColumn* column : {baseColumn_, column_}) {
    connect(column, &ChatColumn::stateChanged, this, &PlaygroundPage::updateControls);
  }
  // A hidden page catches up in showEvent: a change elsewhere (a run deleted on the Runs page)
  // costs the GUI thread nothing here.
  connect(&context_, &AppContext::catalogChanged, this, [this] {
    if (isVisible()) refreshSources();
  });
  refreshSources();
}

void PlaygroundPage::showEvent(QShowEvent* event) {
  refreshSources();  // runs finish and models are added while the page is hidden
  QWidget::showEvent(event);
}

PlaygroundPage::Mode PlaygroundPage::mode() const { return static_cast<Mode>(mode_->currentData().toInt()); }

void PlaygroundPage::setMode(Mode mode) { mode_->setCurrentIndex(mode_->findData(static_cast<int>(mode))); }

void PlaygroundPage::refreshSources() {
  catalog::Catalog* store = context_.catalog();
  const QString model = model_->currentData().toString();
  const qint64 run = run_->currentData().toLongLong();
  const QSignalBlocker blockModels(model_), blockRuns(run_);
  model_->clear();
  run_->clear();
  if (!store) {
    showProblem(tr("No catalog is open, so there is nothing to chat with. See Settings."));
    fillCheckpoints();
    return;
  }
  for (const catalog::ModelRecord& record : store->models()) {
    model_->addItem(QString::fromStdString(record.name), QString::fromStdString(record.path));
  }
  for (const catalog::RunRecord& record : store->runsWithCheckpoints()) {  // newest first
    run_->addItem(QString::fromStdString(record.name), static_cast<qint64>(record.id));
  }
  model_->setCurrentIndex(std::max(0, model_->findData(model)));
  run_->setCurrentIndex(std::max(0, run_->findData(run)));
  if (model_->count() == 0) {
    showProblem(tr("There is no model to chat with yet: add one on the Models page."));
  } else if (status_->property("sourceProblem").toBool()) {
    status_->clear();
    status_->setProperty("sourceProblem", false);
  }
  fillCheckpoints();
}

std::optional<catalog::RunRecord> PlaygroundPage::selectedRun() const {
  catalog::Catalog* store = context_.catalog();
  if (!store || run_->currentIndex() < 0) return std::nullopt;
  return store->run(run_->currentData().toLongLong());
}

QString PlaygroundPage::selectedCheckpoint() const { return checkpoint_->currentData().toString(); }

void PlaygroundPage::fillCheckpoints() {
  const QSignalBlocker block(checkpoint_);
  checkpoint_->clear();
  if (const auto run = selectedRun()) {
    std::vector<catalog::CheckpointRecord> checkpoints = context_.catalog()->checkpoints(run->id);
    std::reverse(checkpoints.begin(), checkpoints.end());  // the newest is the default
    for (const catalog::CheckpointRecord& checkpoint : checkpoints) {
      checkpoint_->addItem(tr("Step %1").arg(checkpoint.step), QString::fromStdString(checkpoint.path));
    }
  }
  fillConversations();
}

QString PlaygroundPage::conversationFolder() const {
  const auto run = selectedRun();
  if (!run) return {};
  const QString output = runOutputFolder(*run, selectedCheckpoint());
  return output.isEmpty() ? QString() : conversationsFolder(output);
}

void PlaygroundPage::fillConversations() {
  saved_->clear();
  const QString folder = conversationFolder();
  if (!folder.isEmpty()) saved_->addItems(listConversations(folder));
  // The newest is chosen (a combo box with placeholder text would otherwise choose none).
  saved_->setCurrentIndex(saved_->count() > 0 ? 0 : -1);
  updateControls();
}

void PlaygroundPage::showProblem(const QString& message) {
  status_->setText(message);
  status_->setProperty("sourceProblem", true);
}

void PlaygroundPage::updateControls() {
  const Mode current = mode();
  modelChooser_->setVisible(current == Mode::BaseModel);
  checkpointChooser_->setVisible(current != Mode::BaseModel);
  baseColumn_->setVisible(current == Mode::SideBySide && baseColumn_->state() != ChatColumn::State::Empty);

  std::vector<ChatColumn*> active{column_};
  if (baseColumn_->isVisibleTo(this)) active.push_back(baseColumn_);
  const auto any = [&](ChatColumn::State state) {
    return std::any_of(active.begin(), active.end(), [state](ChatColumn* column) { return column->state() == state; });
  };
  const bool generating = any(ChatColumn::State::Generating);
  const bool loading = any(ChatColumn::State::Loading);
  const bool ready = std::all_of(active.begin(), active.end(),
                                 [](ChatColumn* column) { return column->state() == ChatColumn::State::Ready; });
  busy_->setVisible(loading);
  const bool haveSource = current == Mode::BaseModel ? model_->count() > 0 : checkpoint_->count() > 0;
  load_->setEnabled(haveSource && !generating && !loading);
  send_->setEnabled(ready && !input_->toPlainText().trimmed().isEmpty());
  stop_->setEnabled(generating);
  const bool withRun = current != Mode::BaseModel && !conversationFolder().isEmpty();
  save_->setEnabled(withRun && !generating && !column_->messages().isEmpty());
  save_->setToolTip(withRun ? tr("Saves this conversation as a file in the run's folder, to reopen later.")
                            : tr("Conversations are saved with a run: chat with a run's checkpoint to save one."));
  saved_->setEnabled(saved_->count() > 0);
  open_->setEnabled(saved_->count() > 0 && !generating && !loading);
  newConversation_->setEnabled(!generating);
  input_->setEnabled(!generating);
}

void PlaygroundPage::loadSelected() {
  const Mode current = mode();
  status_->clear();
  status_->setProperty("sourceProblem", false);
  if (current == Mode::BaseModel) {
    column_->load({model_->currentData().toString(), QString(), false});
    baseColumn_->hide();
  } else {
    const QString checkpoint = selectedCheckpoint();
    // The model folder is the one the run trained, as the checkpoint says.
    column_->load({QString(), checkpoint, false});
    if (current == Mode::SideBySide) baseColumn_->load({QString(), checkpoint, true});
  }
  updateControls();
}

void PlaygroundPage::send() {
  const QString text = input_->toPlainText().trimmed();
  if (text.isEmpty() || !send_->isEnabled()) return;
  const infer::GenerationSettings settings = settings_->settings();
  column_->send(text, settings);
  if (baseColumn_->isVisibleTo(this)) baseColumn_->send(text, settings);  // the same prompt to both
  input_->clear();
  updateControls();
}

void PlaygroundPage::stop() {
  column_->stop();
  baseColumn_->stop();
}

QString PlaygroundPage::saveConversation() {
  const auto run = selectedRun();
  const QString folder = conversationFolder();
  if (!run || folder.isEmpty()) {
    status_->setText(tr("Conversations are saved with a run: chat with a run's checkpoint to save one."));
    return {};
  }
  QString modelFolder;
  if (const auto model = context_.catalog()->model(run->modelId)) modelFolder = QString::fromStdString(model->path);
  QJsonObject conversation{{QStringLiteral("run"), static_cast<qint64>(run->id)},
                           {QStringLiteral("model"), modelFolder},
                           {QStringLiteral("checkpoint"), selectedCheckpoint()},
                           {QStringLiteral("mode"), mode() == Mode::SideBySide ? kSideBySideMode : kCheckpointMode},
                           {QStringLiteral("settings"), settings_->toJson()},
                           {QStringLiteral("messages"), column_->messages()}};
  if (baseColumn_->isVisibleTo(this)) conversation.insert(QStringLiteral("base_messages"), baseColumn_->messages());
  QString error;
  const auto file = gui::saveConversation(folder, conversation, &error);
  if (!file) {
    status_->setText(error);
    return {};
  }
  status_->setText(tr("Saved as %1.").arg(QDir::toNativeSeparators(*file)));
  fillConversations();
  return *file;
}

void PlaygroundPage::openConversation(const QString& fileName) {
  const QString folder = conversationFolder();
  if (folder.isEmpty() || fileName.isEmpty()) return;
  QString error;
  const auto conversation = readConversation(QDir(folder).filePath(fileName), &error);
  if (!conversation) {
    status_->setText(error);
    return;
  }
  settings_->setFromJson(conversation->value(QStringLiteral("settings")).toObject());
  const QString savedCheckpoint = conversation->value(QStringLiteral("checkpoint")).toString();
  const int checkpointIndex = checkpoint_->findData(savedCheckpoint);
  if (checkpointIndex < 0) {
    status_->setText(tr("The checkpoint this conversation was held with (%1) is gone; it is shown with the one chosen.")
                         .arg(QDir::toNativeSeparators(savedCheckpoint)));
  } else {
    const QSignalBlocker block(checkpoint_);  // the list of conversations stays as it is
    checkpoint_->setCurrentIndex(checkpointIndex);
  }
  const bool sideBySide = conversation->value(QStringLiteral("mode")).toString() == kSideBySideMode;
  setMode(sideBySide ? Mode::SideBySide : Mode::Checkpoint);
  const ChatSource wanted{QString(), selectedCheckpoint(), false};
  const bool loaded = column_->source() == wanted && column_->state() == ChatColumn::State::Ready &&
                      (!sideBySide || baseColumn_->state() == ChatColumn::State::Ready);
  if (!loaded) loadSelected();
  const QString statusText = status_->text();
  column_->setMessages(conversation->value(QStringLiteral("messages")).toArray());
  baseColumn_->setMessages(conversation->value(QStringLiteral("base_messages")).toArray());
  if (statusText.isEmpty()) status_->setText(tr("Opened %1.").arg(fileName));
  updateControls();
}

void PlaygroundPage::openRun(catalog::Id runId) {
  refreshSources();
  setMode(Mode::Checkpoint);
  const int index = run_->findData(static_cast<qint64>(runId));
  if (index < 0) {
    status_->setText(tr("This run has no checkpoint to chat with yet."));
    return;
  }
  run_->setCurrentIndex(index);
  fillCheckpoints();  // also when the run was already chosen; the newest checkpoint first
  loadSelected();
}

}  // namespace tiertune::gui
