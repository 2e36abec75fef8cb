<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>NumberText</name>
    <message>
        <location filename="../app/gui/NumberText.cpp" line="12"/>
        <source>%1 billion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/NumberText.cpp" line="15"/>
        <source>%1 million</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui</name>
    <message>
        <location filename="../app/gui/GpuText.cpp" line="24"/>
        <source>%1 — %2, compute capability %3.%4, %5 multiprocessors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/GpuText.cpp" line="31"/>
        <source>NVIDIA driver for CUDA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/GpuText.cpp" line="36"/>
        <source>No NVIDIA GPU found — training runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/GpuText.cpp" line="38"/>
        <source>The NVIDIA driver is too old (it supports CUDA %1, Tiertune needs %2). Update the driver to train on the GPU; until then training runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/GpuText.cpp" line="42"/>
        <source>This copy of Tiertune was built without GPU support — training runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/GpuText.cpp" line="44"/>
        <source>The GPU could not be used (%1) — training runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui::AddModelDialog</name>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="60"/>
        <source>Add model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="65"/>
        <source>Checking the folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="74"/>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="75"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="76"/>
        <source>Architecture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="77"/>
        <source>Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="78"/>
        <source>Layers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="79"/>
        <source>Context length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="80"/>
        <source>Vocabulary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="81"/>
        <source>Weights:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="82"/>
        <source>Tokenizer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="83"/>
        <source>Chat template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="85"/>
        <source>Add to catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="128"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="132"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="136"/>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="137"/>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="148"/>
        <source>%1 in one file, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="150"/>
        <source>%1 in %2 files, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="152"/>
        <source>tokenizer.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="152"/>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="153"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="153"/>
        <source>no (base model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="155"/>
        <source>This folder cannot be trained yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/AddModelDialog.cpp" line="163"/>
        <source>The catalog is not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui::CatalogListPage</name>
    <message>
        <location filename="../app/gui/pages/CatalogListPage.cpp" line="25"/>
        <location filename="../app/gui/pages/CatalogListPage.cpp" line="64"/>
        <source>The catalog could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/CatalogListPage.cpp" line="66"/>
        <source>Choose another data folder in Settings, or fix the problem and restart Tiertune. Nothing has been changed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/CatalogListPage.cpp" line="75"/>
        <source>The catalog could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DatasetsPage</name>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="12"/>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="13"/>
        <source>The examples your models learn from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="15"/>
        <source>No datasets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="16"/>
        <source>A dataset is a file of examples: questions and answers, conversations or documents, as JSONL, JSON, CSV or plain text. Imported datasets are listed here with their format, rows and tokens; every row that cannot be used is reported, never silently dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="25"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="25"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="25"/>
        <source>Training rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="25"/>
        <source>Validation rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="25"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="26"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="26"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui::HardwareCheckPanel</name>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="21"/>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="32"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="45"/>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="161"/>
        <source>not measured yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="47"/>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="48"/>
        <source>Measure disk speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="49"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="60"/>
        <source>Writes and reads a scratch file in the offload folder for a few seconds, bypassing the cache, to see how fast the tier on disk is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="64"/>
        <source>Processor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="65"/>
        <source>Memory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="66"/>
        <source>GPU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="67"/>
        <source>Offload folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="68"/>
        <source>Disk speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="122"/>
        <source>%1 — %2 cores, %3 threads%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="127"/>
        <source>%1 total, %2 available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="132"/>
        <source>%1
%2 free of %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="146"/>
        <source>write %1, read %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="148"/>
        <source> — the file system does not allow direct I/O, so these figures include the cache and are higher than the disk itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="151"/>
        <source> (cancelled early: figures from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="157"/>
        <source>write %1, read %2 (measured %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HardwareCheckPanel.cpp" line="170"/>
        <source>measuring…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui::HomePage</name>
    <message>
        <location filename="../app/gui/pages/HomePage.cpp" line="16"/>
        <source>Welcome to Tiertune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HomePage.cpp" line="24"/>
        <source>Tiertune fine-tunes open language models (Llama, Mistral, Qwen) on this computer. It spreads the work over the graphics card, the memory and the SSD, so models larger than the graphics card still train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HomePage.cpp" line="30"/>
        <source>&lt;b&gt;Getting started&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Check below what this machine offers, and measure the disk speed once.&lt;/li&gt;&lt;li&gt;Add a base model on the &lt;i&gt;Models&lt;/i&gt; page.&lt;/li&gt;&lt;li&gt;Import your examples on the &lt;i&gt;Datasets&lt;/i&gt; page.&lt;/li&gt;&lt;li&gt;Start a fine-tune and follow it on the &lt;i&gt;Runs&lt;/i&gt; page.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/HomePage.cpp" line="38"/>
        <source>This machine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="28"/>
        <source>Tiertune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="33"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="39"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="40"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="41"/>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="43"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="44"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="56"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="57"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="59"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="60"/>
        <source>&amp;About Tiertune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="61"/>
        <source>About Tiertune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="62"/>
        <source>&lt;h3&gt;Tiertune %1&lt;/h3&gt;&lt;p&gt;Fine-tune open language models on the hardware you have: one GPU or none, memory and an SSD.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="89"/>
        <source>Catalog: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="91"/>
        <source>No catalog open — see Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ModelsPage</name>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="22"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="23"/>
        <source>Base models you can fine-tune.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="25"/>
        <source>No models yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="26"/>
        <source>A base model is a folder downloaded from Hugging Face that holds config.json, the weights (*.safetensors) and tokenizer.json — for example Qwen2.5-0.5B-Instruct or Llama-3.2-1B-Instruct. Models you add are listed here with their architecture, size and context length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="32"/>
        <source>Add model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="33"/>
        <source>Remove from catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="58"/>
        <source>Choose a model folder (with config.json and *.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="77"/>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="84"/>
        <source>Remove model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="78"/>
        <source>Remove &quot;%1&quot; from the catalog? Its folder and files stay where they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="89"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="89"/>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="89"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="89"/>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="89"/>
        <source>Data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="90"/>
        <source>Size on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="90"/>
        <source>Chat template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="90"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="90"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="103"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/ModelsPage.cpp" line="103"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunsPage</name>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="13"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="14"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="15"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="16"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="17"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="18"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="28"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="29"/>
        <source>Every fine-tuning run, finished or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="31"/>
        <source>No runs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="32"/>
        <source>A run fine-tunes a base model on a dataset. Add a model and import a dataset first. Every run is kept here with its status, loss curve and checkpoints, so that you can compare, resume and export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="40"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="40"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="40"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="40"/>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="40"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="41"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="41"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="41"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/RunsPage.cpp" line="41"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui::SettingsPage</name>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="23"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="43"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="44"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="51"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="52"/>
        <source>Offload folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="57"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="64"/>
        <source>Holds the catalog, imported datasets, checkpoints and exports. Changing it opens (or creates) the catalog there; nothing is moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="68"/>
        <source>Where training keeps what fits neither on the graphics card nor in memory. Choose a folder on a fast SSD with plenty of free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="74"/>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="74"/>
        <source>Choose the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="76"/>
        <source>Offload folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="77"/>
        <source>Choose the offload folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="79"/>
        <source>Catalog:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="117"/>
        <source>The data folder must be a full path, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="121"/>
        <source>The offload folder must be a full path, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="126"/>
        <source>The folder %1 cannot be created. Check that the disk is present and that you may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="142"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/SettingsPage.cpp" line="148"/>
        <source>%1 (schema version %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
