<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
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
    <name>QObject</name>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="106"/>
        <source>Not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="107"/>
        <source>Not an object with fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="108"/>
        <source>A field is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="109"/>
        <source>A field has the wrong type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="110"/>
        <source>A field is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="111"/>
        <source>Unknown speaker role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="112"/>
        <source>No answer to learn from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="113"/>
        <source>Broken CSV row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="114"/>
        <source>Longer than the context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="115"/>
        <source>Exact duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="116"/>
        <source>Refused by the chat template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="117"/>
        <source>Answer not found after templating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="119"/>
        <source>Problem</source>
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
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="27"/>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="28"/>
        <source>The examples your models learn from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="30"/>
        <source>No datasets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="31"/>
        <source>A dataset is a file of examples: questions and answers, conversations or documents, as JSONL, JSON, CSV or plain text. Imported datasets are listed here with their format, rows and tokens; every row that cannot be used is reported, never silently dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="36"/>
        <source>Import dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="37"/>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="89"/>
        <source>Try an example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="38"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="44"/>
        <source>Import a small set of conversations written for Tiertune, to see how it works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="65"/>
        <source>Add a model on the Models page first: a dataset is prepared for a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="71"/>
        <source>Choose a dataset file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="72"/>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="89"/>
        <source>The example could not be copied to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="104"/>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="115"/>
        <source>Delete dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="105"/>
        <source>Delete &quot;%1&quot; and its prepared files? The file it was imported from stays where it is; runs that used it keep their history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="121"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="121"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="121"/>
        <source>Training rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="121"/>
        <source>Validation rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="121"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="122"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/pages/DatasetsPage.cpp" line="122"/>
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
    <name>tiertune::gui::ImportDatasetWizard</name>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="141"/>
        <source>Import dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="162"/>
        <source>Choose the file and the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="163"/>
        <source>JSON lines, a JSON list, or CSV/TSV with a header row. The model decides how the examples are written out (its chat template) and cut into tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="167"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="169"/>
        <source>Choose a dataset file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="170"/>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="189"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="190"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="191"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="195"/>
        <source>There is no model in the catalog yet. Add one on the Models page first: the dataset is prepared for a particular model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="205"/>
        <source>Format and fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="206"/>
        <source>What the rows hold, as read from the first rows of the file. Change it when the guess is wrong, and rename fields when your file calls them differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="211"/>
        <source>Recognize it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="212"/>
        <source>Instructions (instruction, input, output)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="213"/>
        <source>Conversations, ShareGPT (conversations: from, value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="214"/>
        <source>Conversations (messages: role, content)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="215"/>
        <source>Prompt and completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="216"/>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="222"/>
        <source>for example: prompt=question,completion=answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="227"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="228"/>
        <source>Field names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="239"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="240"/>
        <source>The first rows exactly as the model will read them. The model learns to write the highlighted text; the rest is what it is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="251"/>
        <source>Check every row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="252"/>
        <source>Rows that cannot be used are listed with their row and line numbers and the reason. Nothing is left out without appearing here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="258"/>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="265"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="258"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="265"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="265"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="265"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="269"/>
        <source>Export the report as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="274"/>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="275"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="280"/>
        <source>The report could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="293"/>
        <source>Split and options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="294"/>
        <source>A share of the rows is held back to measure how well the model does on examples it has not trained on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="311"/>
        <source>Cut them to the length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="312"/>
        <source>Leave them out (listed in the report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="315"/>
        <source>Every answer (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="316"/>
        <source>Only the last answer of each conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="317"/>
        <source>Every token, questions included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="318"/>
        <source>Leave out exact duplicates (listed in the report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="322"/>
        <source>Held back for validation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="323"/>
        <source>Seed of the split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="324"/>
        <source>Longest example (tokens):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="325"/>
        <source>Longer examples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="326"/>
        <source>The model learns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="333"/>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="334"/>
        <source>The rows are read, checked and cut into tokens. Cancel leaves nothing behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="340"/>
        <source>Cancel the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="345"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="357"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="397"/>
        <source>Choose a file that exists: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="397"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="401"/>
        <source>Add a model on the Models page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="406"/>
        <source>Give the dataset a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="412"/>
        <source>There is a dataset named &quot;%1&quot; already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="447"/>
        <source>Read as %1 (%2), %3% of the first rows fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="459"/>
        <source>Row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="462"/>
        <source>not used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="465"/>
        <source>%1 tokens, %2 learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="485"/>
        <source>&quot;%1&quot; is ready: %2 training rows and %3 validation rows, %4 tokens, of which the model learns %5. %6 rows were not used (their list is in the dataset&apos;s folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="508"/>
        <source>Reading every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="533"/>
        <source>The file cannot be imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="543"/>
        <source>All %1 rows can be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="544"/>
        <source>%1 rows can be used; %2 cannot, for the reasons below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="579"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="602"/>
        <source>%1 rows read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="618"/>
        <source>The import failed and left nothing behind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="622"/>
        <source>Cancelled. Nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="623"/>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="628"/>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tiertune::gui::LengthHistogram</name>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="70"/>
        <source>1 token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="73"/>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/dialogs/ImportDatasetWizard.cpp" line="75"/>
        <source>rows by length</source>
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
