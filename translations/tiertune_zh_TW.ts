<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ConversationFiles</name>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>無法建立資料夾 %1。</translation>
    </message>
    <message>
        <source>The conversation could not be written to %1: %2</source>
        <translation>無法將對話寫入 %1：%2</translation>
    </message>
    <message>
        <source>The conversation %1 could not be opened: %2</source>
        <translation>無法開啟對話 %1：%2</translation>
    </message>
    <message>
        <source>The conversation %1 is damaged at byte %2: %3</source>
        <translation>對話 %1 在第 %2 個位元組處已損毀：%3</translation>
    </message>
    <message>
        <source>The conversation %1 has no &quot;messages&quot; list.</source>
        <translation>對話 %1 沒有 &quot;messages&quot; 清單。</translation>
    </message>
</context>
<context>
    <name>Dataset files</name>
    <message>
        <source>%1 line %2: a quoted field is never closed (a &quot; is missing), so the rest of the file cannot be read.</source>
        <translation>%1 第 %2 行：有一個以引號開頭的欄位沒有結束（少了一個 &quot;），因此無法讀取檔案的其餘部分。</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>無法讀取 %1（%2）</translation>
    </message>
    <message>
        <source>%1 changed while it was being imported (its size, modification time or content is not what it was when the import began), so its rows would mix two versions; nothing was imported. Import it again once nothing writes to it any more.</source>
        <translation>%1 在匯入期間被修改了（大小、修改時間或內容與開始匯入時不同），兩個版本的資料列會混在一起，因此沒有匯入任何內容。請在沒有程式再寫入這個檔案後重新匯入。</translation>
    </message>
    <message>
        <source>%1: none of the first records reads as instructions, conversations, prompts with completions or text; choose the format and fields by hand</source>
        <translation>%1：開頭的資料沒有一筆能讀成指示、對話、提示與回應或純文字；請手動選擇格式與欄位</translation>
    </message>
    <message>
        <source>the model in %1 has no usable chat template, so conversations cannot be written the way it expects; choose a chat (instruct) model</source>
        <translation>%1 中的模型沒有可用的聊天範本，無法依它預期的方式寫出對話；請選擇聊天（指令）模型</translation>
    </message>
    <message>
        <source>the files of dataset &quot;%1&quot; are missing (%2); import it again</source>
        <translation>找不到資料集「%1」的檔案（%2）；請重新匯入</translation>
    </message>
    <message>
        <source>building the tokens of &quot;%1&quot; was cancelled</source>
        <translation>已取消建立「%1」的 token</translation>
    </message>
    <message>
        <source>none of the examples of &quot;%1&quot; can be used with %2</source>
        <translation>「%1」中沒有任何範例可用於 %2</translation>
    </message>
    <message>
        <source>the dataset needs a name</source>
        <translation>資料集需要一個名稱</translation>
    </message>
    <message>
        <source>a dataset named &quot;%1&quot; exists already; choose another name or delete it first</source>
        <translation>已經有名為「%1」的資料集；請選擇其他名稱，或先刪除它</translation>
    </message>
    <message>
        <source>the validation share must be at least 0 and below 1</source>
        <translation>驗證比例必須大於或等於 0 且小於 1</translation>
    </message>
    <message>
        <source>text documents are split by a share, not by a validation file</source>
        <translation>文字文件是依比例切分，不使用驗證檔案</translation>
    </message>
    <message>
        <source>the longest example must be at least one token</source>
        <translation>最長範例至少要有 1 個 token</translation>
    </message>
    <message>
        <source>the model has no chat template, so conversations cannot be turned into its text</source>
        <translation>模型沒有聊天範本，因此無法把對話轉成它的文字</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>無法讀取 %1。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空的。</translation>
    </message>
    <message>
        <source>%1 is not a text file but binary data (such as a picture, an archive or a program); choose a dataset saved as JSON lines, a JSON array or CSV.</source>
        <translation>%1 不是文字檔，而是二進位資料（例如圖片、壓縮檔或程式）；請選擇以 JSON Lines、JSON 陣列或 CSV 儲存的資料集。</translation>
    </message>
    <message>
        <source>%1 is neither JSON lines, a JSON array nor CSV/TSV: it starts with &quot;%2&quot;. For plain text use a .txt file.</source>
        <translation>%1 既不是 JSON Lines、JSON 陣列，也不是 CSV/TSV：它的開頭是「%2」。純文字請使用 .txt 檔案。</translation>
    </message>
    <message>
        <source>%1 line %2: %3, so the rest of the file cannot be read.</source>
        <translation>%1 第 %2 行：%3，因此無法讀取檔案的其餘部分。</translation>
    </message>
    <message>
        <source>%1: the file does not hold a JSON array of records.</source>
        <translation>%1：這個檔案不包含資料的 JSON 陣列。</translation>
    </message>
    <message>
        <source>%1 line %2: the JSON array is malformed or cut off here, so the rest of the file cannot be read.</source>
        <translation>%1 第 %2 行：JSON 陣列在這裡格式錯誤或被截斷，因此無法讀取檔案的其餘部分。</translation>
    </message>
    <message>
        <source>%1 has no header row.</source>
        <translation>%1 沒有標題列。</translation>
    </message>
    <message>
        <source>%1: the header row is larger than %2, the most a row may be; check that this is a CSV file.</source>
        <translation>%1：標題列大於單列上限 %2；請確認這是 CSV 檔案。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mapping; write part=field, for example prompt=question</source>
        <translation>「%1」不是對應設定；請寫成 部分=欄位，例如 prompt=question</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a part of an example; parts are instruction, input, output, conversations, messages, prompt, completion, text and system</source>
        <translation>「%1」不是範例的部分；部分有 instruction、input、output、conversations、messages、prompt、completion、text 和 system</translation>
    </message>
    <message>
        <source>%1: the folder has no .txt or .md files</source>
        <translation>%1：這個資料夾中沒有 .txt 或 .md 檔案</translation>
    </message>
    <message>
        <source>the overlap of text samples must be smaller than their length</source>
        <translation>文字樣本的重疊部分必須小於樣本長度</translation>
    </message>
    <message>
        <source>%1 line %2: the file is not UTF-8 text; it looks like %3. Save it as UTF-8 (in a spreadsheet program: &quot;CSV UTF-8&quot;) and import it again.</source>
        <translation>%1 第 %2 行：這個檔案不是 UTF-8 文字，看起來是 %3。請另存為 UTF-8（在試算表程式中選「CSV UTF-8」）後重新匯入。</translation>
    </message>
</context>
<context>
    <name>Dataset rows</name>
    <message>
        <source>text follows the closing quote of field %1</source>
        <translation>欄位 %1 的結束引號後面還有文字</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 是空的</translation>
    </message>
    <message>
        <source>(validation file) %1</source>
        <translation>（驗證檔案）%1</translation>
    </message>
    <message>
        <source>the same as row %1</source>
        <translation>與第 %1 列相同</translation>
    </message>
    <message>
        <source>the chat template writes this conversation so that the assistant&apos;s answers cannot be told apart from the rest; choose &quot;train on every token&quot; to use it anyway</source>
        <translation>聊天範本寫出這段對話後，無法把助理的回答與其他部分區分開；若仍要使用，請選擇「用每個 token 訓練」</translation>
    </message>
    <message>
        <source>the chat template refused it: %1</source>
        <translation>聊天範本拒絕了它：%1</translation>
    </message>
    <message>
        <source>the chat template failed on it: %1</source>
        <translation>聊天範本處理它時失敗：%1</translation>
    </message>
    <message>
        <source>%1 tokens; the limit is %2</source>
        <translation>%1 個 token；上限為 %2</translation>
    </message>
    <message>
        <source>after cutting it to %1 tokens nothing of the answer is left to learn from</source>
        <translation>截短為 %1 個 token 後，已沒有可學習的回答</translation>
    </message>
    <message>
        <source>it has no tokens to learn from</source>
        <translation>沒有可學習的 token</translation>
    </message>
    <message>
        <source>line %1 is not UTF-8 text (it looks like %2), unlike the rest of the file; fix or retype that line</source>
        <translation>第 %1 行與檔案其他部分不同，不是 UTF-8 文字（看起來是 %2）；請修正或重新輸入這一行</translation>
    </message>
    <message>
        <source>the line is %1 bytes long; a row may be at most %2</source>
        <translation>這一行有 %1 位元組；每列最多 %2</translation>
    </message>
    <message>
        <source>not valid JSON at character %1</source>
        <translation>第 %1 個字元處不是有效的 JSON</translation>
    </message>
    <message>
        <source>a number in it is too large to be read</source>
        <translation>其中有數字大到無法讀取</translation>
    </message>
    <message>
        <source>the row is larger than %1, the most a row may be</source>
        <translation>這一列大於單列上限 %1</translation>
    </message>
    <message>
        <source>the row has %1 columns, the header %2</source>
        <translation>這一列有 %1 欄，但標題列有 %2 欄</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing</source>
        <translation>缺少欄位「%1」</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; should be text</source>
        <translation>欄位「%1」應該是文字</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is empty</source>
        <translation>欄位「%1」是空的</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; should be a list of turns</source>
        <translation>欄位「%1」應該是對話輪次的清單</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; should be an object</source>
        <translation>「%2」的第 %1 個輪次應該是物件</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; has no &quot;%3&quot;</source>
        <translation>「%2」的第 %1 個輪次沒有「%3」</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; has the role &quot;%3&quot;; known are system, user and assistant</source>
        <translation>「%2」的第 %1 個輪次角色是「%3」；可用的角色有 system、user 和 assistant</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; has no text in &quot;%3&quot;</source>
        <translation>「%2」的第 %1 個輪次在「%3」中沒有文字</translation>
    </message>
    <message>
        <source>the conversation has no assistant turn with text</source>
        <translation>這段對話沒有含文字的助理輪次</translation>
    </message>
    <message>
        <source>the row is not a JSON object</source>
        <translation>這一列不是 JSON 物件</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>%1 line %2: %3; it is damaged, or made to break the programs that read it.</source>
        <translation>%1 第 %2 行：%3；檔案已損壞，或是為了破壞讀取它的程式而製作的。</translation>
    </message>
    <message>
        <source>the JSON nests lists or objects deeper than %1 levels, which no real file does</source>
        <translation>JSON 的清單或物件巢狀超過 %1 層，實際的檔案不會這樣</translation>
    </message>
</context>
<context>
    <name>GpuText</name>
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
        <source>The GPU cannot be used: %1. Training runs on the CPU.</source>
        <translation>無法使用 GPU：%1。將使用 CPU 訓練。</translation>
    </message>
    <message>
        <source>The GPU could not be used (%1) — training runs on the CPU.</source>
        <translation>無法使用 GPU（%1）— 將使用 CPU 訓練。</translation>
    </message>
    <message>
        <source>Training runs on the graphics card %1 (%2).</source>
        <translation>訓練在顯示卡 %1（%2）上執行。</translation>
    </message>
    <message>
        <source>Training runs on the processor, as the run&apos;s settings ask.</source>
        <translation>依照執行的設定，訓練在處理器上執行。</translation>
    </message>
    <message>
        <source>Training runs on the processor: the graphics card %1 (compute capability %2.%3) is older than GPU training needs (%4.0 or newer, NVIDIA Ampere and later).</source>
        <translation>訓練在處理器上執行：顯示卡 %1（運算能力 %2.%3）比 GPU 訓練所需的世代（%4.0 以上，NVIDIA Ampere 及更新）更舊。</translation>
    </message>
    <message>
        <source>Training runs on the processor: the NVIDIA driver is too old. Update it to train on the graphics card.</source>
        <translation>訓練在處理器上執行：NVIDIA 驅動程式太舊。請更新它以在顯示卡上訓練。</translation>
    </message>
    <message>
        <source>Training runs on the processor: this copy of Tiertune was built without GPU support.</source>
        <translation>訓練在處理器上執行：此 Tiertune 在建置時未包含 GPU 支援。</translation>
    </message>
    <message>
        <source>Training runs on the processor: the graphics card cannot be used (%1).</source>
        <translation>訓練在處理器上執行：無法使用顯示卡（%1）。</translation>
    </message>
    <message>
        <source>Training runs on the processor: no NVIDIA graphics card was found.</source>
        <translation>訓練在處理器上執行：找不到 NVIDIA 顯示卡。</translation>
    </message>
    <message>
        <source>%1 (graphics card, %2)</source>
        <translation>%1（顯示卡，%2）</translation>
    </message>
    <message>
        <source>%1 (processor, %2 of RAM)</source>
        <translation>%1（處理器，RAM %2）</translation>
    </message>
</context>
<context>
    <name>HelpGuide</name>
    <message>
        <source>The first hour</source>
        <translation>第一個小時</translation>
    </message>
    <message>
        <source>LoRA or full fine-tuning</source>
        <translation>LoRA 還是完整微調</translation>
    </message>
    <message>
        <source>Reading the memory plan</source>
        <translation>如何閱讀記憶體規劃</translation>
    </message>
    <message>
        <source>When a run does not fit</source>
        <translation>當執行放不下時</translation>
    </message>
    <message>
        <source>Downloading models</source>
        <translation>下載模型</translation>
    </message>
    <message>
        <source>Tiertune fine-tunes an open language model on your own examples, on this computer. A first run takes four steps, each a page on the left.</source>
        <translation>Tiertune 在這台電腦上用您自己的範例微調開放的語言模型。第一次執行分四個步驟，每個步驟對應左側的一個頁面。</translation>
    </message>
    <message>
        <source>1. Models: download a model by name (Download a model…) or add a folder you have. Start small: Qwen2.5-0.5B-Instruct trains on almost any computer.</source>
        <translation>1. 模型：依名稱下載模型（「下載模型…」），或加入您已有的資料夾。從小模型開始：Qwen2.5-0.5B-Instruct 幾乎在任何電腦上都能訓練。</translation>
    </message>
    <message>
        <source>2. Datasets: import your examples (JSON lines, JSON or CSV). Each row is checked against the model&apos;s chat template; rows that cannot be used are listed with the reason.</source>
        <translation>2. 資料集：匯入您的範例（JSON Lines、JSON 或 CSV）。每一列都會依模型的聊天範本檢查；無法使用的列會連同原因列出。</translation>
    </message>
    <message>
        <source>3. Runs: New fine-tune… picks the model, the dataset and a goal, shows the memory plan and starts. The run goes on when the window closes; a stopped or crashed run resumes from its last checkpoint.</source>
        <translation>3. 執行：「新微調…」選擇模型、資料集與目標，顯示記憶體規劃後開始。關閉視窗後執行仍會繼續；停止或當機的執行會從最後一個檢查點恢復。</translation>
    </message>
    <message>
        <source>4. Try the result in the Playground beside the base model, then export it: a LoRA adapter, a merged model, or GGUF for llama.cpp and Ollama.</source>
        <translation>4. 在實驗場中將結果與基礎模型並排試用，然後匯出：LoRA 轉接器、合併後的模型，或供 llama.cpp 與 Ollama 使用的 GGUF。</translation>
    </message>
    <message>
        <source>Full fine-tuning changes every weight of the model. It learns the most and needs the most memory: about 16 bytes per parameter for the weights, their gradients and the optimizer&apos;s two moments.</source>
        <translation>完整微調會改變模型的每一個權重。它學得最多，也需要最多記憶體：權重、其梯度與最佳化器的兩個動量，每個參數約 16 位元組。</translation>
    </message>
    <message>
        <source>LoRA keeps the model&apos;s weights as they are and trains two small matrices beside each layer (the adapter): a few million parameters instead of billions. It needs far less memory and time, and it is the right start for teaching a style, a format or the facts of your domain.</source>
        <translation>LoRA 保持模型的權重不變，只訓練每一層旁的兩個小矩陣（轉接器）：數百萬個參數，而不是數十億個。它需要的記憶體與時間少得多，是教模型一種風格、一種格式或您領域知識的好起點。</translation>
    </message>
    <message>
        <source>Quick LoRA uses a small adapter and a short schedule; Balanced LoRA a larger adapter and more epochs. Choose Full fine-tune when LoRA&apos;s results stop improving and the plan shows that it fits.</source>
        <translation>快速 LoRA 使用小型轉接器與較短的排程；平衡 LoRA 使用較大的轉接器與較多的訓練輪數。當 LoRA 的結果不再進步、且規劃顯示放得下時，再選擇完整微調。</translation>
    </message>
    <message>
        <source>Before a run starts, the plan shows where each part of the training state lives: on the GPU, in RAM, or in the offload folder on the SSD. The faster the place, the faster each step.</source>
        <translation>執行開始前，規劃會顯示訓練狀態的每一部分放在哪裡：GPU、RAM，或 SSD 上的卸載資料夾。放的位置越快，每一步就越快。</translation>
    </message>
    <message>
        <source>Fits on the GPU: everything stays on the graphics card. Streams from RAM: layers and optimizer state travel between RAM and the GPU at each step; training works, more slowly. Needs the SSD: part of the state is kept on the disk, and each step reads and writes it.</source>
        <translation>可放入 GPU：所有東西都留在顯示卡上。從 RAM 串流：每一步各層與最佳化器狀態都在 RAM 與 GPU 之間往返；可以訓練，但較慢。需要 SSD：部分狀態存在磁碟上，每一步都要讀寫。</translation>
    </message>
    <message>
        <source>The time estimate measures a step on this computer and adds loading, evaluations and checkpoints. A busy computer gives a range.</source>
        <translation>預估時間是在這台電腦上實測一步，再加上載入、評估與檢查點的時間。電腦忙碌時會以範圍表示。</translation>
    </message>
    <message>
        <source>The plan says what is too large and offers changes that would make the run fit, each one click away: a LoRA goal instead of a full fine-tune, shorter examples (the sequence length), a smaller batch, or more room in the offload folder.</source>
        <translation>規劃會指出什麼太大，並提供能讓執行放得下的變更，每項只需點一下：以 LoRA 目標取代完整微調、較短的範例（序列長度）、較小的批次，或給卸載資料夾更多空間。</translation>
    </message>
    <message>
        <source>Free memory helps too: close other programs that use the GPU or much RAM. In Settings, choose an offload folder on a fast SSD with plenty of free space.</source>
        <translation>釋出記憶體也有幫助：關閉其他使用 GPU 或大量 RAM 的程式。在設定中，選擇位於快速且空間充足之 SSD 上的卸載資料夾。</translation>
    </message>
    <message>
        <source>If it still does not fit, choose a smaller model of the same family: a 1.5B model trained well often does better than a 7B model that cannot train here.</source>
        <translation>若仍放不下，請選擇同系列較小的模型：訓練得好的 1.5B 模型，往往比無法在此訓練的 7B 模型表現更好。</translation>
    </message>
    <message>
        <source>Models → Download a model… lists good first models for this computer and searches the Hugging Face Hub. Each shows what this computer can do with it before anything is downloaded.</source>
        <translation>「模型」→「下載模型…」會列出適合這台電腦的入門模型，並搜尋 Hugging Face Hub。在下載任何東西之前，每個模型都會顯示這台電腦能用它做什麼。</translation>
    </message>
    <message>
        <source>Downloads go into the Hugging Face cache that Python tools share. An interrupted download continues where it stopped, and every file is checked before it counts.</source>
        <translation>下載會存入與 Python 工具共用的 Hugging Face 快取。中斷的下載會從停止處繼續，每個檔案都會先經過檢查才算數。</translation>
    </message>
    <message>
        <source>Some models, such as Meta&apos;s Llama, are gated: accept their licence on the model&apos;s page, create an access token in your Hugging Face account&apos;s settings, and sign in with it in Settings.</source>
        <translation>部分模型（例如 Meta 的 Llama）受到限制：請在模型頁面同意其授權條款，在 Hugging Face 帳號設定中建立存取權杖，並在設定中用它登入。</translation>
    </message>
    <message>
        <source>Tiertune guide</source>
        <translation>Tiertune 指南</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主題</translation>
    </message>
</context>
<context>
    <name>HubProblemText</name>
    <message>
        <source>the model&apos;s page</source>
        <translation>模型頁面</translation>
    </message>
    <message>
        <source>Tiertune could not reach the Hugging Face Hub. Check the internet connection (or the server address in Settings) and try again; a download continues where it stopped.</source>
        <translation>Tiertune 無法連上 Hugging Face Hub。請檢查網路連線（或設定中的伺服器位址）後再試一次；下載會從中斷處繼續。</translation>
    </message>
    <message>
        <source>%1 is shared only with people who accepted its licence. Sign in with a Hugging Face access token in Settings, from an account that has access.</source>
        <translation>%1 只提供給已同意其授權條款的人。請在設定中以具有存取權的帳號之 Hugging Face 存取權杖登入。</translation>
    </message>
    <message>
        <source>Your Hugging Face account has no access to %1 yet. Ask for it on %2; approval can take from minutes to days.</source>
        <translation>您的 Hugging Face 帳號尚無 %1 的存取權。請在%2申請；核准可能需要幾分鐘到幾天。</translation>
    </message>
    <message>
        <source>The Hugging Face Hub did not accept the access token. Copy it again from your account&apos;s settings and sign in again in Settings.</source>
        <translation>Hugging Face Hub 不接受此存取權杖。請從帳號設定重新複製，並在設定中重新登入。</translation>
    </message>
    <message>
        <source>There is no model named %1. Check the spelling (organization/name); a private model needs a token with access to it.</source>
        <translation>沒有名為 %1 的模型。請檢查拼寫（組織/名稱）；私人模型需要具有存取權的權杖。</translation>
    </message>
    <message>
        <source>%1 has no such version.</source>
        <translation>%1 沒有這個版本。</translation>
    </message>
    <message>
        <source>A file of %1 is missing on the Hub.</source>
        <translation>Hub 上缺少 %1 的一個檔案。</translation>
    </message>
    <message>
        <source>%1 is not published in the safetensors format Tiertune reads. Look for a version of it in safetensors on %2.</source>
        <translation>%1 並未以 Tiertune 可讀取的 safetensors 格式發布。請在%2尋找 safetensors 版本。</translation>
    </message>
    <message>
        <source>There is not enough free disk space for %1. Free some space and download again; what arrived is kept.</source>
        <translation>磁碟空間不足以存放 %1。請釋出空間後再下載；已收到的部分會保留。</translation>
    </message>
    <message>
        <source>A file of %1 arrived damaged twice and was not kept. A proxy or the network may be altering downloads; try again later or on another network.</source>
        <translation>%1 的一個檔案兩次都以損壞的狀態送達，因此未保留。可能是代理伺服器或網路改動了下載內容；請稍後或換個網路再試。</translation>
    </message>
    <message>
        <source>The Hugging Face Hub is busy or answered unexpectedly. Try again in a few minutes.</source>
        <translation>Hugging Face Hub 忙碌中或回應異常。請幾分鐘後再試。</translation>
    </message>
    <message>
        <source>The download was cancelled. What arrived is kept: downloading again continues from there.</source>
        <translation>已取消下載。已收到的部分會保留：再次下載會從那裡繼續。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a model name. Write it as organization/name, for example Qwen/Qwen2.5-0.5B-Instruct.</source>
        <translation>「%1」不是模型名稱。請寫成 組織/名稱，例如 Qwen/Qwen2.5-0.5B-Instruct。</translation>
    </message>
</context>
<context>
    <name>Model folders</name>
    <message>
        <source>%1: architecture %2 is not supported yet; supported are %3.</source>
        <translation>%1：尚未支援架構 %2；目前支援 %3。</translation>
    </message>
    <message>
        <source>%1: this is a quantized model%2; Tiertune fine-tunes from unquantized weights (bfloat16, float16 or float32). Use the original, unquantized model folder.</source>
        <translation>%1：這是量化過的模型%2；Tiertune 需從未量化的權重（bfloat16、float16 或 float32）進行微調。請使用原始、未量化的模型資料夾。</translation>
    </message>
    <message>
        <source>%1: cannot open the file; the model folder needs a config.json.</source>
        <translation>%1：無法開啟檔案；模型資料夾需要 config.json。</translation>
    </message>
    <message>
        <source>tokenizer.json is missing; this folder only has tokenizer.model (SentencePiece), which Tiertune does not read yet. Download the model&apos;s tokenizer.json as well.</source>
        <translation>缺少 tokenizer.json；這個資料夾只有 Tiertune 尚無法讀取的 tokenizer.model（SentencePiece）。請一併下載模型的 tokenizer.json。</translation>
    </message>
    <message>
        <source>tokenizer.json is missing: Tiertune needs it to turn text into tokens.</source>
        <translation>缺少 tokenizer.json：Tiertune 需要它把文字轉成 token。</translation>
    </message>
    <message>
        <source>The tokenizer has token ids up to %1 but the model has only %2 token embeddings (vocab_size in config.json): they do not belong together.</source>
        <translation>分詞器的 token ID 最大到 %1，但模型只有 %2 個 token 嵌入（config.json 中的 vocab_size）：兩者並不相符。</translation>
    </message>
    <message>
        <source>The tokenizer cannot be used: %1</source>
        <translation>無法使用分詞器：%1</translation>
    </message>
    <message>
        <source>The model has no chat template: it is a base model. Train it on plain text, or on conversations with a template chosen when you create the run.</source>
        <translation>此模型沒有聊天範本：它是基礎模型。請用純文字訓練，或在建立執行時選擇範本再用對話訓練。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template cannot be read (%1); conversations need a template chosen when you create the run.</source>
        <translation>無法讀取模型的聊天範本（%1）；若要用對話訓練，請在建立執行時選擇範本。</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是資料夾。</translation>
    </message>
    <message>
        <source>config.json is missing: this does not look like a Hugging Face model folder.</source>
        <translation>缺少 config.json：這看起來不像 Hugging Face 模型資料夾。</translation>
    </message>
    <message>
        <source>%1: no model weights found: the folder has neither %2 nor %3. It has pytorch_model.bin weights, a PyTorch format Tiertune does not read; download the safetensors version of the model.</source>
        <translation>%1：找不到模型權重：資料夾中既沒有 %2，也沒有 %3。它只有 Tiertune 無法讀取的 PyTorch 格式 pytorch_model.bin 權重；請下載 safetensors 版本的模型。</translation>
    </message>
    <message>
        <source>%1: no model weights found: the folder has neither %2 nor %3.</source>
        <translation>%1：找不到模型權重：資料夾中既沒有 %2，也沒有 %3。</translation>
    </message>
    <message>
        <source>%1 lists the shard %2, but that file is not in %3: the download is incomplete; download the missing file.</source>
        <translation>%1 列出了分片 %2，但 %3 中沒有這個檔案：下載不完整；請下載缺少的檔案。</translation>
    </message>
    <message>
        <source>tensor %1 is missing (expected shape %2); the weights do not match config.json or a file is incomplete.</source>
        <translation>缺少張量 %1（預期形狀為 %2）；權重與 config.json 不符，或檔案不完整。</translation>
    </message>
    <message>
        <source>tensor %1 has shape %2, but config.json implies %3; the weights belong to a different model than config.json describes.</source>
        <translation>張量 %1 的形狀是 %2，但依 config.json 應為 %3；這些權重屬於與 config.json 所描述不同的模型。</translation>
    </message>
    <message>
        <source>tensor %1 holds %2 values (%3); Tiertune loads weights only as BF16, F16 or F32. Use an unquantized model folder.</source>
        <translation>張量 %1 的值是 %2（%3）；Tiertune 只能載入 BF16、F16 或 F32 的權重。請使用未量化的模型資料夾。</translation>
    </message>
    <message>
        <source>tensor lm_head.weight is present, but config.json ties the output layer to the embeddings (tie_word_embeddings), so it would be ignored; config.json and the weights disagree.</source>
        <translation>存在張量 lm_head.weight，但 config.json 設定輸出層與嵌入共用（tie_word_embeddings），因此它會被忽略；config.json 與權重不一致。</translation>
    </message>
    <message>
        <source>tensor %1 is not part of a %2 model with this config.json; the weights belong to a different model or architecture.</source>
        <translation>張量 %1 不屬於這個 config.json 所描述的 %2 模型；這些權重屬於其他模型或架構。</translation>
    </message>
    <message>
        <source>%1: tensor %2 holds values that are not a number (NaN or infinite), %3 of them; training and generation cannot use it. The file is damaged or was saved from a diverged model: download the model again.</source>
        <translation>%1：張量 %2 中有 %3 個不是數字的值（NaN 或無限大）；訓練與生成都無法使用。檔案已損壞，或是從發散的模型儲存的：請重新下載模型。</translation>
    </message>
</context>
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
    <message>
        <source>%1 hundred million</source>
        <translation>%1億</translation>
    </message>
    <message>
        <source>%1 ten thousand</source>
        <translation>%1萬</translation>
    </message>
</context>
<context>
    <name>Output folders</name>
    <message>
        <source>run %1</source>
        <translation>執行 %1</translation>
    </message>
    <message>
        <source>run %1 (“%2”)</source>
        <translation>執行 %1（「%2」）</translation>
    </message>
    <message>
        <source>The output folder %1 is in use by another Tiertune process; wait for it to end, or give this run another &quot;output&quot;.</source>
        <translation>輸出資料夾 %1 正由另一個 Tiertune 程序使用中；請等它結束，或為這次執行指定其他「output」。</translation>
    </message>
    <message>
        <source>Run %1 is already running (process %2); one run has one worker. Wait for it to end, or stop it first.</source>
        <translation>執行 %1 已在進行中（程序 %2）；一個執行只能有一個工作程序。請等它結束，或先將它停止。</translation>
    </message>
    <message>
        <source>another run</source>
        <translation>另一個執行</translation>
    </message>
    <message>
        <source>%1 of another catalog (%2)</source>
        <translation>另一個目錄（%2）的%1</translation>
    </message>
    <message>
        <source>The output folder %1 is in use by %2 (process %3); two runs in one folder would delete each other&apos;s checkpoints. Give this run another &quot;output&quot;, or wait for that run to end.</source>
        <translation>輸出資料夾 %1 正由%2使用中（程序 %3）；兩個執行共用一個資料夾會刪掉彼此的檢查點。請為這次執行指定其他「output」，或等那個執行結束。</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>它不是資料夾</translation>
    </message>
    <message>
        <source>Cannot create the output folder %1: %2. Choose a folder you can write to as &quot;output&quot;.</source>
        <translation>無法建立輸出資料夾 %1：%2。請將可寫入的資料夾指定為「output」。</translation>
    </message>
    <message>
        <source>Cannot write in the output folder %1 (%2). Choose a folder you can write to as &quot;output&quot;.</source>
        <translation>無法寫入輸出資料夾 %1（%2）。請將可寫入的資料夾指定為「output」。</translation>
    </message>
    <message>
        <source>The output folder %1 belongs to %2 of another catalog (%3); two runs in one folder would delete each other&apos;s checkpoints. Give this run another &quot;output&quot; (if that catalog is gone for good, delete %4).</source>
        <translation>輸出資料夾 %1 屬於另一個目錄（%3）的%2；兩個執行共用一個資料夾會刪掉彼此的檢查點。請為這次執行指定其他「output」（若那個目錄已永久不存在，請刪除 %4）。</translation>
    </message>
    <message>
        <source>The output folder %1 belongs to %2; two runs in one folder would overwrite each other&apos;s checkpoints. Give this run another &quot;output&quot;, or continue that run instead.</source>
        <translation>輸出資料夾 %1 屬於%2；兩個執行共用一個資料夾會覆寫彼此的檢查點。請為這次執行指定其他「output」，或改為繼續那個執行。</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <source>The offload folder&apos;s speed has not been measured yet, so 1 GB/s is assumed: “Measure disk speed” on the Home page measures it.</source>
        <translation>尚未測量卸載資料夾的速度，因此假設為 1 GB/s：可在首頁以「測量磁碟速度」測量。</translation>
    </message>
    <message>
        <source>The offload folder&apos;s speed was measured through the system&apos;s file cache, so the times for the SSD may be too hopeful.</source>
        <translation>卸載資料夾的速度是透過系統的檔案快取測得的，因此 SSD 的時間可能過於樂觀。</translation>
    </message>
    <message>
        <source>The training speed was measured on this computer&apos;s graphics card.</source>
        <translation>訓練速度是在這台電腦的顯示卡上測得的。</translation>
    </message>
    <message>
        <source>The training speed was measured on this computer&apos;s processor (CPU).</source>
        <translation>訓練速度是在這台電腦的處理器（CPU）上測得的。</translation>
    </message>
    <message>
        <source>No graphics card: the processor (CPU) trains; its speed is estimated from its cores.</source>
        <translation>沒有顯示卡：由處理器（CPU）訓練；其速度依核心數估計。</translation>
    </message>
    <message>
        <source>The graphics card&apos;s speed is estimated from its kind until a run measures it.</source>
        <translation>在執行實際測量之前，顯示卡的速度依其型號估計。</translation>
    </message>
    <message>
        <source>The graphics card&apos;s speed is measured when its first run starts; until then it is estimated from its kind.</source>
        <translation>顯示卡的速度會在第一次執行開始時測量；在此之前依其型號估計。</translation>
    </message>
    <message>
        <source>The graphics card&apos;s speed could not be measured: %1</source>
        <translation>無法測量顯示卡的速度：%1</translation>
    </message>
    <message>
        <source>The run&apos;s time is derived from this computer&apos;s measured speed, not measured on this model.</source>
        <translation>執行時間是依這台電腦測得的速度推算，並非以這個模型實測。</translation>
    </message>
    <message>
        <source>A step of this model could not be measured here, so the run&apos;s time is derived from this computer&apos;s measured speed.</source>
        <translation>無法在此測量這個模型的一個步驟，因此執行時間依這台電腦測得的速度推算。</translation>
    </message>
    <message>
        <source>The run&apos;s time is not estimated: the dataset&apos;s samples could not be read.</source>
        <translation>未估計執行時間：無法讀取資料集的樣本。</translation>
    </message>
    <message>
        <source>One training step needs %1 of working memory at this batch size and sequence length, but the graphics card offers %2.</source>
        <translation>以這個批次大小和序列長度，訓練的每一步需要 %1 的工作記憶體，但顯示卡只提供 %2。</translation>
    </message>
    <message>
        <source>One training step needs %1 of working memory at this batch size and sequence length, but the memory set aside for training offers %2.</source>
        <translation>以這個批次大小和序列長度，訓練的每一步需要 %1 的工作記憶體，但保留給訓練的記憶體只有 %2。</translation>
    </message>
    <message>
        <source>The whole training state (%1) is also more than the training memory, RAM and SSD hold together.</source>
        <translation>整個訓練狀態（%1）也超過訓練記憶體、RAM 與 SSD 加起來的容量。</translation>
    </message>
    <message>
        <source>The training state needs %1, but this computer offers %2 on the graphics card, %3 of RAM and %4 on the SSD.</source>
        <translation>訓練狀態需要 %1，但這台電腦只提供顯示卡 %2、RAM %3 和 SSD %4。</translation>
    </message>
    <message>
        <source>The training state needs %1, but this computer offers %2 of memory set aside for training, %3 more of RAM and %4 on the SSD.</source>
        <translation>訓練狀態需要 %1，但這台電腦只提供保留給訓練的記憶體 %2、另外的 RAM %3 和 SSD %4。</translation>
    </message>
    <message>
        <source>A batch of 1 with shorter examples (for example %1 tokens) needs less working memory.</source>
        <translation>批次大小 1 加上較短的範例（例如 %1 個 token）需要的工作記憶體較少。</translation>
    </message>
    <message>
        <source>LoRA instead of full fine-tuning needs about %1 in all.</source>
        <translation>改用 LoRA 取代完整微調，總共約需 %1。</translation>
    </message>
    <message>
        <source>Free %1 more on the SSD of the offload folder, or choose an offload folder on a larger SSD in Settings.</source>
        <translation>請在卸載資料夾所在的 SSD 上再釋出 %1，或在設定中選擇位於更大 SSD 上的卸載資料夾。</translation>
    </message>
    <message>
        <source>The run&apos;s time is estimated once a dataset is chosen.</source>
        <translation>選擇資料集後才會估計執行時間。</translation>
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
        <source>Line is not UTF-8 text</source>
        <translation>該行不是 UTF-8 文字</translation>
    </message>
    <message>
        <source>Row too large</source>
        <translation>資料列過大</translation>
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
    <message>
        <source>Quick LoRA</source>
        <translation>快速 LoRA</translation>
    </message>
    <message>
        <source>Balanced LoRA</source>
        <translation>均衡 LoRA</translation>
    </message>
    <message>
        <source>%1, own settings</source>
        <translation>%1，自訂設定</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Quick LoRA, model in 4 bits</source>
        <translation>快速 LoRA，模型為 4 位元</translation>
    </message>
    <message>
        <source>Balanced LoRA, model in 4 bits</source>
        <translation>平衡 LoRA，模型為 4 位元</translation>
    </message>
    <message>
        <source>Smallest memory (QLoRA)</source>
        <translation>最少記憶體（QLoRA）</translation>
    </message>
    <message>
        <source>QLoRA (4-bit model)</source>
        <translation>QLoRA（4 位元模型）</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>Cannot create the checkpoint folder %1: %2. Choose an &quot;output&quot; folder on a disk you can write to.</source>
        <translation>無法建立檢查點資料夾 %1：%2。請將可寫入磁碟上的資料夾指定為「output」。</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>它不是資料夾</translation>
    </message>
    <message>
        <source>Cannot write checkpoints into %1 (%2). Choose an &quot;output&quot; folder on a disk you can write to.</source>
        <translation>無法將檢查點寫入 %1（%2）。請將可寫入磁碟上的資料夾指定為「output」。</translation>
    </message>
    <message>
        <source>it is not on a disk</source>
        <translation>它不在磁碟上</translation>
    </message>
    <message>
        <source>The disk of %1 has %2 MiB free, and a checkpoint of this run takes about %3 MiB. Free some space, or choose an &quot;output&quot; folder on another disk.</source>
        <translation>%1 所在磁碟的可用空間為 %2 MiB，而此執行的一個檢查點約需 %3 MiB。請釋出空間，或將其他磁碟上的資料夾指定為「output」。</translation>
    </message>
    <message>
        <source>training diverged at step %1: the gradients are not finite numbers (try a lower learning rate)</source>
        <translation>訓練在第 %1 步發散：梯度不是有限的數值（請嘗試降低學習率）</translation>
    </message>
</context>
<context>
    <name>WizardHelp</name>
    <message>
        <source>Help: %1</source>
        <translation>說明：%1</translation>
    </message>
    <message>
        <source>Open the guide</source>
        <translation>開啟指南</translation>
    </message>
</context>
<context>
    <name>WizardLabels</name>
    <message>
        <source>%1 %2</source>
        <comment>a sentence, then the next one</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ActiveRunsPanel</name>
    <message>
        <source>“%1” — %2, step %3</source>
        <translation>「%1」— %2，第 %3 步</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training now&lt;/b&gt;: these runs go on whether this window is open or not.</source>
        <translation>&lt;b&gt;正在訓練&lt;/b&gt;：無論此視窗是否開著，這些執行都會繼續。</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Watch the run %1</source>
        <translation>查看執行 %1</translation>
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
    <message>
        <source>This folder does not hold a model. A model folder, as downloaded from Hugging Face, has config.json, the weights (.safetensors files) and tokenizer.json. What is missing here:</source>
        <translation>這個資料夾裡沒有模型。從 Hugging Face 下載的模型資料夾包含 config.json、權重（.safetensors 檔案）和 tokenizer.json。這裡缺少的是：</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::AdvancedSettingsPage</name>
    <message>
        <source>Advanced settings</source>
        <translation>進階設定</translation>
    </message>
    <message>
        <source>Every setting of the run, prefilled from the goal. Change what you know you need; the boxes only accept values in a safe range.</source>
        <translation>此執行的所有設定，已依目標預先填入。只需修改你確定需要調整的項目；各欄位只接受安全範圍內的數值。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>LoRA (train small adapters)</source>
        <translation>LoRA（訓練小型配接器）</translation>
    </message>
    <message>
        <source>Full fine-tune (train every weight)</source>
        <translation>完整微調（訓練所有權重）</translation>
    </message>
    <message>
        <source>as the epochs say</source>
        <translation>依訓練輪數</translation>
    </message>
    <message>
        <source>Cosine (slows down smoothly)</source>
        <translation>餘弦（平滑地減緩）</translation>
    </message>
    <message>
        <source>Linear (falls in a straight line)</source>
        <translation>線性（呈直線下降）</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>use the share</source>
        <translation>依比例</translation>
    </message>
    <message>
        <source>no clipping</source>
        <translation>不裁剪</translation>
    </message>
    <message>
        <source>at the end only</source>
        <translation>僅在結束時</translation>
    </message>
    <message>
        <source>keep all</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>所有核心</translation>
    </message>
    <message>
        <source>Recompute activations in the backward pass</source>
        <translation>在反向傳播時重新計算激活值</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>What is trained</source>
        <translation>訓練內容</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>LoRA rank:</source>
        <translation>LoRA 秩（rank）：</translation>
    </message>
    <message>
        <source>Size of the adapters. 8–64 is usual; higher holds more, costs more memory.</source>
        <translation>配接器的大小。通常為 8–64；數值越高能容納越多內容，但也需要更多記憶體。</translation>
    </message>
    <message>
        <source>LoRA alpha:</source>
        <translation>LoRA alpha：</translation>
    </message>
    <message>
        <source>Strength of the adapters; usually twice the rank.</source>
        <translation>配接器的強度；通常為秩的兩倍。</translation>
    </message>
    <message>
        <source>LoRA dropout:</source>
        <translation>LoRA dropout：</translation>
    </message>
    <message>
        <source>Share of the adapters&apos; input dropped while training (0–0.1) against memorizing a small dataset.</source>
        <translation>訓練時捨棄的配接器輸入比例（0–0.1），可避免模型死記小型資料集。</translation>
    </message>
    <message>
        <source>Adapted layers:</source>
        <translation>加上配接器的層：</translation>
    </message>
    <message>
        <source>The projections that get adapters: attention (q, k, v, o) and the feed-forward block (gate, up, down).</source>
        <translation>要加上配接器的投影層：注意力層（q, k, v, o）與前饋區塊（gate, up, down）。</translation>
    </message>
    <message>
        <source>How fast it learns</source>
        <translation>學習速度</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>學習率：</translation>
    </message>
    <message>
        <source>Size of each update. LoRA: 1e-4 to 3e-4; full fine-tuning about ten times lower (1e-5 to 3e-5).</source>
        <translation>每次更新的幅度。LoRA：1e-4 到 3e-4；完整微調約低十倍（1e-5 到 3e-5）。</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>訓練輪數：</translation>
    </message>
    <message>
        <source>Passes over the training examples. 1–3; more passes memorize.</source>
        <translation>完整走過訓練範例的次數。1–3 次；次數越多越容易死記。</translation>
    </message>
    <message>
        <source>Stop after steps:</source>
        <translation>在指定步數後停止：</translation>
    </message>
    <message>
        <source>A fixed number of optimizer steps instead of the epochs.</source>
        <translation>以固定的最佳化步數取代訓練輪數。</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>排程：</translation>
    </message>
    <message>
        <source>How the learning rate falls after the warm-up.</source>
        <translation>暖身之後學習率如何下降。</translation>
    </message>
    <message>
        <source>Warm-up steps:</source>
        <translation>暖身步數：</translation>
    </message>
    <message>
        <source>Steps at the start in which the rate rises from zero.</source>
        <translation>開始時學習率從零逐步上升的步數。</translation>
    </message>
    <message>
        <source>Warm-up share:</source>
        <translation>暖身比例：</translation>
    </message>
    <message>
        <source>The warm-up as a share of all steps (0.03 is 3 %), when no number of steps is given.</source>
        <translation>未指定步數時，暖身佔全部步數的比例（0.03 即 3 %）。</translation>
    </message>
    <message>
        <source>Lowest rate:</source>
        <translation>最低學習率：</translation>
    </message>
    <message>
        <source>Where the schedule ends, as a share of the learning rate.</source>
        <translation>排程結束時的學習率，以學習率的比例表示。</translation>
    </message>
    <message>
        <source>Gradient clipping:</source>
        <translation>梯度裁剪：</translation>
    </message>
    <message>
        <source>Caps the size of an update (1.0 is usual) so that one odd batch cannot throw the model off.</source>
        <translation>限制每次更新的幅度（通常為 1.0），避免單一異常批次讓模型偏離。</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>權重衰減：</translation>
    </message>
    <message>
        <source>Pulls weights toward zero a little each step (0–0.1).</source>
        <translation>每一步將權重稍微拉向零（0–0.1）。</translation>
    </message>
    <message>
        <source>Adam beta 1:</source>
        <translation>Adam beta 1：</translation>
    </message>
    <message>
        <source>How much of the past updates&apos; direction each update keeps (0.9).</source>
        <translation>每次更新保留多少先前更新的方向（0.9）。</translation>
    </message>
    <message>
        <source>Adam beta 2:</source>
        <translation>Adam beta 2：</translation>
    </message>
    <message>
        <source>How slowly Adam&apos;s sense of the gradients&apos; size changes (0.999).</source>
        <translation>Adam 對梯度大小的估計變化得多慢（0.999）。</translation>
    </message>
    <message>
        <source>Adam epsilon:</source>
        <translation>Adam epsilon：</translation>
    </message>
    <message>
        <source>Keeps Adam from dividing by zero (1e-8).</source>
        <translation>避免 Adam 除以零（1e-8）。</translation>
    </message>
    <message>
        <source>Length and batch</source>
        <translation>長度與批次</translation>
    </message>
    <message>
        <source>Sequence length:</source>
        <translation>序列長度：</translation>
    </message>
    <message>
        <source>Tokens per example; longer examples are cut. At most the model&apos;s context. Memory grows with it.</source>
        <translation>每個範例的 token 數；較長的範例會被截斷。最多為模型的上下文長度。記憶體用量隨之增加。</translation>
    </message>
    <message>
        <source>Micro-batch:</source>
        <translation>微批次：</translation>
    </message>
    <message>
        <source>Examples that go through the model at once. Memory grows with it.</source>
        <translation>一次送入模型的範例數。記憶體用量隨之增加。</translation>
    </message>
    <message>
        <source>Accumulation:</source>
        <translation>累積次數：</translation>
    </message>
    <message>
        <source>Micro-batches added up before each update: a larger batch without the memory. Examples per update = micro-batch × accumulation.</source>
        <translation>每次更新前累加的微批次數：不需額外記憶體就能得到較大的批次。每次更新的範例數 = 微批次 × 累積次數。</translation>
    </message>
    <message>
        <source>Activation checkpointing:</source>
        <translation>激活值重新計算：</translation>
    </message>
    <message>
        <source>Keeps only each layer&apos;s input and recomputes the rest: much less memory for about a third more compute.</source>
        <translation>只保留每一層的輸入，其餘重新計算：大幅節省記憶體，運算量約增加三分之一。</translation>
    </message>
    <message>
        <source>Evaluation and checkpoints</source>
        <translation>評估與檢查點</translation>
    </message>
    <message>
        <source>Evaluate every:</source>
        <translation>評估間隔：</translation>
    </message>
    <message>
        <source>Optimizer steps between validation losses.</source>
        <translation>兩次計算驗證損失之間的最佳化步數。</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>檢查點間隔：</translation>
    </message>
    <message>
        <source>Optimizer steps between saved checkpoints, to resume from or export.</source>
        <translation>兩次儲存檢查點之間的最佳化步數；檢查點可用於繼續訓練或匯出。</translation>
    </message>
    <message>
        <source>Keep checkpoints:</source>
        <translation>保留檢查點數：</translation>
    </message>
    <message>
        <source>The newest checkpoints kept; older ones are removed.</source>
        <translation>保留的最新檢查點數量；較舊的會被移除。</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>電腦</translation>
    </message>
    <message>
        <source>Training memory limit:</source>
        <translation>訓練記憶體上限：</translation>
    </message>
    <message>
        <source>RAM limit:</source>
        <translation>RAM 上限：</translation>
    </message>
    <message>
        <source>Caps the RAM the run may use beyond that.</source>
        <translation>限制此執行在此之外可使用的 RAM。</translation>
    </message>
    <message>
        <source>Disk limit:</source>
        <translation>磁碟上限：</translation>
    </message>
    <message>
        <source>Caps the space on the offload folder&apos;s SSD the run may use.</source>
        <translation>限制此執行在卸載資料夾所在 SSD 上可使用的空間。</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>執行緒：</translation>
    </message>
    <message>
        <source>Processor threads the run computes with.</source>
        <translation>此執行用於運算的處理器執行緒數。</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>種子值：</translation>
    </message>
    <message>
        <source>Decides the data order and the adapters&apos; start; the same seed repeats a run.</source>
        <translation>決定資料順序與配接器的初始值；使用相同的種子值可重現一次執行。</translation>
    </message>
    <message>
        <source>The sequence length (%1 tokens) is longer than the model&apos;s context (%2 tokens). Choose %2 or less.</source>
        <translation>序列長度（%1 個 token）超過模型的上下文長度（%2 個 token）。請選擇 %2 或更小的值。</translation>
    </message>
    <message>
        <source>LoRA needs at least one adapted layer: tick one or more of q_proj … down_proj.</source>
        <translation>LoRA 至少需要一個加上配接器的層：請勾選 q_proj … down_proj 中的一個或多個。</translation>
    </message>
    <message>
        <source>Each update would use %1 examples (micro-batch × accumulation), but the dataset has only %2 training examples. Lower the micro-batch or the accumulation.</source>
        <translation>每次更新會使用 %1 個範例（微批次 × 累積次數），但資料集只有 %2 個訓練範例。請降低微批次或累積次數。</translation>
    </message>
    <message>
        <source>Every setting is already filled in from the goal, so you can simply go on. Each setting says what it does beside its box, and the boxes accept only values in a safe range. Going back to another goal, model or dataset fills them in again. Next checks that the settings fit together and names the one to change if they do not.</source>
        <translation>所有設定都已依目標填好，您可以直接繼續。每項設定的作用都寫在欄位旁，欄位只接受安全範圍內的值。返回並選擇其他目標、模型或資料集時，設定會重新填入。按「下一步」會檢查設定彼此是否相容，若不相容，會指出需要修改的設定。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Sample answers:</source>
        <translation>樣本回答：</translation>
    </message>
    <message>
        <source>Sample length:</source>
        <translation>樣本長度：</translation>
    </message>
    <message>
        <source>New tokens per sample answer, at most.</source>
        <translation>每個樣本回答最多產生的新 token 數。</translation>
    </message>
    <message>
        <source>Automatic (the graphics card when there is one)</source>
        <translation>自動（有顯示卡時使用顯示卡）</translation>
    </message>
    <message>
        <source>Graphics card (NVIDIA GPU)</source>
        <translation>顯示卡（NVIDIA GPU）</translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation>處理器（CPU）</translation>
    </message>
    <message>
        <source>the one with the most memory</source>
        <translation>記憶體最多的一張</translation>
    </message>
    <message>
        <source>Train on:</source>
        <translation>訓練裝置：</translation>
    </message>
    <message>
        <source>Where the run computes. Automatic takes the graphics card when this machine has one that can train (NVIDIA Ampere or newer), else the processor.</source>
        <translation>執行進行運算的位置。自動：若此電腦有可訓練的顯示卡（NVIDIA Ampere 或更新）就使用它，否則使用處理器。</translation>
    </message>
    <message>
        <source>Graphics card number:</source>
        <translation>顯示卡編號：</translation>
    </message>
    <message>
        <source>Which graphics card trains, counted from 0 as the Home page lists them, on a machine with several.</source>
        <translation>在有多張顯示卡的電腦上，由哪一張訓練；與首頁列出的順序相同，從 0 開始計數。</translation>
    </message>
    <message>
        <source>Prompts the model answers at each evaluation, from the validation samples (from the training samples when there are none), shown in the run monitor&apos;s Samples tab.</source>
        <translation>每次評估時模型回答的提示，取自驗證樣本（沒有驗證樣本時取自訓練樣本），顯示在執行監視器的「樣本」分頁。</translation>
    </message>
    <message>
        <source>%1 steps show each of the %2 training examples about %3 times: the model learns them by heart instead of learning from them. Usual is 1 to 3 passes over the examples, here %4 to %5 steps.</source>
        <translation>%1 步會讓 %2 個訓練範例各被看到約 %3 次：模型會把它們背下來，而不是從中學習。通常是把範例走過 1 到 3 遍，在這裡是 %4 到 %5 步。</translation>
    </message>
    <message>
        <source>Caps the GPU memory the run may use or, when the processor trains, the memory set aside for its calculations.</source>
        <translation>限制此執行可使用的 GPU 記憶體；由處理器訓練時，則限制為計算保留的記憶體。</translation>
    </message>
    <message>
        <source>QLoRA (small adapters, the model kept in 4 bits)</source>
        <translation>QLoRA（小型配接器，模型以 4 位元保存）</translation>
    </message>
    <message>
        <source>LoRA trains small adapters beside the frozen model: far less memory, and the result is a small file. QLoRA does the same with the model kept in 4 bits: about a quarter of the model&apos;s memory, slightly slower steps. Full fine-tuning changes every weight.</source>
        <translation>LoRA 在凍結的模型旁訓練小型配接器：記憶體少得多，結果是一個小檔案。QLoRA 做同樣的事，但模型以 4 位元保存：模型約佔四分之一的記憶體，每步稍慢。完整微調會改變每個權重。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::CachedModelsPanel</name>
    <message>
        <source>On this computer</source>
        <translation>在這台電腦上</translation>
    </message>
    <message>
        <source>Add to catalog</source>
        <translation>加入目錄</translation>
    </message>
    <message>
        <source>Downloaded models found in the Hugging Face cache (%1) that are not in the catalog yet.</source>
        <translation>在 Hugging Face 快取（%1）中找到、尚未加入目錄的已下載模型。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>權重</translation>
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
    <name>tiertune::gui::ChatColumn</name>
    <message>
        <source>No model loaded</source>
        <translation>未載入模型</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>The answer could not be generated: %1</source>
        <translation>無法產生回答：%1</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在載入模型…</translation>
    </message>
    <message>
        <source>The model could not be loaded</source>
        <translation>無法載入模型</translation>
    </message>
    <message>
        <source>This model has no chat template, so it works in plain completion mode: it continues each message you send as text, without the earlier turns.</source>
        <translation>此模型沒有對話範本，因此會以純文字接續模式運作：它會把你傳送的每則訊息當作文字接著寫下去，不參考先前的對話輪次。</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在產生…</translation>
    </message>
    <message>
        <source>Stopped: %1 · %2 tokens · %3 tokens/s</source>
        <translation>已停止：%1 · %2 個 token · %3 tokens/s</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ChatWorker</name>
    <message>
        <source>the model ended its answer</source>
        <translation>模型已結束回答</translation>
    </message>
    <message>
        <source>a stop string appeared</source>
        <translation>出現了停止字串</translation>
    </message>
    <message>
        <source>the limit of new tokens was reached</source>
        <translation>已達到新 token 數上限</translation>
    </message>
    <message>
        <source>the model&apos;s context is full</source>
        <translation>模型的上下文已滿</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>由你停止</translation>
    </message>
    <message>
        <source>No model or checkpoint was chosen.</source>
        <translation>未選擇模型或檢查點。</translation>
    </message>
    <message>
        <source>The model folder %1 does not exist (moved or deleted?).</source>
        <translation>模型資料夾 %1 不存在（已移動或刪除？）。</translation>
    </message>
    <message>
        <source>Base model: %1</source>
        <translation>基礎模型：%1</translation>
    </message>
    <message>
        <source>%1 with checkpoint %2</source>
        <translation>%1，使用檢查點 %2</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>尚未載入模型。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>訊息是空的。</translation>
    </message>
    <message>
        <source>%1, saved at step %2</source>
        <translation>%1，於第 %2 步儲存</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DatasetChoicePage</name>
    <message>
        <source>Choose the dataset</source>
        <translation>選擇資料集</translation>
    </message>
    <message>
        <source>The examples the model learns from, as imported on the Datasets page.</source>
        <translation>模型要學習的範例，即在「資料集」頁面匯入的內容。</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>資料集：</translation>
    </message>
    <message>
        <source>Choose one of the datasets imported on the Datasets page. The training examples teach the model; the validation examples, held back at import, measure how well it does on text it has not seen. A dataset imported for another model is prepared for this one on the memory plan page.</source>
        <translation>請從「資料集」頁面匯入的資料集中選擇一個。訓練範例用來教導模型；匯入時保留的驗證範例，用來衡量模型在沒看過的文字上表現如何。為其他模型匯入的資料集，會在記憶體計畫頁面為此模型準備。</translation>
    </message>
    <message>
        <source>There is no dataset yet. Import one on the Datasets page first.</source>
        <translation>尚無資料集。請先在「資料集」頁面匯入一個。</translation>
    </message>
    <message>
        <source>%1 training examples and %2 for validation, %3 tokens in all.</source>
        <translation>%1 個訓練範例與 %2 個驗證範例，共 %3 個 token。</translation>
    </message>
    <message>
        <source>The longest example has %1 tokens.</source>
        <translation>最長的範例有 %1 個 token。</translation>
    </message>
    <message>
        <source>It was prepared for “%1”; its examples are turned into tokens for “%2” when the memory plan is made (a moment for a large dataset), and kept for later runs.</source>
        <translation>此資料集是為「%1」準備的；建立記憶體計畫時，會將其範例轉換為「%2」的 token（大型資料集需要一點時間），並保留供之後的執行使用。</translation>
    </message>
    <message>
        <source>There is no dataset to learn from. Import one on the Datasets page first.</source>
        <translation>沒有可供學習的資料集。請先在「資料集」頁面匯入一個。</translation>
    </message>
    <message>
        <source>The files of the dataset “%1” are missing (%2). Import it again on the Datasets page.</source>
        <translation>找不到資料集「%1」的檔案（%2）。請在「資料集」頁面重新匯入。</translation>
    </message>
    <message>
        <source>The dataset “%1” has no training examples.</source>
        <translation>資料集「%1」沒有訓練範例。</translation>
    </message>
    <message>
        <source>“%1” holds conversations, and “%2” has no chat template to write them out with (it is a base model). Choose a chat model on the first page, or a dataset of plain text or prompts with completions.</source>
        <translation>「%1」是對話資料集，但「%2」沒有可將對話寫成文字的聊天範本（它是基礎模型）。請在第一頁選擇聊天模型，或選擇純文字或提示與回應的資料集。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DatasetKindPage</name>
    <message>
        <source>What kind of dataset</source>
        <translation>資料集的種類</translation>
    </message>
    <message>
        <source>The documents are cut into parts of a length in tokens. The parts can be learned as they are, or a model can write questions and answers about each of them.</source>
        <translation>文件會依 token 數切成固定長度的片段。這些片段可以直接拿來學習，也可以請模型針對每個片段寫出問題與答案。</translation>
    </message>
    <message>
        <source>Text, for continued pre-training (the model learns the documents&apos; language and facts)</source>
        <translation>文字，用於繼續預訓練（模型學習文件的用語與事實）</translation>
    </message>
    <message>
        <source>Questions and answers, written by a model from each part (for an assistant that answers about them)</source>
        <translation>問題與答案，由模型依每個片段撰寫（用於回答文件相關問題的助理）</translation>
    </message>
    <message>
        <source>Part length (tokens):</source>
        <translation>片段長度（token）：</translation>
    </message>
    <message>
        <source>Overlap between parts (tokens):</source>
        <translation>片段之間的重疊（token）：</translation>
    </message>
    <message>
        <source>Each part holds whole paragraphs up to the length; consecutive parts of a document share about the overlap, so that what is said near a cut keeps its context. The overlap must be less than half the length.</source>
        <translation>每個片段在長度內放入完整的段落；同一份文件相鄰的片段約共用重疊的長度，讓切分處附近的內容保有上下文。重疊必須小於長度的一半。</translation>
    </message>
    <message>
        <source>Questions per part:</source>
        <translation>每個片段的問題數：</translation>
    </message>
    <message>
        <source>Questions per part</source>
        <translation>每個片段的問題數</translation>
    </message>
    <message>
        <source>Restore the default prompt</source>
        <translation>還原預設提示</translation>
    </message>
    <message>
        <source>In the prompt, {count} becomes the number of questions, {title} the document&apos;s title, {section} the heading the part is under, {pages} its pages and {text} the part itself, which the prompt must contain.</source>
        <translation>提示中的 {count} 會換成問題數，{title} 換成文件標題，{section} 換成片段所在的標題，{pages} 換成其頁碼，{text} 換成片段本身；提示中必須包含 {text}。</translation>
    </message>
    <message>
        <source>Prompt the model reads:</source>
        <translation>模型讀取的提示：</translation>
    </message>
    <message>
        <source>Model that writes them:</source>
        <translation>撰寫的模型：</translation>
    </message>
    <message>
        <source>The part length was %1 tokens, more than the context of %2 (%3 tokens), so it is now %3 tokens.</source>
        <translation>片段長度為 %1 個 token，超過 %2 的上下文長度（%3 個 token），因此已改為 %3 個 token。</translation>
    </message>
    <message>
        <source>The overlap was %1 tokens, not less than half a part, so it is now %2 tokens.</source>
        <translation>重疊為 %1 個 token，並未小於片段長度的一半，因此已改為 %2 個 token。</translation>
    </message>
    <message>
        <source>The model must follow instructions: an instruct or chat model (its name often ends in Instruct or Chat). It runs on the graphics card when this computer has a usable one, else on the processor, which is much slower.</source>
        <translation>模型必須能遵循指示：也就是指令模型或對話模型（名稱常以 Instruct 或 Chat 結尾）。這台電腦有可用的顯示卡時會在顯示卡上執行，否則在處理器上執行，速度會慢很多。</translation>
    </message>
    <message>
        <source>%1 has no chat template, so it is probably a base model, which continues a text rather than following an instruction. Choose an instruct or chat model.</source>
        <translation>%1 沒有對話範本，因此可能是基礎模型：它只會接續文字，而不會遵循指示。請選擇指令模型或對話模型。</translation>
    </message>
    <message>
        <source>Add a chat model on the Models page first: it writes the questions.</source>
        <translation>請先在「模型」頁面新增對話模型：問題由它撰寫。</translation>
    </message>
    <message>
        <source>The prompt cannot be used: %1.</source>
        <translation>無法使用此提示：%1。</translation>
    </message>
    <message>
        <source>Text teaches the model the documents&apos; language and facts: it continues its pre-training on them. Questions and answers teach an assistant to answer about the documents: a chat model you have reads each part with the prompt below and writes the questions and their answers, which you review before they become the dataset. Writing them takes a while (most of all without a graphics card); it can be stopped and goes on later where it stopped.</source>
        <translation>「文字」會教模型學會文件的用語與事實：模型以這些文件繼續預訓練。「問題與答案」則訓練一個能回答文件相關問題的助理：您現有的對話模型會依下方的提示閱讀每個片段，寫出問題與答案，經您審閱後才成為資料集。撰寫需要一些時間（沒有顯示卡時尤其如此）；可以隨時停止，之後會從停止的地方繼續。</translation>
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
    <message>
        <source>Prepared for</source>
        <translation>準備用於</translation>
    </message>
    <message>
        <source>Make a dataset from documents…</source>
        <translation>從文件建立資料集…</translation>
    </message>
    <message>
        <source>Reads PDF, Word, OpenDocument, web pages, Markdown and text files and makes them a dataset: as text, or as questions and answers a model writes.</source>
        <translation>讀取 PDF、Word、OpenDocument、網頁、Markdown 與文字檔，並製成資料集：可以是文字，也可以是由模型撰寫的問題與答案。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentImportPage</name>
    <message>
        <source>Making the dataset</source>
        <translation>正在建立資料集</translation>
    </message>
    <message>
        <source>The examples are written, checked, split and cut into tokens. Cancel leaves the catalog as it was.</source>
        <translation>正在寫出、檢查、分割範例並轉換為 token。取消時目錄會維持原樣。</translation>
    </message>
    <message>
        <source>The dataset is made in the background and this page shows how far it is. Cancel stops it and adds nothing to the catalog. When it is done, the summary follows.</source>
        <translation>資料集會在背景建立，本頁會顯示進度。取消會停止作業，且不會在目錄中加入任何內容。完成後會顯示摘要。</translation>
    </message>
    <message>
        <source>Progress of the dataset</source>
        <translation>資料集進度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試一次</translation>
    </message>
    <message>
        <source>Writing the questions and answers kept…</source>
        <translation>正在寫出保留的問題與答案…</translation>
    </message>
    <message>
        <source>Cutting the documents into parts…</source>
        <translation>正在將文件切成片段…</translation>
    </message>
    <message>
        <source>Examples checked and cut into tokens: %1</source>
        <translation>已檢查並轉換為 token 的範例：%1</translation>
    </message>
    <message>
        <source>The dataset could not be made, and nothing was added to the catalog: %1</source>
        <translation>無法建立資料集，目錄中未加入任何內容：%1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was added to the catalog.</source>
        <translation>已取消。目錄中未加入任何內容。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未匯入任何內容：%1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentReadPage</name>
    <message>
        <source>What was read</source>
        <translation>讀取的內容</translation>
    </message>
    <message>
        <source>Every document with what was found in it. Files that could not be read are listed with the reason; nothing is left out without appearing here.</source>
        <translation>每份文件及其中找到的內容。無法讀取的檔案會連同原因列出；不會有任何檔案未經列出就被略過。</translation>
    </message>
    <message>
        <source>The documents are read and cleaned: running headers and footers, page numbers and words broken across lines are taken care of, and the Notes column says what was done. A file that cannot be read (a scanned PDF without text, a protected or damaged file) is listed with the reason and left out; the others go on. Cancel stops reading; Read again starts over.</source>
        <translation>文件會被讀取並整理：處理每頁重複的頁首與頁尾、頁碼，以及跨行斷開的單字，「備註」欄會說明做了什麼。無法讀取的檔案（沒有文字的掃描 PDF、受保護或損壞的檔案）會連同原因列出並略過，其餘照常進行。「取消讀取」會停止讀取；「重新讀取」會從頭開始。</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>讀取進度</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>取消讀取</translation>
    </message>
    <message>
        <source>Cancelling after the documents being read…</source>
        <translation>正在讀取的文件完成後即取消…</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新讀取</translation>
    </message>
    <message>
        <source>Reads every document again, for files that changed since.</source>
        <translation>重新讀取所有文件，以反映之後變更過的檔案。</translation>
    </message>
    <message>
        <source>Documents read</source>
        <translation>已讀取的文件</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>頁數</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>字數</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Word (DOCX)</source>
        <translation>Word（DOCX）</translation>
    </message>
    <message>
        <source>OpenDocument (ODT)</source>
        <translation>OpenDocument（ODT）</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>網頁（HTML）</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Looking for documents…</source>
        <translation>正在尋找文件…</translation>
    </message>
    <message>
        <source>Reading document %1 of %2…</source>
        <translation>正在讀取第 %1 份文件（共 %2 份）…</translation>
    </message>
    <message>
        <source>%1 of %2 documents read (the last: %3)</source>
        <translation>已讀取 %1 份文件，共 %2 份（最後一份：%3）</translation>
    </message>
    <message>
        <source>Reading was cancelled. Nothing was kept; press Read again to start over.</source>
        <translation>已取消讀取，未保留任何內容；按「重新讀取」即可從頭開始。</translation>
    </message>
    <message>
        <source>The documents could not be read: %1</source>
        <translation>無法讀取文件：%1</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>標題：%1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>未讀取：%1</translation>
    </message>
    <message>
        <source>Documents read: %1, with %2 words in all.</source>
        <translation>已讀取的文件：%1 份，共 %2 個字。</translation>
    </message>
    <message>
        <source>Not read: %1 (listed with the reason; they are left out).</source>
        <translation>未讀取：%1 份（已連同原因列出，將被略過）。</translation>
    </message>
    <message>
        <source>Other files in the folders, not documents: %1 (skipped).</source>
        <translation>資料夾中不是文件的其他檔案：%1 個（已略過）。</translation>
    </message>
    <message>
        <source>No document could be read, so there is nothing to make a dataset of. Go back and choose other files.</source>
        <translation>沒有任何文件可讀取，因此沒有內容可製成資料集。請返回並選擇其他檔案。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentSourceList</name>
    <message>
        <source>Folder: its documents and those of its sub-folders are read.</source>
        <translation>資料夾：會讀取其中及其子資料夾中的文件。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Drop files and folders here, or add them with the buttons.</source>
        <translation>將檔案和資料夾拖放到這裡，或用按鈕加入。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentSourcesPage</name>
    <message>
        <source>Choose the documents and the model</source>
        <translation>選擇文件與模型</translation>
    </message>
    <message>
        <source>PDF, Word (DOCX), OpenDocument (ODT), web pages (HTML), Markdown and text files. A folder is read with its sub-folders.</source>
        <translation>支援 PDF、Word（DOCX）、OpenDocument（ODT）、網頁（HTML）、Markdown 與文字檔。資料夾會連同子資料夾一起讀取。</translation>
    </message>
    <message>
        <source>Add the files and folders the dataset is made from, with the buttons or by dropping them on the list. Files of other kinds in the folders (images, spreadsheets) are skipped and counted. Choose the model you will fine-tune: its tokenizer cuts the documents into parts and counts them in its tokens. The name is how the dataset appears on the Datasets page; a name the catalog already has is refused. Next reads the documents.</source>
        <translation>用按鈕或拖放到清單中，加入要製成資料集的檔案與資料夾。資料夾中其他種類的檔案（圖片、試算表）會被略過並計數。選擇您要微調的模型：它的分詞器會將文件切成片段並計算 token 數。名稱是資料集在「資料集」頁面上顯示的名稱；目錄中已有的名稱無法使用。按「下一步」即會讀取文件。</translation>
    </message>
    <message>
        <source>Files and folders to read</source>
        <translation>要讀取的檔案與資料夾</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>加入檔案…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>加入資料夾…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Choose documents</source>
        <translation>選擇文件</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.docx *.odt *.html *.htm *.md *.markdown *.txt)</source>
        <translation>文件 (*.pdf *.docx *.odt *.html *.htm *.md *.markdown *.txt)</translation>
    </message>
    <message>
        <source>Choose a folder of documents</source>
        <translation>選擇文件資料夾</translation>
    </message>
    <message>
        <source>The model you will fine-tune on this dataset: its tokenizer cuts the documents into parts.</source>
        <translation>要以此資料集微調的模型：它的分詞器會將文件切成片段。</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>For the model:</source>
        <translation>目標模型：</translation>
    </message>
    <message>
        <source>Dataset name:</source>
        <translation>資料集名稱：</translation>
    </message>
    <message>
        <source>There is no model in the catalog yet. Add one on the Models page first: the dataset is prepared for a particular model.</source>
        <translation>目錄中還沒有模型。請先在「模型」頁面新增一個：資料集是針對特定模型準備的。</translation>
    </message>
    <message>
        <source>Add at least one document or folder.</source>
        <translation>請至少加入一份文件或一個資料夾。</translation>
    </message>
    <message>
        <source>%1 is not there any more (moved or deleted?). Remove it from the list.</source>
        <translation>%1 已不存在（被移動或刪除了嗎？）。請將它從清單中移除。</translation>
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
        <source>The catalog already has a dataset named &quot;%1&quot;: choose another name, or delete that dataset on the Datasets page first.</source>
        <translation>目錄中已有名為「%1」的資料集：請選擇其他名稱，或先在「資料集」頁面刪除該資料集。</translation>
    </message>
    <message>
        <source>Questions were written for a dataset of this name before and are kept: asking for questions and answers with the same documents and settings goes on where they stopped.</source>
        <translation>先前已為此名稱的資料集撰寫過問題，這些問題都保留著：以相同的文件與設定選擇「問題與答案」，就會從停止的地方繼續。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentSummaryPage</name>
    <message>
        <source>The dataset is ready</source>
        <translation>資料集已準備就緒</translation>
    </message>
    <message>
        <source>The dataset is now on the Datasets page, prepared for the model you chose. Each example keeps the document and pages it came from in the examples file, and the dataset keeps the list of documents it was made from. Start a run from the Runs page with New fine-tune.</source>
        <translation>資料集已針對您選擇的模型準備好，並列在「資料集」頁面上。範例檔會記錄每個範例來自哪份文件的哪幾頁，資料集也會保留製作時使用的文件清單。請在「執行」頁面以「新增微調」開始執行。</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <source>“%1” is ready. Documents: %2. Training examples: %3. Validation examples: %4. Tokens: %5.</source>
        <translation>「%1」已準備就緒。文件：%2。訓練範例：%3。驗證範例：%4。Token：%5。</translation>
    </message>
    <message>
        <source>Question-answer pairs kept in the review: %1.</source>
        <translation>審閱後保留的問答組：%1。</translation>
    </message>
    <message>
        <source>Parts left out because they nearly repeat an earlier part: %1.</source>
        <translation>因與前面的片段幾乎重複而略過的片段：%1。</translation>
    </message>
    <message>
        <source>Examples left out by the check: %1 (their list, with the reasons, is in the dataset&apos;s folder).</source>
        <translation>檢查時略過的範例：%1（附原因的清單位於資料集的資料夾中）。</translation>
    </message>
    <message>
        <source>Every example, with the document, pages and section it came from, is in %1</source>
        <translation>所有範例連同其來源文件、頁碼與區段都在 %1</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentsWizard</name>
    <message>
        <source>Make a dataset from documents</source>
        <translation>從文件建立資料集</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DownloadModelDialog</name>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下載</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>取消下載</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Download a model</source>
        <translation>下載模型</translation>
    </message>
    <message>
        <source>Search the Hugging Face Hub, for example qwen2.5 instruct</source>
        <translation>搜尋 Hugging Face Hub，例如 qwen2.5 instruct</translation>
    </message>
    <message>
        <source>Model to search for</source>
        <translation>要搜尋的模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>參數量</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下載次數</translation>
    </message>
    <message>
        <source>Quick LoRA</source>
        <translation>快速 LoRA</translation>
    </message>
    <message>
        <source>Full fine-tune</source>
        <translation>完整微調</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下載進度</translation>
    </message>
    <message>
        <source>Models go into the Hugging Face cache that Python tools share, so nothing is downloaded twice. The times assume examples of about 400 tokens.</source>
        <translation>模型會存入與 Python 工具共用的 Hugging Face 快取，因此不會重複下載。時間以每筆約 400 個 token 的範例估算。</translation>
    </message>
    <message>
        <source>Good first models for this computer</source>
        <translation>適合這台電腦的入門模型</translation>
    </message>
    <message>
        <source>Models on the Hub matching “%1”</source>
        <translation>Hub 上符合「%1」的模型</translation>
    </message>
    <message>
        <source>looking up…</source>
        <translation>查詢中…</translation>
    </message>
    <message>
        <source>nothing found</source>
        <translation>找不到結果</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Fits on the GPU · %1</source>
        <translation>可放入 GPU · %1</translation>
    </message>
    <message>
        <source>Streams from RAM · %1</source>
        <translation>從 RAM 串流 · %1</translation>
    </message>
    <message>
        <source>Trains in RAM · %1</source>
        <translation>在 RAM 中訓練 · %1</translation>
    </message>
    <message>
        <source>Needs the SSD · %1</source>
        <translation>需要 SSD · %1</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation>放不下</translation>
    </message>
    <message>
        <source>(needs sign-in)</source>
        <translation>（需要登入）</translation>
    </message>
    <message>
        <source>per 1,000 examples, one pass</source>
        <translation>每 1,000 筆範例跑一遍</translation>
    </message>
    <message>
        <source>Cannot be trained</source>
        <translation>無法訓練</translation>
    </message>
    <message>
        <source>Sign in to check</source>
        <translation>登入後查看</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>無法取得</translation>
    </message>
    <message>
        <source>%1 cannot be downloaded for training: %2</source>
        <translation>%1 無法下載用於訓練：%2</translation>
    </message>
    <message>
        <source>%1: %2 parameters, %3 downloads, %4 likes.</source>
        <translation>%1：%2 個參數，%3 次下載，%4 個讚。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Starting the download of %1…</source>
        <translation>正在開始下載 %1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>約剩 %1</translation>
    </message>
    <message>
        <source>%1 is downloaded and added to your models.</source>
        <translation>%1 已下載並加入您的模型。</translation>
    </message>
    <message>
        <source>Not even Quick LoRA fits on this computer. %1</source>
        <translation>這台電腦連快速 LoRA 都容納不下。%1</translation>
    </message>
    <message>
        <source>Not even Quick LoRA fits on this computer.</source>
        <translation>這台電腦連快速 LoRA 都容納不下。</translation>
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
    <message>
        <source>Export a run</source>
        <translation>匯出執行</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>匯出「%1」</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::GenerationSettingsPanel</name>
    <message>
        <source>Generation settings</source>
        <translation>產生設定</translation>
    </message>
    <message>
        <source>e.g. ###|User:</source>
        <translation>例如 ###|User:</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>溫度</translation>
    </message>
    <message>
        <source>0 always takes the most likely word; 0.7 is lively; above 1.2 answers turn random.</source>
        <translation>0 一律選擇最可能的字詞；0.7 較為活潑；高於 1.2 時回答會變得隨機。</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Choose only among the k most likely tokens; 0 keeps them all. 40 is common.</source>
        <translation>只從最可能的 k 個 token 中選擇；0 表示全部保留。常用值為 40。</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Choose among the most likely tokens that together reach this probability; 1 keeps all.</source>
        <translation>從最可能的 token 中選擇，直到它們的機率總和達到此值；1 表示全部保留。</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>重複懲罰</translation>
    </message>
    <message>
        <source>Above 1 makes the model repeat itself less; 1.1 is usually enough.</source>
        <translation>大於 1 會讓模型較少重複自己；通常 1.1 就足夠。</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>新 token 數上限</translation>
    </message>
    <message>
        <source>The longest answer, in tokens (about ¾ of a word each).</source>
        <translation>回答的最大長度，以 token 計（每個約 ¾ 個英文單字）。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>種子值</translation>
    </message>
    <message>
        <source>The same seed and settings give the same answer again.</source>
        <translation>相同的種子值與設定會再次產生相同的回答。</translation>
    </message>
    <message>
        <source>Stop strings</source>
        <translation>停止字串</translation>
    </message>
    <message>
        <source>The answer ends where one of these appears; separate several with |.</source>
        <translation>回答會在出現其中任一字串時結束；多個字串請以 | 分隔。</translation>
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
    <message>
        <source>Start a Balanced LoRA run</source>
        <translation>開始均衡 LoRA 執行</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::GoalChoicePage</name>
    <message>
        <source>What do you want?</source>
        <translation>你想要做什麼？</translation>
    </message>
    <message>
        <source>The goal fills in every setting for this model and dataset; the next page shows them.</source>
        <translation>目標會為此模型與資料集填入所有設定；下一頁會顯示這些設定。</translation>
    </message>
    <message>
        <source>Choose the goal that matches what you want; it fills in every setting with values that suit this model and dataset. When unsure, choose Balanced LoRA. Use the arrow keys to move between the goals. You can change any setting on the next page.</source>
        <translation>請選擇符合您需求的目標；它會以適合此模型與資料集的值填入所有設定。不確定時，請選擇「均衡 LoRA」。使用方向鍵在目標之間移動。任何設定都可以在下一頁修改。</translation>
    </message>
    <message>
        <source>Pick this to try an idea fast or to teach a style or format: small adapters on the attention layers, one pass, shorter sequences. Finishes soonest and needs the least memory.</source>
        <translation>適合快速試驗想法，或教模型某種風格或格式：在注意力層加上小型配接器、只走一輪、序列較短。完成最快，所需記憶體最少。</translation>
    </message>
    <message>
        <source>Pick this for most work: adapters on every layer, enough passes for the dataset&apos;s size. The result is a small adapter file next to the unchanged model.</source>
        <translation>適合大多數工作：在每一層加上配接器，並依資料集大小訓練足夠的輪數。產出的是一個小型配接器檔案，原本的模型保持不變。</translation>
    </message>
    <message>
        <source>Pick this when the model is too large for this computer: the same adapters as Balanced LoRA, with the model kept in 4 bits while it trains (QLoRA). Its weights take about a quarter of the memory; steps are a little slower and the results close to Balanced LoRA&apos;s.</source>
        <translation>當模型對這台電腦來說太大時選這個：與平衡 LoRA 相同的配接器，訓練時模型以 4 位元保存（QLoRA）。權重約佔四分之一的記憶體；每步稍慢，結果接近平衡 LoRA。</translation>
    </message>
    <message>
        <source>Pick this when the model must learn much new knowledge and this machine has the memory: every weight is trained, with a ten times lower learning rate. Needs about 16 bytes per parameter and produces a whole new model.</source>
        <translation>適合模型必須學習大量新知識、且這台電腦記憶體足夠的情況：訓練所有權重，學習率低十倍。每個參數約需 16 位元組，並產出一個全新的模型。</translation>
    </message>
    <message>
        <source>Quick LoRA</source>
        <translation>快速 LoRA</translation>
    </message>
    <message>
        <source>Balanced LoRA</source>
        <translation>均衡 LoRA</translation>
    </message>
    <message>
        <source>Smallest memory (QLoRA)</source>
        <translation>最少記憶體（QLoRA）</translation>
    </message>
    <message>
        <source>Full fine-tune</source>
        <translation>完整微調</translation>
    </message>
    <message>
        <source>Choose one of the three goals.</source>
        <translation>請從三個目標中選擇一個。</translation>
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
    <message>
        <source>Training:</source>
        <translation>訓練：</translation>
    </message>
    <message>
        <source>%1, chosen from the processor&apos;s features (OpenBLAS alone picks %2)</source>
        <translation>%1（依處理器功能選擇；OpenBLAS 自行會選 %2）</translation>
    </message>
    <message>
        <source>%1, as OpenBLAS picks them</source>
        <translation>%1（OpenBLAS 的選擇）</translation>
    </message>
    <message>
        <source>This OpenBLAS cannot switch to its faster %1 kernels.</source>
        <translation>此 OpenBLAS 無法切換到較快的 %1 核心程式。</translation>
    </message>
    <message>
        <source>This OpenBLAS has no %1 kernels.</source>
        <translation>此 OpenBLAS 沒有 %1 核心程式。</translation>
    </message>
    <message>
        <source>The faster %1 kernels computed a check product wrongly on this processor, so they are not used.</source>
        <translation>較快的 %1 核心程式在此處理器上算錯了檢查用的乘積，因此不使用。</translation>
    </message>
    <message>
        <source>Matrix kernels:</source>
        <translation>矩陣運算核心程式：</translation>
    </message>
    <message>
        <source>%1, as the OPENBLAS_CORETYPE variable asks</source>
        <translation>%1（依 OPENBLAS_CORETYPE 變數的指定）</translation>
    </message>
    <message>
        <source>16-bit weights: on the processor&apos;s bf16 instructions (%1)</source>
        <translation>16 位元權重：以處理器的 bf16 指令計算（%1）</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits (this processor has no bf16 instructions)</source>
        <translation>16 位元權重：擴展為 32 位元計算（此處理器沒有 bf16 指令）</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits. Installing oneDNN (the libdnnl2 package) would make LoRA over a bf16 model about twice as fast here.</source>
        <translation>16 位元權重：擴展為 32 位元計算。安裝 oneDNN（libdnnl2 套件）後，bf16 模型的 LoRA 在這台電腦上約可快一倍。</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits (oneDNN computed a check product wrongly on this processor, so it is not used)</source>
        <translation>16 位元權重：擴展為 32 位元計算（oneDNN 在此處理器上算錯了檢查用的乘積，因此不使用）</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits, as the TIERTUNE_CPU_BF16_PRODUCTS variable asks</source>
        <translation>16 位元權重：依 TIERTUNE_CPU_BF16_PRODUCTS 變數的要求擴展為 32 位元計算</translation>
    </message>
    <message>
        <source>Other operations: %1 instructions</source>
        <translation>其他運算：%1 指令</translation>
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
    <name>tiertune::gui::HubAccountPanel</name>
    <message>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <source>Access token (hf_…), from your Hugging Face account&apos;s settings</source>
        <translation>存取權杖（hf_…），可在 Hugging Face 帳號設定中取得</translation>
    </message>
    <message>
        <source>Hugging Face access token</source>
        <translation>Hugging Face 存取權杖</translation>
    </message>
    <message>
        <source>Signed in: downloads use your saved access token.</source>
        <translation>已登入：下載會使用您儲存的存取權杖。</translation>
    </message>
    <message>
        <source>Using the access token from %1. Sign in here to use another one.</source>
        <translation>正在使用來自 %1 的存取權杖。若要使用其他權杖，請在此登入。</translation>
    </message>
    <message>
        <source>Not signed in. Most models download without an account; gated models such as Meta&apos;s Llama need an access token from an account that accepted their licence.</source>
        <translation>尚未登入。大多數模型不需帳號即可下載；Meta 的 Llama 等受限模型需要已同意其授權條款之帳號的存取權杖。</translation>
    </message>
    <message>
        <source>Checking the token with the Hub…</source>
        <translation>正在向 Hub 確認權杖…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>已以 %1 登入。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportDatasetWizard</name>
    <message>
        <source>Import dataset</source>
        <translation>匯入資料集</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportFilePage</name>
    <message>
        <source>Choose the file and the model</source>
        <translation>選擇檔案和模型</translation>
    </message>
    <message>
        <source>JSON lines, a JSON list, or CSV/TSV with a header row. The model decides how the examples are written out (its chat template) and cut into tokens.</source>
        <translation>可使用 JSON Lines、JSON 清單，或含標題列的 CSV/TSV。範例要寫成什麼樣的文字（對話範本）以及如何切分成 token，都由模型決定。</translation>
    </message>
    <message>
        <source>Choose the file that holds your examples, or a folder of .txt and .md files to teach the model your documents. Choose the model you will fine-tune: the examples are written out with its chat template and counted in its tokens. The name is how the dataset appears on the Datasets page. Next reads the first rows; a file that cannot be read is named here with the reason.</source>
        <translation>請選擇存放範例的檔案；若要讓模型學習您的文件，請選擇含 .txt 與 .md 檔案的資料夾。接著選擇要微調的模型：範例會以它的對話範本寫出，並以它的 token 計數。名稱是資料集在「資料集」頁面上顯示的名稱。按「下一步」會讀取前幾列；無法讀取的檔案會在此列出並說明原因。</translation>
    </message>
    <message>
        <source>Dataset file</source>
        <translation>資料集檔案</translation>
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
</context>
<context>
    <name>tiertune::gui::ImportFormatPage</name>
    <message>
        <source>Format and fields</source>
        <translation>格式與欄位</translation>
    </message>
    <message>
        <source>What the rows hold, as read from the first rows of the file. Change it when the guess is wrong, and rename fields when your file calls them differently.</source>
        <translation>根據檔案前幾列判斷出的各列內容。若判斷有誤請修改；若你的檔案使用不同的欄位名稱，請重新對應名稱。</translation>
    </message>
    <message>
        <source>Tiertune guesses what each row holds from the first rows. When the guess is wrong, choose the format yourself. When your file uses other names for the fields, write them as name=your_name pairs separated by commas, for example prompt=question,completion=answer.</source>
        <translation>Tiertune 會從前幾列推測每一列的內容。若推測錯誤，請自行選擇格式。若您的檔案使用不同的欄位名稱，請以「名稱=您的名稱」的形式填寫，並以逗號分隔，例如 prompt=question,completion=answer。</translation>
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
        <source>Plain text documents: cut into samples of the longest example&apos;s length that overlap a little, and the model learns all of the text.</source>
        <translation>純文字文件：切成最長範例長度、彼此稍有重疊的樣本，模型會學習全部文字。</translation>
    </message>
    <message>
        <source>Read as %1 (%2), %3% of the first rows fit.</source>
        <translation>已依 %1（%2）格式讀取，前幾列中有 %3% 符合。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportOptionsPage</name>
    <message>
        <source>Split and options</source>
        <translation>分割與選項</translation>
    </message>
    <message>
        <source>A share of the rows is held back to measure how well the model does on examples it has not trained on.</source>
        <translation>保留一部分的列不用於訓練，用來衡量模型在沒學過的範例上表現如何。</translation>
    </message>
    <message>
        <source>A share of the rows is held back to measure the model on examples it has not trained on; the seed decides which rows, so the same seed gives the same split. Examples longer than the longest allowed are cut or left out. Usually the model should learn only the answers, not the questions.</source>
        <translation>部分的列會被保留下來，用模型沒有訓練過的範例來衡量模型；保留哪些列由種子值決定，因此相同的種子值會得到相同的分割。超過允許最大長度的範例會被截斷或略過。通常模型只應學習回答，而不學習問題。</translation>
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
        <source>Longer examples:</source>
        <translation>超過長度的範例：</translation>
    </message>
    <message>
        <source>The model learns:</source>
        <translation>模型學習的內容：</translation>
    </message>
    <message>
        <source>The longest example was %1 tokens, more than the context of %2 (%3 tokens), so it is now %3 tokens.</source>
        <translation>最長範例為 %1 個詞元，超過 %2 的上下文（%3 個詞元），因此現在設為 %3 個詞元。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportPreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <source>The first rows exactly as the model will read them. The model learns to write the highlighted text; the rest is what it is given.</source>
        <translation>以下是模型實際會讀到的前幾列。模型會學習寫出醒目標示的文字；其餘部分是提供給模型的內容。</translation>
    </message>
    <message>
        <source>Read a few examples as the model will see them. The highlighted text is what the model learns to write; the rest is what it is given. If questions are highlighted or answers are not, go back and correct the format or the field names.</source>
        <translation>請閱讀幾個範例，它們的樣子就是模型將看到的內容。醒目標示的文字是模型要學著寫出的部分；其餘是提供給模型的內容。若問題被醒目標示，或回答沒有被標示，請返回修正格式或欄位名稱。</translation>
    </message>
    <message>
        <source>Preview of the examples as the model reads them</source>
        <translation>以模型讀取的形式預覽範例</translation>
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
</context>
<context>
    <name>tiertune::gui::ImportProgressPage</name>
    <message>
        <source>Importing</source>
        <translation>正在匯入</translation>
    </message>
    <message>
        <source>The rows are read, checked and cut into tokens. Cancel leaves nothing behind.</source>
        <translation>正在讀取、檢查各列並切分成 token。取消後不會留下任何東西。</translation>
    </message>
    <message>
        <source>The import runs in the background and shows how far it is. Cancel stops it and leaves the catalog as it was. When it is done, Next shows the summary.</source>
        <translation>匯入會在背景進行並顯示進度。取消會停止匯入，目錄保持原樣。完成後，按「下一步」會顯示摘要。</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>匯入進度</translation>
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
</context>
<context>
    <name>tiertune::gui::ImportReportPage</name>
    <message>
        <source>Check every row</source>
        <translation>檢查每一列</translation>
    </message>
    <message>
        <source>Rows that cannot be used are listed with their row and line numbers and the reason. Nothing is left out without appearing here.</source>
        <translation>無法使用的列會連同列號、行號與原因一起列出。任何被略過的內容都一定會出現在這裡。</translation>
    </message>
    <message>
        <source>Every row of the file is checked. Rows that cannot be used are listed with their row and line numbers and the reason; the rest are imported. Fix the rows in your file and start again, or go on without them. The report can be saved as a CSV file.</source>
        <translation>檔案的每一列都會經過檢查。無法使用的列會連同列號、行號與原因一起列出；其餘的列會被匯入。請修正檔案中的這些列後重新開始，或略過它們繼續。報告可以儲存為 CSV 檔案。</translation>
    </message>
    <message>
        <source>Problems by reason</source>
        <translation>依原因分類的問題</translation>
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
        <source>Rows that cannot be used</source>
        <translation>無法使用的列</translation>
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
</context>
<context>
    <name>tiertune::gui::ImportSummaryPage</name>
    <message>
        <source>Imported</source>
        <translation>匯入完成</translation>
    </message>
    <message>
        <source>The dataset is now on the Datasets page. The chart shows how long the examples are in tokens: the sequence length of a run should hold most of them. Start a run from the Runs page with New fine-tune.</source>
        <translation>資料集現在已在「資料集」頁面上。圖表以 token 數顯示範例的長度：執行的序列長度應能容納大部分範例。請在「執行」頁面以「新增微調」開始執行。</translation>
    </message>
    <message>
        <source>“%1” is ready. Training examples: %2. Validation examples: %3. Tokens: %4, of which the model learns %5.</source>
        <translation>「%1」已就緒。訓練範例：%2。驗證範例：%3。token：%4（其中模型學習 %5）。</translation>
    </message>
    <message>
        <source>Rows left out: %1 (their list, with the reasons, is in the dataset&apos;s folder).</source>
        <translation>略過的列：%1（清單與原因在資料集的資料夾中）。</translation>
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
    <message>
        <source>Lengths of the training examples</source>
        <translation>訓練範例的長度</translation>
    </message>
    <message>
        <source>%1 to %2 tokens: %3</source>
        <translation>%1 至 %2 個 token：%3</translation>
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
    <message>
        <source>Loss curves</source>
        <translation>損失曲線</translation>
    </message>
    <message>
        <source>%1: %2 at step %3, lowest %4</source>
        <translation>%1：第 %3 步為 %2，最低 %4</translation>
    </message>
    <message>
        <source>No loss measured yet.</source>
        <translation>尚未測得損失。</translation>
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
    <message>
        <source>Playground</source>
        <translation>試用區</translation>
    </message>
    <message>
        <source>Training continues</source>
        <translation>訓練會繼續</translation>
    </message>
    <message>
        <source>Training goes on after this window closes.</source>
        <translation>關閉此視窗後，訓練仍會繼續。</translation>
    </message>
    <message>
        <source>Runs training now: %1. Nothing of their progress is lost; open Tiertune again to watch them (Home lists them).</source>
        <translation>正在訓練的執行：%1。進度不會遺失；再次開啟 Tiertune 即可查看（首頁會列出）。</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>關閉視窗</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>保持開啟</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>指南(&amp;G)</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::MemoryPlanPage</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>The graphics card&apos;s arithmetic sets the pace: moving state between the tiers keeps up with it.</source>
        <translation>速度取決於顯示卡的運算：在各層級之間搬移狀態的速度跟得上。</translation>
    </message>
    <message>
        <source>The processor&apos;s arithmetic sets the pace: moving state between the tiers keeps up with it.</source>
        <translation>速度取決於處理器的運算：在各層級之間搬移狀態的速度跟得上。</translation>
    </message>
    <message>
        <source>Copying state between RAM and the training memory sets the pace. More room there (a smaller batch or sequence, or LoRA) would keep more of it in place.</source>
        <translation>速度取決於在 RAM 與訓練記憶體之間複製狀態。若訓練記憶體有更多空間（較小的批次或序列，或改用 LoRA），就能將更多狀態留在原處。</translation>
    </message>
    <message>
        <source>Reading and writing the SSD sets the pace. More RAM for Tiertune, a faster SSD, or LoRA instead of full fine-tuning would speed each step up.</source>
        <translation>速度取決於 SSD 的讀寫。給 Tiertune 更多 RAM、使用更快的 SSD，或以 LoRA 取代完整微調，都能加快每一步。</translation>
    </message>
    <message>
        <source>Memory plan</source>
        <translation>記憶體計畫</translation>
    </message>
    <message>
        <source>Where each part of the training state will live on this machine, how long a step takes and what limits it.</source>
        <translation>訓練狀態的各部分將存放在這台電腦的哪裡、每一步需要多久，以及速度受什麼限制。</translation>
    </message>
    <message>
        <source>Preparing the dataset for this model and measuring this machine…</source>
        <translation>正在為此模型準備資料集並測量這台電腦…</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>約 %1</translation>
    </message>
    <message>
        <source>The plan is not ready yet.</source>
        <translation>計畫尚未完成。</translation>
    </message>
    <message>
        <source>This run does not fit on this machine. Use one of the changes above first.</source>
        <translation>這台電腦無法容納此執行。請先套用上方其中一項變更。</translation>
    </message>
    <message>
        <source>The plan could not be made: %1</source>
        <translation>無法建立計畫：%1</translation>
    </message>
    <message>
        <source>This run fits on this machine.</source>
        <translation>這台電腦可以容納此執行。</translation>
    </message>
    <message>
        <source>This run does not fit on this machine.</source>
        <translation>這台電腦無法容納此執行。</translation>
    </message>
    <message>
        <source>About %1 per optimizer step; %2 steps take %3 in all.</source>
        <translation>每個最佳化步驟約需 %1；%2 步共需 %3。</translation>
    </message>
    <message>
        <source>Use LoRA instead of full fine-tuning</source>
        <translation>改用 LoRA 取代完整微調</translation>
    </message>
    <message>
        <source>Halve the sequence length (to %1 tokens)</source>
        <translation>將序列長度減半（降為 %1 個 token）</translation>
    </message>
    <message>
        <source>Batch of 1 with more accumulation (%1 steps)</source>
        <translation>批次設為 1 並增加累積次數（%1 次）</translation>
    </message>
    <message>
        <source>Lower the rank (to %1)</source>
        <translation>降低秩（降為 %1）</translation>
    </message>
    <message>
        <source>Allow more disk (remove the %1 limit)</source>
        <translation>允許使用更多磁碟空間（移除 %1 的上限）</translation>
    </message>
    <message>
        <source>Allow more RAM (remove the %1 limit)</source>
        <translation>允許使用更多 RAM（移除 %1 的上限）</translation>
    </message>
    <message>
        <source>Allow more training memory (remove the %1 limit)</source>
        <translation>允許使用更多訓練記憶體（移除 %1 的上限）</translation>
    </message>
    <message>
        <source>The bars show where each part of the training state will live: in the training memory (the graphics card, or the processor&apos;s share of RAM), in RAM, or on the SSD, against what each may hold. The more lives on the SSD, the slower each step. When the run does not fit, the reason is shown with buttons that change the settings in one click and plan again.</source>
        <translation>長條圖顯示訓練狀態的各部分將存放在哪裡：訓練記憶體（顯示卡，或分給處理器使用的 RAM）、RAM 或 SSD，並與各自可容納的量比較。存放在 SSD 上的越多，每一步就越慢。若執行放不下，會顯示原因，並提供按一下即可修改設定並重新規劃的按鈕。</translation>
    </message>
    <message>
        <source>This computer is busy with other work now: the run may take up to %1.</source>
        <translation>這台電腦目前正忙於其他工作：執行最多可能需要 %1。</translation>
    </message>
    <message>
        <source>A step was measured on this model here.</source>
        <translation>已在此以這個模型測量一個步驟。</translation>
    </message>
    <message>
        <source>Derived from this computer&apos;s measured speed.</source>
        <translation>依這台電腦測得的速度推算。</translation>
    </message>
    <message>
        <source>In all %1: %2 optimizer steps of %3 each, %4 to start, %5 for evaluations and sample answers, %6 for checkpoints.</source>
        <translation>總共%1：%2 個最佳化步驟，每步%3；啟動%4，評估與範例回答%5，檢查點%6。</translation>
    </message>
    <message>
        <source>Keep the model in 4 bits while training (QLoRA)</source>
        <translation>訓練時以 4 位元保存模型（QLoRA）</translation>
    </message>
    <message>
        <source>The model is kept in 4 bits while it trains (QLoRA): its weights take %1.</source>
        <translation>訓練時模型以 4 位元保存（QLoRA）：其權重佔 %1。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ModelChoicePage</name>
    <message>
        <source>Choose the base model</source>
        <translation>選擇基礎模型</translation>
    </message>
    <message>
        <source>The model you start from. Its size decides how much memory training needs; its context is the longest text it reads at once.</source>
        <translation>作為起點的模型。它的大小決定訓練需要多少記憶體；它的上下文長度是一次能讀取的最長文字。</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>基礎模型：</translation>
    </message>
    <message>
        <source>Choose one of the models added on the Models page. A larger model learns more but needs more memory and time; the memory plan two pages on shows whether this machine can train it. The model&apos;s folder must still be where it was added.</source>
        <translation>請從「模型」頁面新增的模型中選擇一個。較大的模型能學到更多，但需要更多記憶體與時間；兩頁之後的記憶體計畫會顯示這台電腦能否訓練它。模型的資料夾必須仍在新增時的位置。</translation>
    </message>
    <message>
        <source>There is no base model yet. Add one on the Models page first.</source>
        <translation>尚無基礎模型。請先在「模型」頁面新增一個。</translation>
    </message>
    <message>
        <source>%1 parameters, context of %2 tokens, %3 on disk.
Folder: %4</source>
        <translation>%1 個參數，上下文長度 %2 個 token，磁碟大小 %3。
資料夾：%4</translation>
    </message>
    <message>
        <source>The catalog is not open: %1</source>
        <translation>目錄未開啟：%1</translation>
    </message>
    <message>
        <source>There is no base model to fine-tune. Add one on the Models page first.</source>
        <translation>沒有可供微調的基礎模型。請先在「模型」頁面新增一個。</translation>
    </message>
    <message>
        <source>The folder of the model “%1” is missing or has no config.json (%2). Add the model again on the Models page.</source>
        <translation>模型「%1」的資料夾不存在或缺少 config.json（%2）。請在「模型」頁面重新新增此模型。</translation>
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
    <message>
        <source>A base model is what you fine-tune, for example Qwen2.5-0.5B-Instruct or Llama-3.2-1B-Instruct. Download one from the Hugging Face Hub by name, or add a folder you already have (config.json, *.safetensors and tokenizer.json). Models are listed here with their architecture, size and context length.</source>
        <translation>基礎模型就是您要微調的模型，例如 Qwen2.5-0.5B-Instruct 或 Llama-3.2-1B-Instruct。可從 Hugging Face Hub 依名稱下載，或加入您已有的資料夾（config.json、*.safetensors 與 tokenizer.json）。模型會連同架構、大小與上下文長度列在這裡。</translation>
    </message>
    <message>
        <source>Download a model…</source>
        <translation>下載模型…</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::NewRunWizard</name>
    <message>
        <source>New fine-tune</source>
        <translation>新增微調</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Run again with changes: %1</source>
        <translation>修改後再次執行：%1</translation>
    </message>
    <message>
        <source>The settings of run “%1” could not be read, so the goal&apos;s defaults are used instead: %2</source>
        <translation>無法讀取執行「%1」的設定，因此改用目標的預設值：%2</translation>
    </message>
    <message>
        <source>%1 (again)</source>
        <translation>%1（再次）</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::PlaygroundPage</name>
    <message>
        <source>Chat with</source>
        <translation>對話對象</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>檢查點</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>載入</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>Save with the run</source>
        <translation>與執行一起儲存</translation>
    </message>
    <message>
        <source>Saved conversations</source>
        <translation>已儲存的對話</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>No saved conversations</source>
        <translation>沒有已儲存的對話</translation>
    </message>
    <message>
        <source>A base model</source>
        <translation>基礎模型</translation>
    </message>
    <message>
        <source>A run&apos;s checkpoint</source>
        <translation>執行的檢查點</translation>
    </message>
    <message>
        <source>Checkpoint and its base, side by side</source>
        <translation>檢查點與其基礎模型並排比較</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Write a message; Ctrl+Enter sends it.</source>
        <translation>輸入訊息；按 Ctrl+Enter 傳送。</translation>
    </message>
    <message>
        <source>Saves this conversation as a file in the run&apos;s folder, to reopen later.</source>
        <translation>將此對話以檔案儲存在執行的資料夾中，以便日後重新開啟。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conversations&lt;/b&gt;</source>
        <translation>&lt;b&gt;對話&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>試用區</translation>
    </message>
    <message>
        <source>No catalog is open, so there is nothing to chat with. See Settings.</source>
        <translation>未開啟目錄，因此沒有可對話的模型。請查看「設定」。</translation>
    </message>
    <message>
        <source>There is no model to chat with yet: add one on the Models page.</source>
        <translation>目前還沒有可對話的模型：請在「模型」頁面新增一個。</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>Conversations are saved with a run: chat with a run&apos;s checkpoint to save one.</source>
        <translation>對話會與執行一起儲存：請與執行的檢查點對話，才能儲存對話。</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已儲存為 %1。</translation>
    </message>
    <message>
        <source>The checkpoint this conversation was held with (%1) is gone; it is shown with the one chosen.</source>
        <translation>進行此對話時使用的檢查點（%1）已不存在；改以目前選擇的檢查點顯示。</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已開啟 %1。</translation>
    </message>
    <message>
        <source>This run has no checkpoint to chat with yet.</source>
        <translation>此執行還沒有可對話的檢查點。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::QaGeneratePage</name>
    <message>
        <source>Writing the questions and answers</source>
        <translation>正在撰寫問題與答案</translation>
    </message>
    <message>
        <source>The model reads each part and writes its questions with their answers. This can take long; you can stop at any time and go on later: what was written is kept.</source>
        <translation>模型會閱讀每個片段，寫出問題及其答案。這可能需要一段時間；您可以隨時停止、之後再繼續：已寫好的內容都會保留。</translation>
    </message>
    <message>
        <source>The model works through the parts one by one. A reply that cannot be used (not the list of questions that was asked for) is asked for once more; a part whose two replies cannot be used is listed on the next page with the replies, and nothing of it is kept. Stop keeps what was written: Go on continues, and opening this wizard again with the same name, documents and settings goes on where it stopped. Next shows the pairs for review.</source>
        <translation>模型會逐一處理片段。無法使用的回覆（不是所要求的問題清單）會再要求一次；兩次回覆都無法使用的片段會連同回覆列在下一頁，且不保留任何內容。停止會保留已寫好的內容：「繼續」會接著進行，以相同的名稱、文件與設定再次開啟此精靈也會從停止處繼續。「下一步」會顯示問答組供審閱。</translation>
    </message>
    <message>
        <source>Progress of the questions</source>
        <translation>問題撰寫進度</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stops after the reply being written; what was written is kept.</source>
        <translation>在正在撰寫的回覆完成後停止；已寫好的內容會保留。</translation>
    </message>
    <message>
        <source>Stopping after the reply being written…</source>
        <translation>正在撰寫的回覆完成後即停止…</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Start over…</source>
        <translation>重新開始…</translation>
    </message>
    <message>
        <source>Deletes the questions written before for this name, and writes them anew.</source>
        <translation>刪除先前為此名稱撰寫的問題，並重新撰寫。</translation>
    </message>
    <message>
        <source>the graphics card %1</source>
        <translation>顯示卡 %1</translation>
    </message>
    <message>
        <source>the processor (no graphics card that Tiertune can use was found), which is much slower</source>
        <translation>處理器（找不到 Tiertune 可使用的顯示卡，速度會慢很多）</translation>
    </message>
    <message>
        <source>Pairs: %1</source>
        <translation>問答組：%1</translation>
    </message>
    <message>
        <source>Parts without a usable reply: %1</source>
        <translation>沒有可用回覆的片段：%1</translation>
    </message>
    <message>
        <source>About %1 left</source>
        <translation>約剩 %1</translation>
    </message>
    <message>
        <source>Cutting the documents into parts…</source>
        <translation>正在將文件切成片段…</translation>
    </message>
    <message>
        <source>The documents gave no text to write questions about.</source>
        <translation>文件中沒有可用來撰寫問題的文字。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在開啟 %1…</translation>
    </message>
    <message>
        <source>%1 writes on %2.</source>
        <translation>%1 在%2上撰寫。</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 parts. Pairs: %3. What was written is kept: Go on continues, and so does opening this wizard again with the same name, documents and settings. Next reviews the pairs written so far.</source>
        <translation>已在 %1 個片段後停止（共 %2 個）。問答組：%3。已寫好的內容都保留著：按「繼續」，或以相同的名稱、文件與設定再次開啟此精靈，都會接著進行。「下一步」會審閱目前已寫好的問答組。</translation>
    </message>
    <message>
        <source>Every part is done. Parts: %1. Pairs: %2.</source>
        <translation>所有片段都已完成。片段：%1。問答組：%2。</translation>
    </message>
    <message>
        <source>Parts without a usable reply: %1 (listed with the replies on the next page).</source>
        <translation>沒有可用回覆的片段：%1（下一頁會連同回覆列出）。</translation>
    </message>
    <message>
        <source>The model gave no usable reply for any part: the next page shows its replies. A larger instruct model, or a simpler prompt, usually does better.</source>
        <translation>模型對所有片段都沒有給出可用的回覆：下一頁會顯示它的回覆。改用較大的指令模型或較簡單的提示，通常效果會更好。</translation>
    </message>
    <message>
        <source>The questions could not be written: %1</source>
        <translation>無法撰寫問題：%1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試一次</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新開始</translation>
    </message>
    <message>
        <source>Delete the questions and answers written before for “%1”, with their review, and write them anew?</source>
        <translation>要刪除先前為「%1」撰寫的問題與答案及其審閱結果，並重新撰寫嗎？</translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation>無法刪除 %1：%2</translation>
    </message>
    <message>
        <source>Parts done: %1 of %2</source>
        <translation>已完成的片段：%1 個，共 %2 個</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::QaReviewPage</name>
    <message>
        <source>Review the questions and answers</source>
        <translation>審閱問題與答案</translation>
    </message>
    <message>
        <source>Every pair becomes an example of the dataset unless you reject it. Double-click a question or an answer to correct it.</source>
        <translation>除非您排除，否則每個問答組都會成為資料集的範例。按兩下問題或答案即可修改。</translation>
    </message>
    <message>
        <source>Read the pairs, reject those that are wrong or useless and correct those that are nearly right (double-click the question or the answer). Filter by words, by state or by document to go through them in parts. Your decisions are saved as you make them: if you close the wizard, opening it again with the same name goes on with them. The parts for which the model gave no usable reply are listed below with the reason; select one to see the replies.</source>
        <translation>請閱讀問答組，排除錯誤或無用的，並修改幾乎正確的（按兩下問題或答案）。可依字詞、狀態或文件篩選，分批審閱。您的每個決定都會立即儲存：關閉精靈後以相同名稱再次開啟，就能接著審閱。模型沒有給出可用回覆的片段會連同原因列在下方；選取其中一個即可查看回覆。</translation>
    </message>
    <message>
        <source>Words in the question or the answer</source>
        <translation>問題或答案中的字詞</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已採用</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已編輯</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>尋找：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>問題與答案</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>頁碼</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>採用</translation>
    </message>
    <message>
        <source>Keeps the selected pairs in the dataset (an edited pair keeps your text).</source>
        <translation>將選取的問答組保留在資料集中（已編輯的問答組會保留您的文字）。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Leaves the selected pairs out of the dataset.</source>
        <translation>將選取的問答組排除在資料集之外。</translation>
    </message>
    <message>
        <source>Use the model&apos;s text</source>
        <translation>改回模型的文字</translation>
    </message>
    <message>
        <source>Undoes your corrections of the selected pairs.</source>
        <translation>復原您對選取問答組所做的修改。</translation>
    </message>
    <message>
        <source>Parts without a usable reply</source>
        <translation>沒有可用回覆的片段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The model&apos;s replies to the selected part</source>
        <translation>模型對選取片段的回覆</translation>
    </message>
    <message>
        <source>Select a part to see the model&apos;s replies and the part&apos;s text.</source>
        <translation>選取一個片段，即可查看模型的回覆與片段的文字。</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>a range of pages</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>The questions could not be opened: %1</source>
        <translation>無法開啟問題：%1</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Section: %1</source>
        <translation>區段：%1</translation>
    </message>
    <message>
        <source>The model wrote: %1</source>
        <translation>模型原本寫的是：%1</translation>
    </message>
    <message>
        <source>Pairs: %1. Kept: %2, of which edited: %3. Rejected: %4.</source>
        <translation>問答組：%1。保留：%2（其中已編輯：%3）。已排除：%4。</translation>
    </message>
    <message>
        <source>Keep at least one pair to go on.</source>
        <translation>至少保留一個問答組才能繼續。</translation>
    </message>
    <message>
        <source>The writing was stopped: these are the pairs of the parts done so far.</source>
        <translation>撰寫已中途停止：這些是目前已完成片段的問答組。</translation>
    </message>
    <message>
        <source>Parts without a usable reply (nothing of them is kept): %1</source>
        <translation>沒有可用回覆的片段（不保留任何內容）：%1</translation>
    </message>
    <message>
        <source>Reply %1:</source>
        <translation>回覆 %1：</translation>
    </message>
    <message>
        <source>Reply %1, not usable: %2</source>
        <translation>回覆 %1，無法使用：%2</translation>
    </message>
    <message>
        <source>The model was not asked: %1</source>
        <translation>未向模型提出要求：%1</translation>
    </message>
    <message>
        <source>The part:</source>
        <translation>片段：</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>未變更：%1</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RangeNote</name>
    <message>
        <source>%1 %2 is not accepted; it must be between %3 and %4, so it stays %5.</source>
        <translation>%1 %2 不被接受；必須介於 %3 與 %4 之間，因此維持為 %5。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ReviewStartPage</name>
    <message>
        <source>%1 after a warm-up of %2 steps, then a cosine decay</source>
        <translation>經過 %2 步暖身後達到 %1，之後以餘弦曲線遞減</translation>
    </message>
    <message>
        <source>%1 after a warm-up of %2 steps, then a linear decay</source>
        <translation>經過 %2 步暖身後達到 %1，之後以線性遞減</translation>
    </message>
    <message>
        <source>%1 after a warm-up of %2 steps, then constant</source>
        <translation>經過 %2 步暖身後達到 %1，之後維持不變</translation>
    </message>
    <message>
        <source>%1 after a warm-up over %2 % of the steps, then a cosine decay</source>
        <translation>以 %2 % 的步數暖身後達到 %1，之後以餘弦曲線遞減</translation>
    </message>
    <message>
        <source>%1 after a warm-up over %2 % of the steps, then a linear decay</source>
        <translation>以 %2 % 的步數暖身後達到 %1，之後以線性遞減</translation>
    </message>
    <message>
        <source>%1 after a warm-up over %2 % of the steps, then constant</source>
        <translation>以 %2 % 的步數暖身後達到 %1，之後維持不變</translation>
    </message>
    <message>
        <source>Review and start</source>
        <translation>檢查並開始</translation>
    </message>
    <message>
        <source>Start creates the run; it then trains in the background and shows on the Runs page.</source>
        <translation>按下「開始」會建立此執行；之後它會在背景訓練，並顯示在「執行」頁面上。</translation>
    </message>
    <message>
        <source>Check the settings in words and give the run a name you will recognize on the Runs page. The run writes its checkpoints and log to the output folder shown. Start begins training in the background: you can close this window and watch the run from the Runs page.</source>
        <translation>請確認文字說明的設定，並為執行取一個您在「執行」頁面上認得出的名稱。執行會將檢查點與記錄寫入所顯示的輸出資料夾。按「開始」會在背景開始訓練：您可以關閉此視窗，並從「執行」頁面查看執行。</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>執行名稱：</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>輸出資料夾：</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>基礎模型</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>資料集</translation>
    </message>
    <message>
        <source>%1 (%2 training examples)</source>
        <translation>%1（%2 個訓練範例）</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>QLoRA (the model kept in 4 bits), rank %1, alpha %2, on %3</source>
        <translation>QLoRA（模型以 4 位元保存），秩 %1，alpha %2，套用於 %3</translation>
    </message>
    <message>
        <source>LoRA, rank %1, alpha %2, on %3</source>
        <translation>LoRA，秩 %1，alpha %2，套用於 %3</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Full fine-tune: every weight is trained</source>
        <translation>完整微調：訓練所有權重</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>學習率</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長度</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>%1 × %2 examples per update (micro-batch × accumulation), each up to %3 tokens</source>
        <translation>每次更新 %1 × %2 個範例（微批次 × 累積次數），每個最多 %3 個 token</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>評估</translation>
    </message>
    <message>
        <source>every %1 steps</source>
        <translation>每 %1 步</translation>
    </message>
    <message>
        <source>at the end</source>
        <translation>結束時</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>檢查點</translation>
    </message>
    <message>
        <source>, the newest %1 kept</source>
        <translation>，保留最新的 %1 個</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>%1 training memory, %2 RAM, %3 disk at the peak</source>
        <translation>峰值時：訓練記憶體 %1、RAM %2、磁碟 %3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>共 %1</translation>
    </message>
    <message>
        <source>Give the run a name, so that you can find it on the Runs page.</source>
        <translation>請為此執行命名，以便在「執行」頁面上找到它。</translation>
    </message>
    <message>
        <source>The catalog is not open: %1</source>
        <translation>目錄未開啟：%1</translation>
    </message>
    <message>
        <source>The run could not be created: %1</source>
        <translation>無法建立執行：%1</translation>
    </message>
    <message>
        <source>Optimizer steps: %1</source>
        <translation>最佳化步驟：%1</translation>
    </message>
    <message>
        <source>Epochs: %1; optimizer steps: %2</source>
        <translation>訓練輪數：%1；最佳化步驟：%2</translation>
    </message>
    <message>
        <source>after every step</source>
        <translation>每一步之後</translation>
    </message>
    <message>
        <source>The output folder %1 is in use by run %2 (“%3”), which is training now: two runs in one folder would overwrite each other&apos;s checkpoints. This run will write to %4 instead; press Start again.</source>
        <translation>輸出資料夾 %1 正由執行 %2（“%3”）使用，它正在訓練中：同一資料夾中的兩個執行會互相覆寫檢查點。此執行將改寫入 %4；請再按一次「開始」。</translation>
    </message>
    <message>
        <source>The output folder %1 belongs to run %2 (“%3”): two runs in one folder would overwrite each other&apos;s checkpoints. This run will write to %4 instead; press Start again.</source>
        <translation>輸出資料夾 %1 屬於執行 %2（“%3”）：同一資料夾中的兩個執行會互相覆寫檢查點。此執行將改寫入 %4；請再按一次「開始」。</translation>
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
    <message>
        <source>Run again with changes…</source>
        <translation>修改後再次執行…</translation>
    </message>
    <message>
        <source>Opens the New fine-tune wizard with this run&apos;s model, dataset and settings.</source>
        <translation>以此執行的模型、資料集與設定開啟「新增微調」精靈。</translation>
    </message>
    <message>
        <source>Chat with this checkpoint</source>
        <translation>與此檢查點對話</translation>
    </message>
    <message>
        <source>Opens the playground with the run&apos;s newest checkpoint.</source>
        <translation>以此執行最新的檢查點開啟試用區。</translation>
    </message>
    <message>
        <source>Trained on:</source>
        <translation>訓練裝置：</translation>
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
    <message>
        <source>Val. loss</source>
        <translation>驗證損失</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunMonitor</name>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume from the last checkpoint</source>
        <translation>從上一個檢查點繼續</translation>
    </message>
    <message>
        <source>Log of the training process</source>
        <translation>訓練程序的記錄</translation>
    </message>
    <message>
        <source>Pause after the current step; the run keeps its memory and waits.</source>
        <translation>在目前這一步完成後暫停；此執行會保留其記憶體並等候。</translation>
    </message>
    <message>
        <source>Save a checkpoint after the current step, then end the run. You can resume it later.</source>
        <translation>在目前這一步完成後儲存檢查點，然後結束此執行。之後可以再繼續。</translation>
    </message>
    <message>
        <source>Continue a stopped or failed run from its newest checkpoint.</source>
        <translation>從最新的檢查點繼續已停止或失敗的執行。</translation>
    </message>
    <message>
        <source>Memory per tier</source>
        <translation>各層級的記憶體</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>記錄</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>執行 %1</translation>
    </message>
    <message>
        <source>%1 — Tiertune</source>
        <translation>%1 — Tiertune</translation>
    </message>
    <message>
        <source>Not in the catalog</source>
        <translation>不在目錄中</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Preparing the run…</source>
        <translation>正在準備執行…</translation>
    </message>
    <message>
        <source>No progress recorded yet</source>
        <translation>尚未記錄任何進度</translation>
    </message>
    <message>
        <source>Training loss %1   ·   Validation loss %2   ·   Learning rate %3   ·   %4 tokens/s   ·   Training time %5   ·   Time left %6</source>
        <translation>訓練損失 %1   ·   驗證損失 %2   ·   學習率 %3   ·   %4 tokens/s   ·   訓練時間 %5   ·   剩餘時間 %6</translation>
    </message>
    <message>
        <source>The memory plan appears when the run starts.</source>
        <translation>執行開始後會顯示記憶體計畫。</translation>
    </message>
    <message>
        <source>The run failed.</source>
        <translation>執行失敗。</translation>
    </message>
    <message>
        <source>Progress of the run</source>
        <translation>執行進度</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>樣本</translation>
    </message>
    <message>
        <source>Trains on %1.</source>
        <translation>訓練裝置：%1。</translation>
    </message>
    <message>
        <source>in training memory</source>
        <translation>在訓練記憶體中</translation>
    </message>
    <message>
        <source>on the graphics card</source>
        <translation>在顯示卡上</translation>
    </message>
    <message>
        <source>in the processor&apos;s working memory</source>
        <translation>在處理器的工作記憶體中</translation>
    </message>
    <message>
        <source>The memory plan has no figures yet.</source>
        <translation>記憶體計畫尚無數字。</translation>
    </message>
    <message>
        <source>Memory plan: at most %1 %2, %3 in RAM and %4 on the SSD.</source>
        <translation>記憶體計畫：%2 最多 %1，RAM 中 %3，SSD 上 %4。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunSupervisor</name>
    <message>
        <source>The run “%1” has already started; resume it to continue from its last checkpoint.</source>
        <translation>執行「%1」已經開始過；請繼續執行，從上一個檢查點接續。</translation>
    </message>
    <message>
        <source>The run cannot start: the catalog is not open. %1</source>
        <translation>無法開始執行：目錄未開啟。%1</translation>
    </message>
    <message>
        <source>There is no run %1 in the catalog.</source>
        <translation>目錄中沒有執行 %1。</translation>
    </message>
    <message>
        <source>The run “%1” is already executing.</source>
        <translation>執行「%1」已在進行中。</translation>
    </message>
    <message>
        <source>The run “%1” cannot start: %2</source>
        <translation>無法開始執行「%1」：%2</translation>
    </message>
    <message>
        <source>The output folder %1 of the run could not be created.</source>
        <translation>無法建立此執行的輸出資料夾 %1。</translation>
    </message>
    <message>
        <source>Tiertune could not start its training program %1: %2</source>
        <translation>Tiertune 無法啟動其訓練程式 %1：%2</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly.</source>
        <translation>訓練程序意外結束。</translation>
    </message>
    <message>
        <source>The last lines of its log:</source>
        <translation>其記錄的最後幾行：</translation>
    </message>
    <message>
        <source>Run %1 is not executing.</source>
        <translation>執行 %1 並未在進行中。</translation>
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
    <message>
        <source>New fine-tune…</source>
        <translation>新增微調…</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>監看</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>A run fine-tunes a base model on a dataset. Add a model and import a dataset first, then click “New fine-tune…”. Every run is kept here with its status, loss curve and checkpoints, so that you can compare, resume and export it.</source>
        <translation>執行會以資料集微調基礎模型。請先新增模型並匯入資料集，然後按一下「新增微調…」。每次執行都會連同狀態、損失曲線與檢查點保留在這裡，方便你比較、繼續與匯出。</translation>
    </message>
    <message>
        <source>Choose a model, a dataset and a goal, see the memory plan, and start training.</source>
        <translation>選擇模型、資料集與目標，查看記憶體計畫，然後開始訓練。</translation>
    </message>
    <message>
        <source>Watch the run live: loss, progress, memory and its log.</source>
        <translation>即時監看執行：損失、進度、記憶體與記錄。</translation>
    </message>
    <message>
        <source>Save a checkpoint after the current step, then end the run.</source>
        <translation>在目前這一步完成後儲存檢查點，然後結束此執行。</translation>
    </message>
    <message>
        <source>Continue a stopped or failed run from its newest checkpoint.</source>
        <translation>從最新的檢查點繼續已停止或失敗的執行。</translation>
    </message>
    <message>
        <source>Run %1 is no longer in the catalog.</source>
        <translation>執行 %1 已不在目錄中。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::SamplesView</name>
    <message>
        <source>At each evaluation the model answers the same prompts from the validation samples, always choosing its most likely next word, so you can see its answers change as it learns.</source>
        <translation>每次評估時，模型都會回答驗證樣本中相同的提示（每次都選擇最可能的下一個字詞），讓您看到它的回答如何隨著學習而改變。</translation>
    </message>
    <message>
        <source>&amp;Evaluation:</source>
        <translation>評估(&amp;E)：</translation>
    </message>
    <message>
        <source>Evaluation whose samples are shown</source>
        <translation>要顯示樣本的評估</translation>
    </message>
    <message>
        <source>Sample answers</source>
        <translation>樣本回答</translation>
    </message>
    <message>
        <source>Sample answers appear here after the first evaluation.</source>
        <translation>第一次評估後，樣本回答會顯示在這裡。</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>Prompt %1</source>
        <translation>提示 %1</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>(none: the model ended its answer at once)</source>
        <translation>（無：模型立即結束了回答）</translation>
    </message>
    <message>
        <source>This run has no validation samples, so at each evaluation the model answers the same prompts from the training samples, always choosing its most likely next word, so you can see its answers change as it learns.</source>
        <translation>此執行沒有驗證樣本，因此每次評估時，模型會回答取自訓練樣本的相同提示，並總是選擇最可能的下一個詞，讓你看到它的回答隨學習而改變。</translation>
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
        <source>The offload folder %1 cannot be created (%2). Check that the disk is present and that you may write there.</source>
        <translation>無法建立卸載資料夾 %1（%2）。請確認磁碟存在，且您有權限寫入。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder for the offload folder.</source>
        <translation>%1 是檔案，不是資料夾。請為卸載資料夾選擇一個資料夾。</translation>
    </message>
    <message>
        <source>%1 is not on a disk (it is a view of the system, which holds no files), so training cannot keep anything there. Choose a folder on your SSD.</source>
        <translation>%1 不在磁碟上（它只是系統資訊的檢視，無法存放檔案），訓練無法在那裡存放任何資料。請選擇 SSD 上的資料夾。</translation>
    </message>
    <message>
        <source>Tiertune cannot write in %1 (%2). Choose a folder you may write to, on your SSD.</source>
        <translation>Tiertune 無法寫入 %1（%2）。請在 SSD 上選擇一個您有權限寫入的資料夾。</translation>
    </message>
    <message>
        <source>The disk of %1 is full. Free some space or choose a folder on another disk.</source>
        <translation>%1 所在的磁碟已滿。請釋放一些空間，或選擇其他磁碟上的資料夾。</translation>
    </message>
    <message>
        <source>Catalog format version %1</source>
        <translation>目錄格式版本 %1</translation>
    </message>
    <message>
        <source>Hugging Face server</source>
        <translation>Hugging Face 伺服器</translation>
    </message>
    <message>
        <source>%1 (the default)</source>
        <translation>%1（預設）</translation>
    </message>
    <message>
        <source>Hugging Face server:</source>
        <translation>Hugging Face 伺服器：</translation>
    </message>
    <message>
        <source>Leave empty for the Hugging Face Hub; a company mirror&apos;s address goes here.</source>
        <translation>使用 Hugging Face Hub 時請留空；公司鏡像站的位址填在這裡。</translation>
    </message>
    <message>
        <source>Hugging Face account:</source>
        <translation>Hugging Face 帳號：</translation>
    </message>
    <message>
        <source>The Hugging Face server must be an address such as %1.</source>
        <translation>Hugging Face 伺服器必須是像 %1 這樣的位址。</translation>
    </message>
    <message>
        <source>%1 (no font for it on this system)</source>
        <translation>%1（此系統沒有可用字型）</translation>
    </message>
    <message>
        <source>Install a font for this language, such as Noto Sans CJK, to read it.</source>
        <translation>請安裝此語言的字型（例如 Noto Sans CJK）才能閱讀。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::TierBars</name>
    <message>
        <source>Frozen weights</source>
        <translation>凍結的權重</translation>
    </message>
    <message>
        <source>Trained weights</source>
        <translation>訓練中的權重</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Working buffers</source>
        <translation>工作緩衝區</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU 記憶體</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>SSD (offload)</source>
        <translation>SSD（卸載）</translation>
    </message>
    <message>
        <source>%1 needed, %2 allowed</source>
        <translation>需要 %1，允許 %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Each bar: the peak against what the tier may hold. The thin strip below it: what that peak is made of.</source>
        <translation>每條長條：峰值相對於該層級可容納的量。下方的細條：峰值的組成。</translation>
    </message>
    <message>
        <source>Memory per tier</source>
        <translation>各層級的記憶體</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>%1: %2, made of %3.</source>
        <translation>%1：%2，組成：%3。</translation>
    </message>
    <message>
        <source>Optimizer state</source>
        <translation>最佳化器狀態</translation>
    </message>
    <message>
        <source>Processor memory</source>
        <translation>處理器記憶體</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::TierMemoryView</name>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>SSD</source>
        <translation>SSD</translation>
    </message>
    <message>
        <source>This computer&apos;s memory used by the training process.</source>
        <translation>訓練程序使用的這台電腦的記憶體。</translation>
    </message>
    <message>
        <source>Training state kept in the offload folder on the SSD.</source>
        <translation>存放在 SSD 上卸載資料夾中的訓練狀態。</translation>
    </message>
    <message>
        <source>%1 planned</source>
        <translation>計畫 %1</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>尚不得知</translation>
    </message>
    <message>
        <source>%1 now of %2 planned</source>
        <translation>目前 %1 / 計畫 %2</translation>
    </message>
    <message>
        <source>%1 now</source>
        <translation>目前 %1</translation>
    </message>
    <message>
        <source>The graphics card&apos;s memory or, when the processor (CPU) trains, the memory set aside for its calculations.</source>
        <translation>顯示卡的記憶體；由處理器（CPU）訓練時，則是為計算保留的記憶體。</translation>
    </message>
    <message>
        <source>Within the plan.</source>
        <translation>在計畫範圍內。</translation>
    </message>
    <message>
        <source>%1 % more than planned: normal, a measurement may differ from the plan by up to %2 %.</source>
        <translation>比計畫多 %1 %：屬正常，量測值與計畫最多可相差 %2 %。</translation>
    </message>
    <message>
        <source>Training memory</source>
        <translation>訓練記憶體</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU 記憶體</translation>
    </message>
    <message>
        <source>Processor memory</source>
        <translation>處理器記憶體</translation>
    </message>
    <message>
        <source>%1 % more than planned: more than the %2 % a measurement may differ by. If the training memory runs out, the run stops and can be resumed with a smaller batch.</source>
        <translation>比規劃多 %1 %，超過測量可能的誤差 %2 %。如果訓練記憶體不足，執行會停止，可以用較小的批次繼續。</translation>
    </message>
</context>
</TS>
