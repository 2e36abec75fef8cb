<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>NumberText</name>
    <message>
        <source>%1 billion</source>
        <translation>%1 十億</translation>
    </message>
    <message>
        <source>%1 million</source>
        <translation>%1 百萬</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>Not an object with fields</source>
        <translation>不是含有欄位的物件</translation>
    </message>
    <message>
        <source>A field is missing</source>
        <translation>缺少欄位</translation>
    </message>
    <message>
        <source>A field has the wrong type</source>
        <translation>欄位類型錯誤</translation>
    </message>
    <message>
        <source>A field is empty</source>
        <translation>欄位是空的</translation>
    </message>
    <message>
        <source>Unknown speaker role</source>
        <translation>無法辨識的發言者角色</translation>
    </message>
    <message>
        <source>No answer to learn from</source>
        <translation>沒有可供學習的回答</translation>
    </message>
    <message>
        <source>Broken CSV row</source>
        <translation>損壞的 CSV 列</translation>
    </message>
    <message>
        <source>Longer than the context</source>
        <translation>超過上下文長度</translation>
    </message>
    <message>
        <source>Exact duplicate</source>
        <translation>完全重複</translation>
    </message>
    <message>
        <source>Refused by the chat template</source>
        <translation>對話範本拒絕處理</translation>
    </message>
    <message>
        <source>Answer not found after templating</source>
        <translation>套用範本後找不到回答</translation>
    </message>
    <message>
        <source>File cannot be read as text</source>
        <translation>檔案無法以文字讀取</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>RunText</name>
    <message>
        <source>Queued</source>
        <translation>排隊中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小時</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Full fine-tune</source>
        <translation>完整微調</translation>
    </message>
</context>
<context>
    <name>tiertune::gui</name>
    <message>
        <source>%1 — %2, compute capability %3.%4, %5 multiprocessors</source>
        <translation>%1 — %2，運算能力 %3.%4，%5 個多處理器</translation>
    </message>
    <message>
        <source>NVIDIA driver for CUDA %1</source>
        <translation>支援 CUDA %1 的 NVIDIA 驅動程式</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found — training runs on the CPU.</source>
        <translation>找不到 NVIDIA GPU — 將使用 CPU 訓練。</translation>
    </message>
    <message>
        <source>The NVIDIA driver is too old (it supports CUDA %1, Tiertune needs %2). Update the driver to train on the GPU; until then training runs on the CPU.</source>
        <translation>NVIDIA 驅動程式版本過舊（支援 CUDA %1，Tiertune 需要 %2）。請更新驅動程式以使用 GPU 訓練；在此之前會使用 CPU 訓練。</translation>
    </message>
    <message>
        <source>This copy of Tiertune was built without GPU support — training runs on the CPU.</source>
        <translation>此版本的 Tiertune 未包含 GPU 支援 — 將使用 CPU 訓練。</translation>
    </message>
    <message>
        <source>The GPU could not be used (%1) — training runs on the CPU.</source>
        <translation>無法使用 GPU（%1）— 將使用 CPU 訓練。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::AddModelDialog</name>
    <message>
        <source>Add model folder</source>
        <translation>新增模型資料夾</translation>
    </message>
    <message>
        <source>Checking the folder…</source>
        <translation>正在檢查資料夾…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>資料夾：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>架構：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>參數量：</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>層數：</translation>
    </message>
    <message>
        <source>Context length:</source>
        <translation>上下文長度：</translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation>詞彙量：</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>權重：</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>分詞器：</translation>
    </message>
    <message>
        <source>Chat template:</source>
        <translation>對話範本：</translation>
    </message>
    <message>
        <source>Add to catalog</source>
        <translation>加入目錄</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 個 token</translation>
    </message>
    <message>
        <source>%1 in one file, %2</source>
        <translation>%1（1 個檔案），%2</translation>
    </message>
    <message>
        <source>%1 in %2 files, %3</source>
        <translation>%1（%2 個檔案），%3</translation>
    </message>
    <message>
        <source>tokenizer.json</source>
        <translation>tokenizer.json</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>no (base model)</source>
        <translation>無（基礎模型）</translation>
    </message>
    <message>
        <source>This folder cannot be trained yet:</source>
        <translation>此資料夾目前還無法用於訓練：</translation>
    </message>
    <message>
        <source>The catalog is not open: %1</source>
        <translation>目錄未開啟：%1</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::CatalogListPage</name>
    <message>
        <source>The catalog could not be opened</source>
        <translation>無法開啟目錄</translation>
    </message>
    <message>
        <source>The catalog could not be read</source>
        <translation>無法讀取目錄</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DatasetsPage</name>
    <message>
        <source>Datasets</source>
        <translation>資料集</translation>
    </message>
    <message>
        <source>The examples your models learn from.</source>
        <translation>模型用來學習的範例。</translation>
    </message>
    <message>
        <source>No datasets yet</source>
        <translation>尚無資料集</translation>
    </message>
    <message>
        <source>A dataset is a file of examples: questions and answers, conversations or documents, as JSONL, JSON, CSV or plain text. Imported datasets are listed here with their format, rows and tokens; every row that cannot be used is reported, never silently dropped.</source>
        <translation>資料集是一個包含範例的檔案：問答、對話或文件，格式可為 JSONL、JSON、CSV 或純文字。匯入的資料集會連同格式、列數和 token 數列在這裡；無法使用的每一列都會回報，絕不會默默略過。</translation>
    </message>
    <message>
        <source>Import dataset…</source>
        <translation>匯入資料集…</translation>
    </message>
    <message>
        <source>Try an example</source>
        <translation>試用範例</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Import a small set of conversations written for Tiertune, to see how it works.</source>
        <translation>匯入一小組專為 Tiertune 撰寫的對話，看看它如何運作。</translation>
    </message>
    <message>
        <source>Add a model on the Models page first: a dataset is prepared for a model.</source>
        <translation>請先在「模型」頁面新增模型：資料集是針對模型準備的。</translation>
    </message>
    <message>
        <source>Choose a dataset file</source>
        <translation>選擇資料集檔案</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation>資料集 (*.jsonl *.json *.csv *.tsv *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>The example could not be copied to %1.</source>
        <translation>無法將範例複製到 %1。</translation>
    </message>
    <message>
        <source>Delete dataset</source>
        <translation>刪除資料集</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; and its prepared files? The file it was imported from stays where it is; runs that used it keep their history.</source>
        <translation>要刪除「%1」及其準備好的檔案嗎？匯入來源檔案會保留在原處；使用過它的執行也會保留紀錄。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Training rows</source>
        <translation>訓練列數</translation>
    </message>
    <message>
        <source>Validation rows</source>
        <translation>驗證列數</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>token 數</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>匯入時間</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::EmptyState</name>
    <message>
        <source>The catalog could not be opened</source>
        <translation>無法開啟目錄</translation>
    </message>
    <message>
        <source>Choose another data folder in Settings, or fix the problem and restart Tiertune. Nothing has been changed or deleted.</source>
        <translation>請在「設定」中選擇其他資料資料夾，或修正問題後重新啟動 Tiertune。沒有任何內容遭到變更或刪除。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ExportDialog</name>
    <message>
        <source>Also write an Ollama Modelfile</source>
        <translation>同時寫出 Ollama Modelfile</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消匯出</translation>
    </message>
    <message>
        <source>Export run %1</source>
        <translation>匯出執行 %1</translation>
    </message>
    <message>
        <source>Step %1 (latest)</source>
        <translation>第 %1 步（最新）</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>LoRA adapter (PEFT), to load on top of the base model</source>
        <translation>LoRA 轉接器（PEFT），載入於基礎模型之上</translation>
    </message>
    <message>
        <source>Merged model (Hugging Face folder)</source>
        <translation>合併後的模型（Hugging Face 資料夾）</translation>
    </message>
    <message>
        <source>GGUF for llama.cpp, Ollama and LM Studio</source>
        <translation>適用於 llama.cpp、Ollama 與 LM Studio 的 GGUF</translation>
    </message>
    <message>
        <source>float32 (as trained)</source>
        <translation>float32（與訓練時相同）</translation>
    </message>
    <message>
        <source>bfloat16 (half the size)</source>
        <translation>bfloat16（大小減半）</translation>
    </message>
    <message>
        <source>float16 (half the size, for older GPUs)</source>
        <translation>float16（大小減半，適用於較舊的 GPU）</translation>
    </message>
    <message>
        <source>F16 (full quality)</source>
        <translation>F16（完整品質）</translation>
    </message>
    <message>
        <source>BF16 (full quality)</source>
        <translation>BF16（完整品質）</translation>
    </message>
    <message>
        <source>Q8_0 (half the size, nearly full quality)</source>
        <translation>Q8_0（大小減半，品質幾乎不變）</translation>
    </message>
    <message>
        <source>One folder (llama.cpp, Ollama)</source>
        <translation>單一資料夾（llama.cpp、Ollama）</translation>
    </message>
    <message>
        <source>LM Studio models folder (publisher/model/)</source>
        <translation>LM Studio 模型資料夾（發布者/模型/）</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>檢查點</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>GGUF type</source>
        <translation>GGUF 類型</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>發布者</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>儲存至</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>This run has no checkpoint to export yet.</source>
        <translation>此執行尚無可匯出的檢查點。</translation>
    </message>
    <message>
        <source>LM Studio&apos;s models folder</source>
        <translation>LM Studio 的模型資料夾</translation>
    </message>
    <message>
        <source>A new folder for the export</source>
        <translation>用於匯出的新資料夾</translation>
    </message>
    <message>
        <source>Where to create the export&apos;s folder</source>
        <translation>要在哪裡建立匯出資料夾</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已匯出至 %1</translation>
    </message>
    <message>
        <source>The export did not succeed: %1</source>
        <translation>匯出未成功：%1</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was left behind.</source>
        <translation>已取消匯出，未留下任何檔案。</translation>
    </message>
    <message>
        <source>Exporting… a large model takes several minutes.</source>
        <translation>正在匯出… 大型模型需要幾分鐘。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::GettingStartedPanel</name>
    <message>
        <source>Check this machine</source>
        <translation>檢查這台電腦</translation>
    </message>
    <message>
        <source>See below what the graphics card, the memory and the SSD offer, and measure the offload folder&apos;s speed once: the memory plan of every run uses it.</source>
        <translation>在下方查看顯示卡、記憶體與 SSD 的效能，並測量一次卸載資料夾的速度：每次執行的記憶體計畫都會用到它。</translation>
    </message>
    <message>
        <source>Measure the disk</source>
        <translation>測量磁碟</translation>
    </message>
    <message>
        <source>Add a base model</source>
        <translation>新增基礎模型</translation>
    </message>
    <message>
        <source>Choose a model folder downloaded from Hugging Face (Llama, Mistral or Qwen). It is checked and kept in the catalog; nothing is copied.</source>
        <translation>選擇從 Hugging Face 下載的模型資料夾（Llama、Mistral 或 Qwen）。它會經過檢查並記錄在目錄中；不會複製任何檔案。</translation>
    </message>
    <message>
        <source>Add a model…</source>
        <translation>新增模型…</translation>
    </message>
    <message>
        <source>Try the example dataset</source>
        <translation>試用範例資料集</translation>
    </message>
    <message>
        <source>Import the small example conversations that come with Tiertune to see how a dataset is checked, previewed and split. Your own files are imported the same way.</source>
        <translation>匯入 Tiertune 附帶的小型範例對話，看看資料集如何被檢查、預覽與切分。您自己的檔案也以相同方式匯入。</translation>
    </message>
    <message>
        <source>Try the example</source>
        <translation>試用範例</translation>
    </message>
    <message>
        <source>Start a Quick LoRA run</source>
        <translation>開始快速 LoRA 執行</translation>
    </message>
    <message>
        <source>The fine-tune wizard picks settings that suit the model and the dataset, shows where the training state will live, and starts the run. You can follow it live.</source>
        <translation>微調精靈會選擇適合模型與資料集的設定，顯示訓練狀態將存放的位置，然後開始執行。您可以即時追蹤進度。</translation>
    </message>
    <message>
        <source>New fine-tune…</source>
        <translation>新增微調…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Getting started&lt;/b&gt;: all done. Every run is on the &lt;i&gt;Runs&lt;/i&gt; page.</source>
        <translation>&lt;b&gt;入門&lt;/b&gt;：全部完成。所有執行都在&lt;i&gt;執行&lt;/i&gt;頁面上。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Getting started&lt;/b&gt;: %1 of %2 steps done.</source>
        <translation>&lt;b&gt;入門&lt;/b&gt;：已完成 %2 個步驟中的 %1 個。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>尚未完成</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::HardwareCheckPanel</name>
    <message>
        <source>checking…</source>
        <translation>檢查中…</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>尚未測量</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新檢查</translation>
    </message>
    <message>
        <source>Measure disk speed</source>
        <translation>測量磁碟速度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Writes and reads a scratch file in the offload folder for a few seconds, bypassing the cache, to see how fast the tier on disk is.</source>
        <translation>在卸載資料夾中寫入並讀取暫存檔數秒鐘（略過快取），以了解磁碟這一層的速度。</translation>
    </message>
    <message>
        <source>Processor:</source>
        <translation>處理器：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>記憶體：</translation>
    </message>
    <message>
        <source>GPU:</source>
        <translation>GPU：</translation>
    </message>
    <message>
        <source>Offload folder:</source>
        <translation>卸載資料夾：</translation>
    </message>
    <message>
        <source>Disk speed:</source>
        <translation>磁碟速度：</translation>
    </message>
    <message>
        <source>%1 — %2 cores, %3 threads%4</source>
        <translation>%1 — %2 核心、%3 執行緒%4</translation>
    </message>
    <message>
        <source>%1 total, %2 available</source>
        <translation>共 %1，可用 %2</translation>
    </message>
    <message>
        <source>%1
%2 free of %3 (%4)</source>
        <translation>%1
可用 %2 / 共 %3（%4）</translation>
    </message>
    <message>
        <source>write %1, read %2</source>
        <translation>寫入 %1，讀取 %2</translation>
    </message>
    <message>
        <source> — the file system does not allow direct I/O, so these figures include the cache and are higher than the disk itself</source>
        <translation> — 檔案系統不允許直接 I/O，因此這些數值包含快取，會比磁碟本身的速度高</translation>
    </message>
    <message>
        <source> (cancelled early: figures from %1)</source>
        <translation>（提前取消：依據 %1 的測量結果）</translation>
    </message>
    <message>
        <source>write %1, read %2 (measured %3)</source>
        <translation>寫入 %1，讀取 %2（測量於 %3）</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>測量中…</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::HomePage</name>
    <message>
        <source>Welcome to Tiertune</source>
        <translation>歡迎使用 Tiertune</translation>
    </message>
    <message>
        <source>Tiertune fine-tunes open language models (Llama, Mistral, Qwen) on this computer. It spreads the work over the graphics card, the memory and the SSD, so models larger than the graphics card still train.</source>
        <translation>Tiertune 可在這台電腦上微調開放的語言模型（Llama、Mistral、Qwen）。它會把工作分散到顯示卡、記憶體和 SSD 上，因此比顯示卡容量更大的模型也能訓練。</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>這台電腦</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportDatasetWizard</name>
    <message>
        <source>Import dataset</source>
        <translation>匯入資料集</translation>
    </message>
    <message>
        <source>Choose the file and the model</source>
        <translation>選擇檔案和模型</translation>
    </message>
    <message>
        <source>JSON lines, a JSON list, or CSV/TSV with a header row. The model decides how the examples are written out (its chat template) and cut into tokens.</source>
        <translation>可使用 JSON Lines、JSON 清單，或含標題列的 CSV/TSV。範例要寫成什麼樣的文字（對話範本）以及如何切分成 token，都由模型決定。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Choose a dataset file</source>
        <translation>選擇資料集檔案</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation>資料集 (*.jsonl *.json *.csv *.tsv *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Folder of texts…</source>
        <translation>文字資料夾…</translation>
    </message>
    <message>
        <source>Every .txt and .md file in a folder, for teaching the model your documents.</source>
        <translation>資料夾中的所有 .txt 與 .md 檔案，用來讓模型學習您的文件。</translation>
    </message>
    <message>
        <source>Choose a folder of .txt or .md files</source>
        <translation>選擇含有 .txt 或 .md 檔案的資料夾</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>There is no model in the catalog yet. Add one on the Models page first: the dataset is prepared for a particular model.</source>
        <translation>目錄中還沒有模型。請先在「模型」頁面新增一個：資料集是針對特定模型準備的。</translation>
    </message>
    <message>
        <source>Format and fields</source>
        <translation>格式與欄位</translation>
    </message>
    <message>
        <source>What the rows hold, as read from the first rows of the file. Change it when the guess is wrong, and rename fields when your file calls them differently.</source>
        <translation>根據檔案前幾列判斷出的各列內容。若判斷有誤請修改；若你的檔案使用不同的欄位名稱，請重新對應名稱。</translation>
    </message>
    <message>
        <source>Recognize it</source>
        <translation>自動辨識</translation>
    </message>
    <message>
        <source>Instructions (instruction, input, output)</source>
        <translation>指令（instruction, input, output）</translation>
    </message>
    <message>
        <source>Conversations, ShareGPT (conversations: from, value)</source>
        <translation>對話，ShareGPT（conversations: from, value）</translation>
    </message>
    <message>
        <source>Conversations (messages: role, content)</source>
        <translation>對話（messages: role, content）</translation>
    </message>
    <message>
        <source>Prompt and completion</source>
        <translation>提示與補全</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>純文字</translation>
    </message>
    <message>
        <source>for example: prompt=question,completion=answer</source>
        <translation>例如：prompt=question,completion=answer</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Field names:</source>
        <translation>欄位名稱：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <source>The first rows exactly as the model will read them. The model learns to write the highlighted text; the rest is what it is given.</source>
        <translation>以下是模型實際會讀到的前幾列。模型會學習寫出醒目標示的文字；其餘部分是提供給模型的內容。</translation>
    </message>
    <message>
        <source>Check every row</source>
        <translation>檢查每一列</translation>
    </message>
    <message>
        <source>Rows that cannot be used are listed with their row and line numbers and the reason. Nothing is left out without appearing here.</source>
        <translation>無法使用的列會連同列號、行號與原因一起列出。任何被略過的內容都一定會出現在這裡。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>列數</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資訊</translation>
    </message>
    <message>
        <source>Export the report as CSV…</source>
        <translation>將報告匯出為 CSV…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>儲存報告</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>無法儲存報告：%1</translation>
    </message>
    <message>
        <source>Split and options</source>
        <translation>分割與選項</translation>
    </message>
    <message>
        <source>A share of the rows is held back to measure how well the model does on examples it has not trained on.</source>
        <translation>保留一部分的列不用於訓練，用來衡量模型在沒學過的範例上表現如何。</translation>
    </message>
    <message>
        <source>Cut them to the length</source>
        <translation>截斷至該長度</translation>
    </message>
    <message>
        <source>Leave them out (listed in the report)</source>
        <translation>略過（列於報告中）</translation>
    </message>
    <message>
        <source>Every answer (recommended)</source>
        <translation>每個回答（建議）</translation>
    </message>
    <message>
        <source>Only the last answer of each conversation</source>
        <translation>只有每段對話的最後一個回答</translation>
    </message>
    <message>
        <source>Every token, questions included</source>
        <translation>所有 token，包括問題</translation>
    </message>
    <message>
        <source>Leave out exact duplicates (listed in the report)</source>
        <translation>略過完全重複的項目（列於報告中）</translation>
    </message>
    <message>
        <source>Held back for validation:</source>
        <translation>保留作為驗證的比例：</translation>
    </message>
    <message>
        <source>Seed of the split:</source>
        <translation>分割的種子值：</translation>
    </message>
    <message>
        <source>Longest example (tokens):</source>
        <translation>範例最大長度（token）：</translation>
    </message>
    <message>
        <source>Longer examples:</source>
        <translation>超過長度的範例：</translation>
    </message>
    <message>
        <source>The model learns:</source>
        <translation>模型學習的內容：</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在匯入</translation>
    </message>
    <message>
        <source>The rows are read, checked and cut into tokens. Cancel leaves nothing behind.</source>
        <translation>正在讀取、檢查各列並切分成 token。取消後不會留下任何東西。</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消匯入</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>匯入完成</translation>
    </message>
    <message>
        <source>Choose a file that exists: %1</source>
        <translation>請選擇存在的檔案：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Add a model on the Models page first.</source>
        <translation>請先在「模型」頁面新增模型。</translation>
    </message>
    <message>
        <source>Give the dataset a name.</source>
        <translation>請為資料集命名。</translation>
    </message>
    <message>
        <source>There is a dataset named &quot;%1&quot; already; choose another name.</source>
        <translation>已經有名為「%1」的資料集；請使用其他名稱。</translation>
    </message>
    <message>
        <source>Plain text documents: cut into samples of the longest example&apos;s length that overlap a little, and the model learns all of the text.</source>
        <translation>純文字文件：切成最長範例長度、彼此稍有重疊的樣本，模型會學習全部文字。</translation>
    </message>
    <message>
        <source>Read as %1 (%2), %3% of the first rows fit.</source>
        <translation>已依 %1（%2）格式讀取，前幾列中有 %3% 符合。</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>not used: %1</source>
        <translation>未使用：%1</translation>
    </message>
    <message>
        <source>%1 tokens, %2 learned</source>
        <translation>%1 個 token，其中學習 %2 個</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is ready: %2 training rows and %3 validation rows, %4 tokens, of which the model learns %5. %6 rows were not used (their list is in the dataset&apos;s folder).</source>
        <translation>「%1」已準備就緒：%2 列訓練資料與 %3 列驗證資料，共 %4 個 token，其中模型會學習 %5 個。有 %6 列未使用（清單位於資料集的資料夾中）。</translation>
    </message>
    <message>
        <source>Reading every row…</source>
        <translation>正在讀取每一列…</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>無法匯入檔案：%1</translation>
    </message>
    <message>
        <source>All %1 rows can be used.</source>
        <translation>全部 %1 列皆可使用。</translation>
    </message>
    <message>
        <source>%1 rows can be used; %2 cannot, for the reasons below.</source>
        <translation>%1 列可以使用；%2 列因下列原因無法使用。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在開始…</translation>
    </message>
    <message>
        <source>%1 rows read</source>
        <translation>已讀取 %1 列</translation>
    </message>
    <message>
        <source>The import failed and left nothing behind: %1</source>
        <translation>匯入失敗，未留下任何內容：%1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was added.</source>
        <translation>已取消，未新增任何內容。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未匯入任何內容：%1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Dataset file</source>
        <translation>資料集檔案</translation>
    </message>
    <message>
        <source>Preview of the examples as the model reads them</source>
        <translation>以模型讀取的形式預覽範例</translation>
    </message>
    <message>
        <source>Problems by reason</source>
        <translation>依原因分類的問題</translation>
    </message>
    <message>
        <source>Rows that cannot be used</source>
        <translation>無法使用的列</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::LengthHistogram</name>
    <message>
        <source>1 token</source>
        <translation>1 個 token</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 個 token</translation>
    </message>
    <message>
        <source>rows by length</source>
        <translation>依長度統計的列數</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::LossChart</name>
    <message>
        <source>Step</source>
        <translation>步數</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>%1 (training)</source>
        <translation>%1（訓練）</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>訓練損失</translation>
    </message>
    <message>
        <source>%1 (validation)</source>
        <translation>%1（驗證）</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>驗證損失</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::MainWindow</name>
    <message>
        <source>Tiertune</source>
        <translation>Tiertune</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>區段</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首頁</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>資料集</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Tiertune</source>
        <translation>關於 Tiertune(&amp;A)</translation>
    </message>
    <message>
        <source>About Tiertune</source>
        <translation>關於 Tiertune</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tiertune %1&lt;/h3&gt;&lt;p&gt;Fine-tune open language models on the hardware you have: one GPU or none, memory and an SSD.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tiertune %1&lt;/h3&gt;&lt;p&gt;用你手邊的硬體微調開放的語言模型：有一張 GPU 或沒有 GPU 都可以，再加上記憶體與 SSD。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Catalog: %1</source>
        <translation>目錄：%1</translation>
    </message>
    <message>
        <source>No catalog open — see Settings</source>
        <translation>未開啟目錄 — 請查看「設定」</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Base models you can fine-tune.</source>
        <translation>可供微調的基礎模型。</translation>
    </message>
    <message>
        <source>No models yet</source>
        <translation>尚無模型</translation>
    </message>
    <message>
        <source>A base model is a folder downloaded from Hugging Face that holds config.json, the weights (*.safetensors) and tokenizer.json — for example Qwen2.5-0.5B-Instruct or Llama-3.2-1B-Instruct. Models you add are listed here with their architecture, size and context length.</source>
        <translation>基礎模型是從 Hugging Face 下載的資料夾，內含 config.json、權重（*.safetensors）和 tokenizer.json，例如 Qwen2.5-0.5B-Instruct 或 Llama-3.2-1B-Instruct。新增的模型會連同架構、大小和上下文長度列在這裡。</translation>
    </message>
    <message>
        <source>Add model folder…</source>
        <translation>新增模型資料夾…</translation>
    </message>
    <message>
        <source>Remove from catalog</source>
        <translation>從目錄中移除</translation>
    </message>
    <message>
        <source>Choose a model folder (with config.json and *.safetensors)</source>
        <translation>選擇模型資料夾（含 config.json 與 *.safetensors）</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the catalog? Its folder and files stay where they are.</source>
        <translation>要從目錄中移除「%1」嗎？它的資料夾和檔案會保留在原處。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架構</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>參數量</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文長度</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>資料類型</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>磁碟大小</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>對話範本</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增時間</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>no</source>
        <translation>無</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunCompareDialog</name>
    <message>
        <source>Compare runs</source>
        <translation>比較執行</translation>
    </message>
    <message>
        <source>Reading the loss curves…</source>
        <translation>正在讀取損失曲線…</translation>
    </message>
    <message>
        <source>Solid lines: training loss. Dotted lines: validation loss. Long curves are thinned to %1 points, keeping each stretch&apos;s highest and lowest value.</source>
        <translation>實線：訓練損失。點線：驗證損失。較長的曲線會保留每一段的最高值與最低值，精簡為 %1 個點。</translation>
    </message>
    <message>
        <source>The curves could not be read: %1</source>
        <translation>無法讀取曲線：%1</translation>
    </message>
    <message>
        <source>These runs have no loss recorded yet. Curves appear once a run has trained a few steps.</source>
        <translation>這些執行尚未記錄任何損失。執行訓練幾步之後就會出現曲線。</translation>
    </message>
    <message>
        <source>Only one of the selected runs is still in the catalog.</source>
        <translation>所選的執行中只有一個仍在目錄中。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunDetailDialog</name>
    <message>
        <source>Info</source>
        <translation>資訊</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>LoRA adapter (PEFT)</source>
        <translation>LoRA 配接器（PEFT）</translation>
    </message>
    <message>
        <source>Merged model (Hugging Face)</source>
        <translation>合併後的模型（Hugging Face）</translation>
    </message>
    <message>
        <source>GGUF</source>
        <translation>GGUF</translation>
    </message>
    <message>
        <source>Reading the run…</source>
        <translation>正在讀取執行…</translation>
    </message>
    <message>
        <source>Save name and notes</source>
        <translation>儲存名稱與備註</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步數</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>儲存時間</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路徑</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>What you tried in this run and what you learned from it.</source>
        <translation>這次執行嘗試了什麼，以及從中學到了什麼。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概覽</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>檢查點</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>記錄</translation>
    </message>
    <message>
        <source>Delete run…</source>
        <translation>刪除執行…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>發生問題：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Run “%1”</source>
        <translation>執行「%1」</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>資料集：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>建立：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>開始：</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>結束：</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>問題：</translation>
    </message>
    <message>
        <source>A run needs a name.</source>
        <translation>執行需要名稱。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunFilterBar</name>
    <message>
        <source>Search names and notes</source>
        <translation>搜尋名稱與備註</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>所有資料集</translation>
    </message>
    <message>
        <source>Search runs</source>
        <translation>搜尋執行</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunHistoryModel</name>
    <message>
        <source>not started</source>
        <translation>尚未開始</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>資料集</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <source>Best validation loss</source>
        <translation>最佳驗證損失</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗時</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunsPage</name>
    <message>
        <source>Runs</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Compare curves</source>
        <translation>比較曲線</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>詳細資料…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>尚無執行</translation>
    </message>
    <message>
        <source>A run fine-tunes a base model on a dataset. Add a model and import a dataset first. Every run is kept here with its status, loss curve and checkpoints, so that you can compare, resume and export it.</source>
        <translation>一次執行就是用資料集微調一個基礎模型。請先新增模型並匯入資料集。每次執行都會連同狀態、損失曲線和檢查點保存在這裡，方便你比較、繼續執行和匯出。</translation>
    </message>
    <message>
        <source>No run matches</source>
        <translation>沒有符合的執行</translation>
    </message>
    <message>
        <source>No run matches the search and filters above. Clear the search field or choose “All” in the lists to see every run.</source>
        <translation>沒有執行符合上方的搜尋與篩選條件。若要查看所有執行，請清除搜尋欄位，或在清單中選擇「所有」。</translation>
    </message>
    <message>
        <source>Select two or more runs (Ctrl+click) to see their loss curves together.</source>
        <translation>選取兩個以上的執行（Ctrl+點按），即可一起查看它們的損失曲線。</translation>
    </message>
    <message>
        <source>Every fine-tuning run, finished or not. Select several to compare their loss curves; double-click one to see all of it.</source>
        <translation>所有微調執行，無論是否已完成。選取多個即可比較損失曲線；按兩下其中一個即可查看完整內容。</translation>
    </message>
    <message>
        <source>The catalog could not be read</source>
        <translation>無法讀取目錄</translation>
    </message>
    <message>
        <source>No run matches (of %1).</source>
        <translation>沒有符合的執行（共 %1 個）。</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>執行：%1 次</translation>
    </message>
    <message>
        <source>%1 of %2 runs match</source>
        <translation>%2 次執行中有 %1 次符合</translation>
    </message>
    <message>
        <source>From the catalog: the run, its %1 metric points, %2 checkpoint records and %3 export records.</source>
        <translation>從目錄中：此執行及其 %1 個指標點、%2 筆檢查點紀錄與 %3 筆匯出紀錄。</translation>
    </message>
    <message>
        <source>No folder of this run is left on the disk.</source>
        <translation>磁碟上已沒有此執行的資料夾。</translation>
    </message>
    <message>
        <source>From the disk, with everything in them:</source>
        <translation>從磁碟中（連同其中所有內容）：</translation>
    </message>
    <message>
        <source>Exports saved elsewhere are kept:</source>
        <translation>儲存在其他位置的匯出會保留：</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>刪除執行</translation>
    </message>
    <message>
        <source>Delete the run “%1”? This cannot be undone.</source>
        <translation>要刪除執行「%1」嗎？此動作無法復原。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Some files were not removed</source>
        <translation>部分檔案未能刪除</translation>
    </message>
    <message>
        <source>The run is gone from the catalog, but these could not be removed; delete them by hand:</source>
        <translation>此執行已從目錄中移除，但下列項目無法刪除，請手動刪除：</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::SettingsPage</name>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>資料資料夾</translation>
    </message>
    <message>
        <source>Offload folder</source>
        <translation>卸載資料夾</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Follow the system (%1)</source>
        <translation>跟隨系統（%1）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Holds the catalog, imported datasets, checkpoints and exports. Changing it opens (or creates) the catalog there; nothing is moved.</source>
        <translation>存放目錄、匯入的資料集、檢查點與匯出檔案。變更後會開啟（或建立）該處的目錄；不會搬移任何檔案。</translation>
    </message>
    <message>
        <source>Where training keeps what fits neither on the graphics card nor in memory. Choose a folder on a fast SSD with plenty of free space.</source>
        <translation>訓練時用來存放顯示卡和記憶體都放不下的資料。請選擇位於高速 SSD、且有充足可用空間的資料夾。</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>資料資料夾：</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>選擇資料資料夾</translation>
    </message>
    <message>
        <source>Offload folder:</source>
        <translation>卸載資料夾：</translation>
    </message>
    <message>
        <source>Choose the offload folder</source>
        <translation>選擇卸載資料夾</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <source>A new language shows the next time Tiertune starts.</source>
        <translation>新的語言會在下次啟動 Tiertune 時顯示。</translation>
    </message>
    <message>
        <source>Catalog:</source>
        <translation>目錄：</translation>
    </message>
    <message>
        <source>The data folder must be a full path, such as %1.</source>
        <translation>資料資料夾必須是完整路徑，例如 %1。</translation>
    </message>
    <message>
        <source>The offload folder must be a full path, such as %1.</source>
        <translation>卸載資料夾必須是完整路徑，例如 %1。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Check that the disk is present and that you may write there.</source>
        <translation>無法建立資料夾 %1。請確認磁碟存在，且你有寫入權限。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>%1 (schema version %2)</source>
        <translation>%1（結構描述版本 %2）</translation>
    </message>
</context>
</TS>
