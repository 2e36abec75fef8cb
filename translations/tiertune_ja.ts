<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>ConversationFiles</name>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>フォルダー %1 を作成できませんでした。</translation>
    </message>
    <message>
        <source>The conversation could not be written to %1: %2</source>
        <translation>会話を %1 に書き込めませんでした：%2</translation>
    </message>
    <message>
        <source>The conversation %1 could not be opened: %2</source>
        <translation>会話 %1 を開けませんでした：%2</translation>
    </message>
    <message>
        <source>The conversation %1 is damaged at byte %2: %3</source>
        <translation>会話 %1 はバイト %2 の位置で破損しています：%3</translation>
    </message>
    <message>
        <source>The conversation %1 has no &quot;messages&quot; list.</source>
        <translation>会話 %1 に &quot;messages&quot; リストがありません。</translation>
    </message>
</context>
<context>
    <name>Dataset files</name>
    <message>
        <source>%1 line %2: a quoted field is never closed (a &quot; is missing), so the rest of the file cannot be read.</source>
        <translation>%1 の %2 行目：引用符で始まるフィールドが閉じられていない（&quot; が足りない）ため、ファイルの残りを読めません。</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1 を読み込めません（%2）</translation>
    </message>
    <message>
        <source>%1 changed while it was being imported (its size, modification time or content is not what it was when the import began), so its rows would mix two versions; nothing was imported. Import it again once nothing writes to it any more.</source>
        <translation>%1 がインポート中に変更されました（サイズ、更新日時、内容のいずれかがインポート開始時と異なります）。2 つの版の行が混ざってしまうため、何もインポートしていません。ファイルへの書き込みが終わってから、もう一度インポートしてください。</translation>
    </message>
    <message>
        <source>%1: none of the first records reads as instructions, conversations, prompts with completions or text; choose the format and fields by hand</source>
        <translation>%1：先頭のレコードはどれも、指示、会話、プロンプトと応答、テキストのいずれとしても読めません。形式とフィールドを手動で選んでください</translation>
    </message>
    <message>
        <source>the model in %1 has no usable chat template, so conversations cannot be written the way it expects; choose a chat (instruct) model</source>
        <translation>%1 のモデルには使えるチャットテンプレートがないため、会話をモデルが期待する形に書き出せません。チャット（Instruct）モデルを選んでください</translation>
    </message>
    <message>
        <source>the files of dataset &quot;%1&quot; are missing (%2); import it again</source>
        <translation>データセット「%1」のファイルが見つかりません（%2）。もう一度インポートしてください</translation>
    </message>
    <message>
        <source>building the tokens of &quot;%1&quot; was cancelled</source>
        <translation>「%1」のトークン作成は取り消されました</translation>
    </message>
    <message>
        <source>none of the examples of &quot;%1&quot; can be used with %2</source>
        <translation>「%1」の例はどれも %2 では使えません</translation>
    </message>
    <message>
        <source>the dataset needs a name</source>
        <translation>データセットには名前が必要です</translation>
    </message>
    <message>
        <source>a dataset named &quot;%1&quot; exists already; choose another name or delete it first</source>
        <translation>「%1」という名前のデータセットはすでにあります。別の名前を選ぶか、先にそれを削除してください</translation>
    </message>
    <message>
        <source>the validation share must be at least 0 and below 1</source>
        <translation>検証用の割合は 0 以上 1 未満にしてください</translation>
    </message>
    <message>
        <source>text documents are split by a share, not by a validation file</source>
        <translation>テキスト文書は割合で分割します。検証用ファイルは使えません</translation>
    </message>
    <message>
        <source>the longest example must be at least one token</source>
        <translation>最も長い例は 1 トークン以上にしてください</translation>
    </message>
    <message>
        <source>the model has no chat template, so conversations cannot be turned into its text</source>
        <translation>モデルにチャットテンプレートがないため、会話をモデル用のテキストにできません</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 を読み込めません。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 は空です。</translation>
    </message>
    <message>
        <source>%1 is not a text file but binary data (such as a picture, an archive or a program); choose a dataset saved as JSON lines, a JSON array or CSV.</source>
        <translation>%1 はテキストファイルではなく、バイナリデータ（画像、アーカイブ、プログラムなど）です。JSON Lines、JSON 配列、CSV のいずれかで保存したデータセットを選んでください。</translation>
    </message>
    <message>
        <source>%1 is neither JSON lines, a JSON array nor CSV/TSV: it starts with &quot;%2&quot;. For plain text use a .txt file.</source>
        <translation>%1 は JSON Lines、JSON 配列、CSV/TSV のいずれでもありません（先頭は「%2」）。プレーンテキストには .txt ファイルを使ってください。</translation>
    </message>
    <message>
        <source>%1 line %2: %3, so the rest of the file cannot be read.</source>
        <translation>%1 の %2 行目：%3。そのため、ファイルの残りを読めません。</translation>
    </message>
    <message>
        <source>%1: the file does not hold a JSON array of records.</source>
        <translation>%1：このファイルにはレコードの JSON 配列がありません。</translation>
    </message>
    <message>
        <source>%1 line %2: the JSON array is malformed or cut off here, so the rest of the file cannot be read.</source>
        <translation>%1 の %2 行目：JSON 配列がここで壊れているか途切れているため、ファイルの残りを読めません。</translation>
    </message>
    <message>
        <source>%1 has no header row.</source>
        <translation>%1 にはヘッダー行がありません。</translation>
    </message>
    <message>
        <source>%1: the header row is larger than %2, the most a row may be; check that this is a CSV file.</source>
        <translation>%1：ヘッダー行が 1 行の上限である %2 を超えています。CSV ファイルかどうか確認してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mapping; write part=field, for example prompt=question</source>
        <translation>「%1」は対応付けになっていません。部分=フィールド の形で書いてください（例：prompt=question）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a part of an example; parts are instruction, input, output, conversations, messages, prompt, completion, text and system</source>
        <translation>「%1」は例の部分ではありません。部分は instruction、input、output、conversations、messages、prompt、completion、text、system です</translation>
    </message>
    <message>
        <source>%1: the folder has no .txt or .md files</source>
        <translation>%1：このフォルダーには .txt や .md ファイルがありません</translation>
    </message>
    <message>
        <source>the overlap of text samples must be smaller than their length</source>
        <translation>テキストサンプルの重なりは、サンプルの長さより小さくしてください</translation>
    </message>
    <message>
        <source>%1 line %2: the file is not UTF-8 text; it looks like %3. Save it as UTF-8 (in a spreadsheet program: &quot;CSV UTF-8&quot;) and import it again.</source>
        <translation>%1 の %2 行目：このファイルは UTF-8 テキストではなく、%3 のようです。UTF-8 で保存し（表計算ソフトでは「CSV UTF-8」）、もう一度インポートしてください。</translation>
    </message>
</context>
<context>
    <name>Dataset rows</name>
    <message>
        <source>text follows the closing quote of field %1</source>
        <translation>フィールド %1 の閉じ引用符の後ろに文字があります</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 は空です</translation>
    </message>
    <message>
        <source>(validation file) %1</source>
        <translation>（検証用ファイル）%1</translation>
    </message>
    <message>
        <source>the same as row %1</source>
        <translation>%1 行目と同じです</translation>
    </message>
    <message>
        <source>the chat template writes this conversation so that the assistant&apos;s answers cannot be told apart from the rest; choose &quot;train on every token&quot; to use it anyway</source>
        <translation>チャットテンプレートがこの会話を書き出すと、アシスタントの回答を他の部分と区別できません。それでも使うには「すべてのトークンで学習」を選んでください</translation>
    </message>
    <message>
        <source>the chat template refused it: %1</source>
        <translation>チャットテンプレートがこれを拒否しました：%1</translation>
    </message>
    <message>
        <source>the chat template failed on it: %1</source>
        <translation>チャットテンプレートがこれを処理できませんでした：%1</translation>
    </message>
    <message>
        <source>%1 tokens; the limit is %2</source>
        <translation>%1 トークンです。上限は %2 です</translation>
    </message>
    <message>
        <source>after cutting it to %1 tokens nothing of the answer is left to learn from</source>
        <translation>%1 トークンに切り詰めると、学習できる回答が何も残りません</translation>
    </message>
    <message>
        <source>it has no tokens to learn from</source>
        <translation>学習できるトークンがありません</translation>
    </message>
    <message>
        <source>line %1 is not UTF-8 text (it looks like %2), unlike the rest of the file; fix or retype that line</source>
        <translation>%1 行目はファイルの他の部分と違って UTF-8 テキストではありません（%2 のようです）。その行を直すか、入力し直してください</translation>
    </message>
    <message>
        <source>the line is %1 bytes long; a row may be at most %2</source>
        <translation>この行は %1 バイトあります。1 行の上限は %2 です</translation>
    </message>
    <message>
        <source>not valid JSON at character %1</source>
        <translation>%1 文字目が正しい JSON ではありません</translation>
    </message>
    <message>
        <source>a number in it is too large to be read</source>
        <translation>読み込めないほど大きな数値が含まれています</translation>
    </message>
    <message>
        <source>the row is larger than %1, the most a row may be</source>
        <translation>この行は 1 行の上限である %1 を超えています</translation>
    </message>
    <message>
        <source>the row has %1 columns, the header %2</source>
        <translation>この行は %1 列ですが、ヘッダーは %2 列です</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing</source>
        <translation>フィールド「%1」がありません</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; should be text</source>
        <translation>フィールド「%1」はテキストにしてください</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is empty</source>
        <translation>フィールド「%1」が空です</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; should be a list of turns</source>
        <translation>フィールド「%1」は発言のリストにしてください</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; should be an object</source>
        <translation>「%2」の %1 番目の発言はオブジェクトにしてください</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; has no &quot;%3&quot;</source>
        <translation>「%2」の %1 番目の発言に「%3」がありません</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; has the role &quot;%3&quot;; known are system, user and assistant</source>
        <translation>「%2」の %1 番目の発言の役割は「%3」です。使える役割は system、user、assistant です</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; has no text in &quot;%3&quot;</source>
        <translation>「%2」の %1 番目の発言の「%3」にテキストがありません</translation>
    </message>
    <message>
        <source>the conversation has no assistant turn with text</source>
        <translation>この会話には、テキストのあるアシスタントの発言がありません</translation>
    </message>
    <message>
        <source>the row is not a JSON object</source>
        <translation>この行は JSON オブジェクトではありません</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>%1 line %2: %3; it is damaged, or made to break the programs that read it.</source>
        <translation>%1 の %2 行目：%3。ファイルが壊れているか、読み込むプログラムを壊すために作られています。</translation>
    </message>
    <message>
        <source>the JSON nests lists or objects deeper than %1 levels, which no real file does</source>
        <translation>JSON のリストやオブジェクトの入れ子が %1 段より深くなっています。実際のファイルではありえない深さです</translation>
    </message>
</context>
<context>
    <name>GpuText</name>
    <message>
        <source>%1 — %2, compute capability %3.%4, %5 multiprocessors</source>
        <translation>%1 — %2、計算能力 %3.%4、マルチプロセッサ %5 基</translation>
    </message>
    <message>
        <source>NVIDIA driver for CUDA %1</source>
        <translation>CUDA %1 対応の NVIDIA ドライバー</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found — training runs on the CPU.</source>
        <translation>NVIDIA GPU が見つかりません — 学習は CPU で行います。</translation>
    </message>
    <message>
        <source>The NVIDIA driver is too old (it supports CUDA %1, Tiertune needs %2). Update the driver to train on the GPU; until then training runs on the CPU.</source>
        <translation>NVIDIA ドライバーが古すぎます（対応している CUDA は %1、Tiertune には %2 が必要です）。GPU で学習するにはドライバーを更新してください。それまでは CPU で学習します。</translation>
    </message>
    <message>
        <source>This copy of Tiertune was built without GPU support — training runs on the CPU.</source>
        <translation>この Tiertune は GPU 対応なしでビルドされています — 学習は CPU で行います。</translation>
    </message>
    <message>
        <source>The GPU cannot be used: %1. Training runs on the CPU.</source>
        <translation>GPU を使用できません：%1。学習は CPU で行います。</translation>
    </message>
    <message>
        <source>The GPU could not be used (%1) — training runs on the CPU.</source>
        <translation>GPU を使用できませんでした（%1）— 学習は CPU で行います。</translation>
    </message>
    <message>
        <source>Training runs on the graphics card %1 (%2).</source>
        <translation>学習はグラフィックカード %1（%2）で行います。</translation>
    </message>
    <message>
        <source>Training runs on the processor, as the run&apos;s settings ask.</source>
        <translation>実行の設定どおり、学習はプロセッサで行います。</translation>
    </message>
    <message>
        <source>Training runs on the processor: the graphics card %1 (compute capability %2.%3) is older than GPU training needs (%4.0 or newer, NVIDIA Ampere and later).</source>
        <translation>学習はプロセッサで行います：グラフィックカード %1（計算能力 %2.%3）は GPU での学習に必要な世代（%4.0 以上、NVIDIA Ampere 以降）より古いためです。</translation>
    </message>
    <message>
        <source>Training runs on the processor: the NVIDIA driver is too old. Update it to train on the graphics card.</source>
        <translation>学習はプロセッサで行います：NVIDIA ドライバーが古すぎます。グラフィックカードで学習するには更新してください。</translation>
    </message>
    <message>
        <source>Training runs on the processor: this copy of Tiertune was built without GPU support.</source>
        <translation>学習はプロセッサで行います：この Tiertune は GPU 対応なしでビルドされています。</translation>
    </message>
    <message>
        <source>Training runs on the processor: the graphics card cannot be used (%1).</source>
        <translation>学習はプロセッサで行います：グラフィックカードを使用できません（%1）。</translation>
    </message>
    <message>
        <source>Training runs on the processor: no NVIDIA graphics card was found.</source>
        <translation>学習はプロセッサで行います：NVIDIA のグラフィックカードが見つかりません。</translation>
    </message>
    <message>
        <source>%1 (graphics card, %2)</source>
        <translation>%1（グラフィックカード、%2）</translation>
    </message>
    <message>
        <source>%1 (processor, %2 of RAM)</source>
        <translation>%1（プロセッサ、RAM %2）</translation>
    </message>
</context>
<context>
    <name>HelpGuide</name>
    <message>
        <source>The first hour</source>
        <translation>最初の 1 時間</translation>
    </message>
    <message>
        <source>LoRA or full fine-tuning</source>
        <translation>LoRA かフルファインチューニングか</translation>
    </message>
    <message>
        <source>Reading the memory plan</source>
        <translation>メモリプランの読み方</translation>
    </message>
    <message>
        <source>When a run does not fit</source>
        <translation>実行が収まらないとき</translation>
    </message>
    <message>
        <source>Downloading models</source>
        <translation>モデルのダウンロード</translation>
    </message>
    <message>
        <source>Tiertune fine-tunes an open language model on your own examples, on this computer. A first run takes four steps, each a page on the left.</source>
        <translation>Tiertune は、公開されている言語モデルをあなた自身の例でこのコンピューター上でファインチューニングします。最初の実行は 4 つのステップで、それぞれ左側のページに対応しています。</translation>
    </message>
    <message>
        <source>1. Models: download a model by name (Download a model…) or add a folder you have. Start small: Qwen2.5-0.5B-Instruct trains on almost any computer.</source>
        <translation>1. モデル：名前でモデルをダウンロードするか（「モデルをダウンロード…」）、お持ちのフォルダーを追加します。小さく始めましょう。Qwen2.5-0.5B-Instruct はほとんどのコンピューターで学習できます。</translation>
    </message>
    <message>
        <source>2. Datasets: import your examples (JSON lines, JSON or CSV). Each row is checked against the model&apos;s chat template; rows that cannot be used are listed with the reason.</source>
        <translation>2. データセット：例をインポートします（JSON Lines、JSON、CSV）。各行はモデルのチャットテンプレートで確認され、使えない行は理由とともに一覧表示されます。</translation>
    </message>
    <message>
        <source>3. Runs: New fine-tune… picks the model, the dataset and a goal, shows the memory plan and starts. The run goes on when the window closes; a stopped or crashed run resumes from its last checkpoint.</source>
        <translation>3. 実行：「新しいファインチューニング…」でモデル、データセット、目標を選び、メモリプランを確認して開始します。ウィンドウを閉じても実行は続き、停止やクラッシュした実行は最後のチェックポイントから再開します。</translation>
    </message>
    <message>
        <source>4. Try the result in the Playground beside the base model, then export it: a LoRA adapter, a merged model, or GGUF for llama.cpp and Ollama.</source>
        <translation>4. プレイグラウンドで結果をベースモデルと並べて試し、エクスポートします：LoRA アダプター、マージ済みモデル、または llama.cpp と Ollama 用の GGUF。</translation>
    </message>
    <message>
        <source>Full fine-tuning changes every weight of the model. It learns the most and needs the most memory: about 16 bytes per parameter for the weights, their gradients and the optimizer&apos;s two moments.</source>
        <translation>フルファインチューニングはモデルのすべての重みを変更します。最もよく学習しますが、最も多くのメモリが必要です。重み、その勾配、オプティマイザーの 2 つのモーメントで、パラメーター 1 つあたり約 16 バイトです。</translation>
    </message>
    <message>
        <source>LoRA keeps the model&apos;s weights as they are and trains two small matrices beside each layer (the adapter): a few million parameters instead of billions. It needs far less memory and time, and it is the right start for teaching a style, a format or the facts of your domain.</source>
        <translation>LoRA はモデルの重みをそのままにし、各層の横にある 2 つの小さな行列（アダプター）を学習します。数十億ではなく数百万のパラメーターです。必要なメモリと時間ははるかに少なく、文体や形式、あなたの分野の事実を教えるのに適した出発点です。</translation>
    </message>
    <message>
        <source>Quick LoRA uses a small adapter and a short schedule; Balanced LoRA a larger adapter and more epochs. Choose Full fine-tune when LoRA&apos;s results stop improving and the plan shows that it fits.</source>
        <translation>クイック LoRA は小さなアダプターと短いスケジュール、バランス LoRA はより大きなアダプターと多めのエポックを使います。LoRA の結果が伸びなくなり、プランで収まると示されたらフルファインチューニングを選んでください。</translation>
    </message>
    <message>
        <source>Before a run starts, the plan shows where each part of the training state lives: on the GPU, in RAM, or in the offload folder on the SSD. The faster the place, the faster each step.</source>
        <translation>実行の開始前に、プランは学習状態の各部分がどこに置かれるかを示します：GPU、RAM、または SSD 上のオフロードフォルダー。置き場所が速いほど、各ステップも速くなります。</translation>
    </message>
    <message>
        <source>Fits on the GPU: everything stays on the graphics card. Streams from RAM: layers and optimizer state travel between RAM and the GPU at each step; training works, more slowly. Needs the SSD: part of the state is kept on the disk, and each step reads and writes it.</source>
        <translation>GPU に収まる：すべてがグラフィックカード上に留まります。RAM から順次転送：各ステップで層とオプティマイザーの状態が RAM と GPU の間を行き来します。学習はできますが、遅くなります。SSD が必要：状態の一部はディスクに置かれ、各ステップで読み書きされます。</translation>
    </message>
    <message>
        <source>The time estimate measures a step on this computer and adds loading, evaluations and checkpoints. A busy computer gives a range.</source>
        <translation>所要時間の見積もりは、このコンピューターで 1 ステップを測定し、読み込み、評価、チェックポイントの時間を加えたものです。コンピューターが混んでいるときは幅で示されます。</translation>
    </message>
    <message>
        <source>The plan says what is too large and offers changes that would make the run fit, each one click away: a LoRA goal instead of a full fine-tune, shorter examples (the sequence length), a smaller batch, or more room in the offload folder.</source>
        <translation>プランは何が大きすぎるかを示し、実行が収まるようにする変更をワンクリックで提案します：フルファインチューニングの代わりに LoRA の目標、より短い例（シーケンス長）、より小さいバッチ、オフロードフォルダーの空き容量の追加。</translation>
    </message>
    <message>
        <source>Free memory helps too: close other programs that use the GPU or much RAM. In Settings, choose an offload folder on a fast SSD with plenty of free space.</source>
        <translation>空きメモリを増やすのも効果があります。GPU や大量の RAM を使う他のプログラムを閉じてください。設定では、空き容量の多い高速な SSD 上のオフロードフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>If it still does not fit, choose a smaller model of the same family: a 1.5B model trained well often does better than a 7B model that cannot train here.</source>
        <translation>それでも収まらない場合は、同じ系統の小さなモデルを選んでください。ここで学習できない 7B モデルより、しっかり学習した 1.5B モデルのほうが良い結果になることがよくあります。</translation>
    </message>
    <message>
        <source>Models → Download a model… lists good first models for this computer and searches the Hugging Face Hub. Each shows what this computer can do with it before anything is downloaded.</source>
        <translation>「モデル」→「モデルをダウンロード…」は、このコンピューターに向いた最初のモデルを一覧表示し、Hugging Face Hub を検索します。各モデルについて、何もダウンロードしないうちに、このコンピューターで何ができるかが示されます。</translation>
    </message>
    <message>
        <source>Downloads go into the Hugging Face cache that Python tools share. An interrupted download continues where it stopped, and every file is checked before it counts.</source>
        <translation>ダウンロードは Python ツールと共有する Hugging Face キャッシュに入ります。中断したダウンロードは止まったところから続き、すべてのファイルは確認されてから使われます。</translation>
    </message>
    <message>
        <source>Some models, such as Meta&apos;s Llama, are gated: accept their licence on the model&apos;s page, create an access token in your Hugging Face account&apos;s settings, and sign in with it in Settings.</source>
        <translation>Meta の Llama など、一部のモデルは利用が制限されています。モデルのページでライセンスに同意し、Hugging Face アカウントの設定でアクセストークンを作成して、それで設定からサインインしてください。</translation>
    </message>
    <message>
        <source>Tiertune guide</source>
        <translation>Tiertune ガイド</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>トピック</translation>
    </message>
</context>
<context>
    <name>HubProblemText</name>
    <message>
        <source>the model&apos;s page</source>
        <translation>モデルのページ</translation>
    </message>
    <message>
        <source>Tiertune could not reach the Hugging Face Hub. Check the internet connection (or the server address in Settings) and try again; a download continues where it stopped.</source>
        <translation>Tiertune は Hugging Face Hub に接続できませんでした。インターネット接続（または設定のサーバーアドレス）を確認して、もう一度お試しください。ダウンロードは止まったところから再開します。</translation>
    </message>
    <message>
        <source>%1 is shared only with people who accepted its licence. Sign in with a Hugging Face access token in Settings, from an account that has access.</source>
        <translation>%1 はライセンスに同意した人にだけ公開されています。アクセス権のあるアカウントの Hugging Face アクセストークンで、設定からサインインしてください。</translation>
    </message>
    <message>
        <source>Your Hugging Face account has no access to %1 yet. Ask for it on %2; approval can take from minutes to days.</source>
        <translation>お使いの Hugging Face アカウントにはまだ %1 へのアクセス権がありません。%2 で申請してください。承認には数分から数日かかることがあります。</translation>
    </message>
    <message>
        <source>The Hugging Face Hub did not accept the access token. Copy it again from your account&apos;s settings and sign in again in Settings.</source>
        <translation>Hugging Face Hub がアクセストークンを受け付けませんでした。アカウント設定からもう一度コピーし、設定で再度サインインしてください。</translation>
    </message>
    <message>
        <source>There is no model named %1. Check the spelling (organization/name); a private model needs a token with access to it.</source>
        <translation>%1 という名前のモデルはありません。綴り（組織名/モデル名）を確認してください。非公開モデルにはアクセス権のあるトークンが必要です。</translation>
    </message>
    <message>
        <source>%1 has no such version.</source>
        <translation>%1 にその版はありません。</translation>
    </message>
    <message>
        <source>A file of %1 is missing on the Hub.</source>
        <translation>%1 のファイルが Hub 上にありません。</translation>
    </message>
    <message>
        <source>%1 is not published in the safetensors format Tiertune reads. Look for a version of it in safetensors on %2.</source>
        <translation>%1 は Tiertune が読める safetensors 形式で公開されていません。%2 で safetensors 版を探してください。</translation>
    </message>
    <message>
        <source>There is not enough free disk space for %1. Free some space and download again; what arrived is kept.</source>
        <translation>%1 に必要なディスクの空き容量が足りません。空きを作ってからもう一度ダウンロードしてください。受信済みの分は残ります。</translation>
    </message>
    <message>
        <source>A file of %1 arrived damaged twice and was not kept. A proxy or the network may be altering downloads; try again later or on another network.</source>
        <translation>%1 のファイルが 2 回とも壊れた状態で届いたため、保存しませんでした。プロキシやネットワークがダウンロードを書き換えている可能性があります。時間をおくか、別のネットワークでお試しください。</translation>
    </message>
    <message>
        <source>The Hugging Face Hub is busy or answered unexpectedly. Try again in a few minutes.</source>
        <translation>Hugging Face Hub が混雑しているか、予期しない応答を返しました。数分後にもう一度お試しください。</translation>
    </message>
    <message>
        <source>The download was cancelled. What arrived is kept: downloading again continues from there.</source>
        <translation>ダウンロードを取り消しました。受信済みの分は残っているので、もう一度ダウンロードするとそこから続きます。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a model name. Write it as organization/name, for example Qwen/Qwen2.5-0.5B-Instruct.</source>
        <translation>「%1」はモデル名ではありません。組織名/モデル名の形で書いてください（例：Qwen/Qwen2.5-0.5B-Instruct）。</translation>
    </message>
</context>
<context>
    <name>Model folders</name>
    <message>
        <source>%1: architecture %2 is not supported yet; supported are %3.</source>
        <translation>%1：アーキテクチャ %2 にはまだ対応していません。対応しているのは %3 です。</translation>
    </message>
    <message>
        <source>%1: this is a quantized model%2; Tiertune fine-tunes from unquantized weights (bfloat16, float16 or float32). Use the original, unquantized model folder.</source>
        <translation>%1：これは量子化されたモデルです%2。Tiertune は量子化されていない重み（bfloat16、float16、float32）からファインチューニングします。量子化前の元のモデルフォルダーを使ってください。</translation>
    </message>
    <message>
        <source>%1: cannot open the file; the model folder needs a config.json.</source>
        <translation>%1：ファイルを開けません。モデルフォルダーには config.json が必要です。</translation>
    </message>
    <message>
        <source>tokenizer.json is missing; this folder only has tokenizer.model (SentencePiece), which Tiertune does not read yet. Download the model&apos;s tokenizer.json as well.</source>
        <translation>tokenizer.json がありません。このフォルダーには Tiertune がまだ読めない tokenizer.model（SentencePiece）しかありません。モデルの tokenizer.json もダウンロードしてください。</translation>
    </message>
    <message>
        <source>tokenizer.json is missing: Tiertune needs it to turn text into tokens.</source>
        <translation>tokenizer.json がありません。Tiertune はテキストをトークンに変換するのにこのファイルを使います。</translation>
    </message>
    <message>
        <source>The tokenizer has token ids up to %1 but the model has only %2 token embeddings (vocab_size in config.json): they do not belong together.</source>
        <translation>トークナイザーのトークン ID は %1 までありますが、モデルのトークン埋め込みは %2 個しかありません（config.json の vocab_size）。組み合わせが合っていません。</translation>
    </message>
    <message>
        <source>The tokenizer cannot be used: %1</source>
        <translation>トークナイザーを使えません：%1</translation>
    </message>
    <message>
        <source>The model has no chat template: it is a base model. Train it on plain text, or on conversations with a template chosen when you create the run.</source>
        <translation>このモデルにはチャットテンプレートがありません（ベースモデルです）。プレーンテキストで学習させるか、実行の作成時にテンプレートを選んで会話で学習させてください。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template cannot be read (%1); conversations need a template chosen when you create the run.</source>
        <translation>モデルのチャットテンプレートを読み込めません（%1）。会話で学習するには、実行の作成時にテンプレートを選んでください。</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 はフォルダーではありません。</translation>
    </message>
    <message>
        <source>config.json is missing: this does not look like a Hugging Face model folder.</source>
        <translation>config.json がありません。Hugging Face のモデルフォルダーではないようです。</translation>
    </message>
    <message>
        <source>%1: no model weights found: the folder has neither %2 nor %3. It has pytorch_model.bin weights, a PyTorch format Tiertune does not read; download the safetensors version of the model.</source>
        <translation>%1：モデルの重みが見つかりません。このフォルダーには %2 も %3 もありません。あるのは Tiertune が読めない PyTorch 形式の pytorch_model.bin の重みです。safetensors 版のモデルをダウンロードしてください。</translation>
    </message>
    <message>
        <source>%1: no model weights found: the folder has neither %2 nor %3.</source>
        <translation>%1：モデルの重みが見つかりません。このフォルダーには %2 も %3 もありません。</translation>
    </message>
    <message>
        <source>%1 lists the shard %2, but that file is not in %3: the download is incomplete; download the missing file.</source>
        <translation>%1 にはシャード %2 が記載されていますが、そのファイルは %3 にありません。ダウンロードが完了していないので、足りないファイルをダウンロードしてください。</translation>
    </message>
    <message>
        <source>tensor %1 is missing (expected shape %2); the weights do not match config.json or a file is incomplete.</source>
        <translation>テンソル %1 がありません（想定される形状は %2）。重みが config.json と合っていないか、ファイルが不完全です。</translation>
    </message>
    <message>
        <source>tensor %1 has shape %2, but config.json implies %3; the weights belong to a different model than config.json describes.</source>
        <translation>テンソル %1 の形状は %2 ですが、config.json からは %3 になるはずです。重みは config.json が示すものとは別のモデルのものです。</translation>
    </message>
    <message>
        <source>tensor %1 holds %2 values (%3); Tiertune loads weights only as BF16, F16 or F32. Use an unquantized model folder.</source>
        <translation>テンソル %1 の値は %2（%3）です。Tiertune が読み込める重みは BF16、F16、F32 だけです。量子化されていないモデルフォルダーを使ってください。</translation>
    </message>
    <message>
        <source>tensor lm_head.weight is present, but config.json ties the output layer to the embeddings (tie_word_embeddings), so it would be ignored; config.json and the weights disagree.</source>
        <translation>テンソル lm_head.weight がありますが、config.json では出力層が埋め込みと共有されている（tie_word_embeddings）ため、使われません。config.json と重みが食い違っています。</translation>
    </message>
    <message>
        <source>tensor %1 is not part of a %2 model with this config.json; the weights belong to a different model or architecture.</source>
        <translation>テンソル %1 は、この config.json の %2 モデルには含まれません。重みは別のモデルかアーキテクチャのものです。</translation>
    </message>
    <message>
        <source>%1: tensor %2 holds values that are not a number (NaN or infinite), %3 of them; training and generation cannot use it. The file is damaged or was saved from a diverged model: download the model again.</source>
        <translation>%1：テンソル %2 に数値でない値（NaN または無限大）が %3 個あります。学習にも生成にも使えません。ファイルが壊れているか、発散したモデルから保存されたものです。モデルをもう一度ダウンロードしてください。</translation>
    </message>
</context>
<context>
    <name>NumberText</name>
    <message>
        <source>%1 billion</source>
        <translation>%1十億</translation>
    </message>
    <message>
        <source>%1 million</source>
        <translation>%1百万</translation>
    </message>
    <message>
        <source>%1 hundred million</source>
        <translation>%1億</translation>
    </message>
    <message>
        <source>%1 ten thousand</source>
        <translation>%1万</translation>
    </message>
</context>
<context>
    <name>Output folders</name>
    <message>
        <source>run %1</source>
        <translation>実行 %1</translation>
    </message>
    <message>
        <source>run %1 (“%2”)</source>
        <translation>実行 %1（「%2」）</translation>
    </message>
    <message>
        <source>The output folder %1 is in use by another Tiertune process; wait for it to end, or give this run another &quot;output&quot;.</source>
        <translation>出力フォルダー %1 は別の Tiertune のプロセスが使用中です。終わるのを待つか、この実行に別の「output」を指定してください。</translation>
    </message>
    <message>
        <source>Run %1 is already running (process %2); one run has one worker. Wait for it to end, or stop it first.</source>
        <translation>実行 %1 はすでに動いています（プロセス %2）。1 つの実行を動かせるのは 1 つのワーカーだけです。終わるのを待つか、先に停止してください。</translation>
    </message>
    <message>
        <source>another run</source>
        <translation>別の実行</translation>
    </message>
    <message>
        <source>%1 of another catalog (%2)</source>
        <translation>別のカタログ（%2）の%1</translation>
    </message>
    <message>
        <source>The output folder %1 is in use by %2 (process %3); two runs in one folder would delete each other&apos;s checkpoints. Give this run another &quot;output&quot;, or wait for that run to end.</source>
        <translation>出力フォルダー %1 は %2 が使用中です（プロセス %3）。1 つのフォルダーで 2 つの実行を動かすと、互いのチェックポイントを消してしまいます。この実行に別の「output」を指定するか、その実行が終わるのを待ってください。</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>フォルダーではありません</translation>
    </message>
    <message>
        <source>Cannot create the output folder %1: %2. Choose a folder you can write to as &quot;output&quot;.</source>
        <translation>出力フォルダー %1 を作成できません：%2。書き込めるフォルダーを「output」に指定してください。</translation>
    </message>
    <message>
        <source>Cannot write in the output folder %1 (%2). Choose a folder you can write to as &quot;output&quot;.</source>
        <translation>出力フォルダー %1 に書き込めません（%2）。書き込めるフォルダーを「output」に指定してください。</translation>
    </message>
    <message>
        <source>The output folder %1 belongs to %2 of another catalog (%3); two runs in one folder would delete each other&apos;s checkpoints. Give this run another &quot;output&quot; (if that catalog is gone for good, delete %4).</source>
        <translation>出力フォルダー %1 は別のカタログ（%3）の %2 のものです。1 つのフォルダーで 2 つの実行を動かすと、互いのチェックポイントを消してしまいます。この実行に別の「output」を指定してください（そのカタログがもう存在しないなら、%4 を削除してください）。</translation>
    </message>
    <message>
        <source>The output folder %1 belongs to %2; two runs in one folder would overwrite each other&apos;s checkpoints. Give this run another &quot;output&quot;, or continue that run instead.</source>
        <translation>出力フォルダー %1 は %2 のものです。1 つのフォルダーで 2 つの実行を動かすと、互いのチェックポイントを上書きしてしまいます。この実行に別の「output」を指定するか、代わりにその実行を続けてください。</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <source>The offload folder&apos;s speed has not been measured yet, so 1 GB/s is assumed: “Measure disk speed” on the Home page measures it.</source>
        <translation>オフロードフォルダーの速度はまだ測定されていないため、1 GB/s と仮定しています。ホームの「ディスク速度を測定」で測定できます。</translation>
    </message>
    <message>
        <source>The offload folder&apos;s speed was measured through the system&apos;s file cache, so the times for the SSD may be too hopeful.</source>
        <translation>オフロードフォルダーの速度はシステムのファイルキャッシュ経由で測定されたため、SSD の時間は楽観的すぎるかもしれません。</translation>
    </message>
    <message>
        <source>The training speed was measured on this computer&apos;s graphics card.</source>
        <translation>学習速度はこのコンピューターのグラフィックカードで測定しました。</translation>
    </message>
    <message>
        <source>The training speed was measured on this computer&apos;s processor (CPU).</source>
        <translation>学習速度はこのコンピューターのプロセッサ（CPU）で測定しました。</translation>
    </message>
    <message>
        <source>No graphics card: the processor (CPU) trains; its speed is estimated from its cores.</source>
        <translation>グラフィックカードがないため、プロセッサ（CPU）で学習します。速度はコア数から推定しています。</translation>
    </message>
    <message>
        <source>The graphics card&apos;s speed is estimated from its kind until a run measures it.</source>
        <translation>グラフィックカードの速度は、実行で測定されるまでは種類から推定しています。</translation>
    </message>
    <message>
        <source>The graphics card&apos;s speed is measured when its first run starts; until then it is estimated from its kind.</source>
        <translation>グラフィックカードの速度は最初の実行の開始時に測定されます。それまでは種類から推定しています。</translation>
    </message>
    <message>
        <source>The graphics card&apos;s speed could not be measured: %1</source>
        <translation>グラフィックカードの速度を測定できませんでした：%1</translation>
    </message>
    <message>
        <source>The run&apos;s time is derived from this computer&apos;s measured speed, not measured on this model.</source>
        <translation>実行時間は、このモデルで測定したものではなく、このコンピューターの測定速度から算出しています。</translation>
    </message>
    <message>
        <source>A step of this model could not be measured here, so the run&apos;s time is derived from this computer&apos;s measured speed.</source>
        <translation>このモデルの 1 ステップをここで測定できなかったため、実行時間はこのコンピューターの測定速度から算出しています。</translation>
    </message>
    <message>
        <source>The run&apos;s time is not estimated: the dataset&apos;s samples could not be read.</source>
        <translation>実行時間は推定されていません：データセットのサンプルを読み込めませんでした。</translation>
    </message>
    <message>
        <source>One training step needs %1 of working memory at this batch size and sequence length, but the graphics card offers %2.</source>
        <translation>このバッチサイズとシーケンス長では、学習の 1 ステップに %1 の作業メモリが必要ですが、グラフィックカードには %2 しかありません。</translation>
    </message>
    <message>
        <source>One training step needs %1 of working memory at this batch size and sequence length, but the memory set aside for training offers %2.</source>
        <translation>このバッチサイズとシーケンス長では、学習の 1 ステップに %1 の作業メモリが必要ですが、学習用に確保したメモリは %2 しかありません。</translation>
    </message>
    <message>
        <source>The whole training state (%1) is also more than the training memory, RAM and SSD hold together.</source>
        <translation>学習状態全体（%1）も、学習用メモリ、RAM、SSD を合わせた容量を超えています。</translation>
    </message>
    <message>
        <source>The training state needs %1, but this computer offers %2 on the graphics card, %3 of RAM and %4 on the SSD.</source>
        <translation>学習状態には %1 が必要ですが、このコンピューターで使えるのはグラフィックカード %2、RAM %3、SSD %4 です。</translation>
    </message>
    <message>
        <source>The training state needs %1, but this computer offers %2 of memory set aside for training, %3 more of RAM and %4 on the SSD.</source>
        <translation>学習状態には %1 が必要ですが、このコンピューターで使えるのは学習用に確保したメモリ %2、追加の RAM %3、SSD %4 です。</translation>
    </message>
    <message>
        <source>A batch of 1 with shorter examples (for example %1 tokens) needs less working memory.</source>
        <translation>バッチサイズ 1 と短い例（たとえば %1 トークン）なら、作業メモリは少なくて済みます。</translation>
    </message>
    <message>
        <source>LoRA instead of full fine-tuning needs about %1 in all.</source>
        <translation>フルファインチューニングの代わりに LoRA を使えば、全体で約 %1 です。</translation>
    </message>
    <message>
        <source>Free %1 more on the SSD of the offload folder, or choose an offload folder on a larger SSD in Settings.</source>
        <translation>オフロードフォルダーのある SSD をさらに %1 空けるか、設定でもっと大きな SSD 上のオフロードフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>The run&apos;s time is estimated once a dataset is chosen.</source>
        <translation>実行時間はデータセットを選ぶと見積もられます。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Not valid JSON</source>
        <translation>正しい JSON ではありません</translation>
    </message>
    <message>
        <source>Not an object with fields</source>
        <translation>フィールドを持つオブジェクトではありません</translation>
    </message>
    <message>
        <source>A field is missing</source>
        <translation>フィールドが足りません</translation>
    </message>
    <message>
        <source>A field has the wrong type</source>
        <translation>フィールドの型が正しくありません</translation>
    </message>
    <message>
        <source>A field is empty</source>
        <translation>フィールドが空です</translation>
    </message>
    <message>
        <source>Unknown speaker role</source>
        <translation>話者の役割が不明です</translation>
    </message>
    <message>
        <source>No answer to learn from</source>
        <translation>学習できる回答がありません</translation>
    </message>
    <message>
        <source>Broken CSV row</source>
        <translation>CSV の行が壊れています</translation>
    </message>
    <message>
        <source>Longer than the context</source>
        <translation>コンテキスト長を超えています</translation>
    </message>
    <message>
        <source>Exact duplicate</source>
        <translation>完全な重複です</translation>
    </message>
    <message>
        <source>Refused by the chat template</source>
        <translation>チャットテンプレートで処理できません</translation>
    </message>
    <message>
        <source>Answer not found after templating</source>
        <translation>テンプレート適用後に回答が見つかりません</translation>
    </message>
    <message>
        <source>File cannot be read as text</source>
        <translation>ファイルをテキストとして読み込めません</translation>
    </message>
    <message>
        <source>Line is not UTF-8 text</source>
        <translation>行が UTF-8 テキストではありません</translation>
    </message>
    <message>
        <source>Row too large</source>
        <translation>行が大きすぎます</translation>
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
        <translation>待機中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 日 %2 時間</translation>
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
        <translation>フルファインチューニング</translation>
    </message>
    <message>
        <source>Quick LoRA</source>
        <translation>クイック LoRA</translation>
    </message>
    <message>
        <source>Balanced LoRA</source>
        <translation>バランス LoRA</translation>
    </message>
    <message>
        <source>%1, own settings</source>
        <translation>%1（独自の設定）</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Quick LoRA, model in 4 bits</source>
        <translation>クイック LoRA、モデルは 4 ビット</translation>
    </message>
    <message>
        <source>Balanced LoRA, model in 4 bits</source>
        <translation>バランス LoRA、モデルは 4 ビット</translation>
    </message>
    <message>
        <source>Smallest memory (QLoRA)</source>
        <translation>最小メモリ（QLoRA）</translation>
    </message>
    <message>
        <source>QLoRA (4-bit model)</source>
        <translation>QLoRA（4 ビットモデル）</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>Cannot create the checkpoint folder %1: %2. Choose an &quot;output&quot; folder on a disk you can write to.</source>
        <translation>チェックポイントのフォルダー %1 を作成できません：%2。書き込めるディスク上のフォルダーを「output」に指定してください。</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>フォルダーではありません</translation>
    </message>
    <message>
        <source>Cannot write checkpoints into %1 (%2). Choose an &quot;output&quot; folder on a disk you can write to.</source>
        <translation>%1 にチェックポイントを書き込めません（%2）。書き込めるディスク上のフォルダーを「output」に指定してください。</translation>
    </message>
    <message>
        <source>it is not on a disk</source>
        <translation>ディスク上にありません</translation>
    </message>
    <message>
        <source>The disk of %1 has %2 MiB free, and a checkpoint of this run takes about %3 MiB. Free some space, or choose an &quot;output&quot; folder on another disk.</source>
        <translation>%1 のディスクの空きは %2 MiB ですが、この実行のチェックポイントには約 %3 MiB 必要です。空き容量を増やすか、別のディスクのフォルダーを「output」に指定してください。</translation>
    </message>
    <message>
        <source>training diverged at step %1: the gradients are not finite numbers (try a lower learning rate)</source>
        <translation>ステップ %1 で学習が発散しました。勾配が有限の数値ではありません（学習率を下げてみてください）</translation>
    </message>
</context>
<context>
    <name>WizardHelp</name>
    <message>
        <source>Help: %1</source>
        <translation>ヘルプ：%1</translation>
    </message>
    <message>
        <source>Open the guide</source>
        <translation>ガイドを開く</translation>
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
        <translation>「%1」— %2、ステップ %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training now&lt;/b&gt;: these runs go on whether this window is open or not.</source>
        <translation>&lt;b&gt;学習中&lt;/b&gt;：これらの実行は、このウィンドウを閉じても続きます。</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Watch the run %1</source>
        <translation>実行 %1 を表示</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::AddModelDialog</name>
    <message>
        <source>Add model folder</source>
        <translation>モデルフォルダーの追加</translation>
    </message>
    <message>
        <source>Checking the folder…</source>
        <translation>フォルダーを確認しています…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>フォルダー：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前：</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>アーキテクチャ：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>パラメーター数：</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>レイヤー数：</translation>
    </message>
    <message>
        <source>Context length:</source>
        <translation>コンテキスト長：</translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation>語彙数：</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>重み：</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>トークナイザー：</translation>
    </message>
    <message>
        <source>Chat template:</source>
        <translation>チャットテンプレート：</translation>
    </message>
    <message>
        <source>Add to catalog</source>
        <translation>カタログに追加</translation>
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
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>%1 in one file, %2</source>
        <translation>%1（1 ファイル）、%2</translation>
    </message>
    <message>
        <source>%1 in %2 files, %3</source>
        <translation>%1（%2 ファイル）、%3</translation>
    </message>
    <message>
        <source>tokenizer.json</source>
        <translation>tokenizer.json</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>no (base model)</source>
        <translation>なし（ベースモデル）</translation>
    </message>
    <message>
        <source>This folder cannot be trained yet:</source>
        <translation>このフォルダーはまだ学習に使用できません：</translation>
    </message>
    <message>
        <source>The catalog is not open: %1</source>
        <translation>カタログが開かれていません：%1</translation>
    </message>
    <message>
        <source>This folder does not hold a model. A model folder, as downloaded from Hugging Face, has config.json, the weights (.safetensors files) and tokenizer.json. What is missing here:</source>
        <translation>このフォルダーにはモデルがありません。Hugging Face からダウンロードしたモデルフォルダーには、config.json、重み（.safetensors ファイル）、tokenizer.json があります。ここで足りないもの：</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::AdvancedSettingsPage</name>
    <message>
        <source>Advanced settings</source>
        <translation>詳細設定</translation>
    </message>
    <message>
        <source>Every setting of the run, prefilled from the goal. Change what you know you need; the boxes only accept values in a safe range.</source>
        <translation>この実行のすべての設定です。目的に合わせてあらかじめ入力されています。必要だと分かっている項目だけ変更してください。入力欄には安全な範囲の値しか入力できません。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>LoRA (train small adapters)</source>
        <translation>LoRA（小さなアダプターを学習）</translation>
    </message>
    <message>
        <source>Full fine-tune (train every weight)</source>
        <translation>フルファインチューニング（すべての重みを学習）</translation>
    </message>
    <message>
        <source>as the epochs say</source>
        <translation>エポック数に従う</translation>
    </message>
    <message>
        <source>Cosine (slows down smoothly)</source>
        <translation>コサイン（なめらかに減速）</translation>
    </message>
    <message>
        <source>Linear (falls in a straight line)</source>
        <translation>線形（直線的に下がる）</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>一定</translation>
    </message>
    <message>
        <source>use the share</source>
        <translation>割合を使う</translation>
    </message>
    <message>
        <source>no clipping</source>
        <translation>クリッピングなし</translation>
    </message>
    <message>
        <source>at the end only</source>
        <translation>最後のみ</translation>
    </message>
    <message>
        <source>keep all</source>
        <translation>すべて保持</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>すべてのコア</translation>
    </message>
    <message>
        <source>Recompute activations in the backward pass</source>
        <translation>逆伝播でアクティベーションを再計算する</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>What is trained</source>
        <translation>学習する対象</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>手法：</translation>
    </message>
    <message>
        <source>LoRA rank:</source>
        <translation>LoRA ランク：</translation>
    </message>
    <message>
        <source>Size of the adapters. 8–64 is usual; higher holds more, costs more memory.</source>
        <translation>アダプターの大きさです。通常は 8–64 で、大きいほど多くを覚えられますが、メモリを多く使います。</translation>
    </message>
    <message>
        <source>LoRA alpha:</source>
        <translation>LoRA アルファ：</translation>
    </message>
    <message>
        <source>Strength of the adapters; usually twice the rank.</source>
        <translation>アダプターの強さです。通常はランクの 2 倍です。</translation>
    </message>
    <message>
        <source>LoRA dropout:</source>
        <translation>LoRA ドロップアウト：</translation>
    </message>
    <message>
        <source>Share of the adapters&apos; input dropped while training (0–0.1) against memorizing a small dataset.</source>
        <translation>学習中にアダプターへの入力を捨てる割合（0–0.1）です。小さなデータセットの丸暗記を防ぎます。</translation>
    </message>
    <message>
        <source>Adapted layers:</source>
        <translation>アダプターを付けるレイヤー：</translation>
    </message>
    <message>
        <source>The projections that get adapters: attention (q, k, v, o) and the feed-forward block (gate, up, down).</source>
        <translation>アダプターを付ける射影です：アテンション（q, k, v, o）とフィードフォワードブロック（gate, up, down）。</translation>
    </message>
    <message>
        <source>How fast it learns</source>
        <translation>学習の速さ</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学習率：</translation>
    </message>
    <message>
        <source>Size of each update. LoRA: 1e-4 to 3e-4; full fine-tuning about ten times lower (1e-5 to 3e-5).</source>
        <translation>1 回の更新の大きさです。LoRA では 1e-4～3e-4、フルファインチューニングではその約 10 分の 1（1e-5～3e-5）です。</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>エポック数：</translation>
    </message>
    <message>
        <source>Passes over the training examples. 1–3; more passes memorize.</source>
        <translation>学習用の例を何周するかです。1–3 が目安で、多すぎると丸暗記になります。</translation>
    </message>
    <message>
        <source>Stop after steps:</source>
        <translation>停止するステップ数：</translation>
    </message>
    <message>
        <source>A fixed number of optimizer steps instead of the epochs.</source>
        <translation>エポック数の代わりに、オプティマイザーのステップ数を固定で指定します。</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>スケジュール：</translation>
    </message>
    <message>
        <source>How the learning rate falls after the warm-up.</source>
        <translation>ウォームアップの後に学習率をどのように下げるかです。</translation>
    </message>
    <message>
        <source>Warm-up steps:</source>
        <translation>ウォームアップのステップ数：</translation>
    </message>
    <message>
        <source>Steps at the start in which the rate rises from zero.</source>
        <translation>最初に学習率をゼロから上げていくステップの数です。</translation>
    </message>
    <message>
        <source>Warm-up share:</source>
        <translation>ウォームアップの割合：</translation>
    </message>
    <message>
        <source>The warm-up as a share of all steps (0.03 is 3 %), when no number of steps is given.</source>
        <translation>ステップ数が指定されていない場合の、全ステップに対するウォームアップの割合です（0.03 は 3 %）。</translation>
    </message>
    <message>
        <source>Lowest rate:</source>
        <translation>最低学習率：</translation>
    </message>
    <message>
        <source>Where the schedule ends, as a share of the learning rate.</source>
        <translation>スケジュールの終点を、学習率に対する割合で指定します。</translation>
    </message>
    <message>
        <source>Gradient clipping:</source>
        <translation>勾配クリッピング：</translation>
    </message>
    <message>
        <source>Caps the size of an update (1.0 is usual) so that one odd batch cannot throw the model off.</source>
        <translation>1 回の更新の大きさに上限を設けます（通常は 1.0）。1 つの異常なバッチでモデルが崩れるのを防ぎます。</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>重み減衰：</translation>
    </message>
    <message>
        <source>Pulls weights toward zero a little each step (0–0.1).</source>
        <translation>ステップごとに重みを少しずつゼロに近づけます（0–0.1）。</translation>
    </message>
    <message>
        <source>Adam beta 1:</source>
        <translation>Adam beta 1：</translation>
    </message>
    <message>
        <source>How much of the past updates&apos; direction each update keeps (0.9).</source>
        <translation>各更新が過去の更新の方向をどれだけ引き継ぐかです（0.9）。</translation>
    </message>
    <message>
        <source>Adam beta 2:</source>
        <translation>Adam beta 2：</translation>
    </message>
    <message>
        <source>How slowly Adam&apos;s sense of the gradients&apos; size changes (0.999).</source>
        <translation>Adam が捉える勾配の大きさが、どれだけゆっくり変化するかです（0.999）。</translation>
    </message>
    <message>
        <source>Adam epsilon:</source>
        <translation>Adam epsilon：</translation>
    </message>
    <message>
        <source>Keeps Adam from dividing by zero (1e-8).</source>
        <translation>Adam がゼロで割るのを防ぎます（1e-8）。</translation>
    </message>
    <message>
        <source>Length and batch</source>
        <translation>長さとバッチ</translation>
    </message>
    <message>
        <source>Sequence length:</source>
        <translation>シーケンス長：</translation>
    </message>
    <message>
        <source>Tokens per example; longer examples are cut. At most the model&apos;s context. Memory grows with it.</source>
        <translation>1 つの例あたりのトークン数です。これより長い例は切り詰められます。上限はモデルのコンテキスト長です。大きいほどメモリを使います。</translation>
    </message>
    <message>
        <source>Micro-batch:</source>
        <translation>マイクロバッチ：</translation>
    </message>
    <message>
        <source>Examples that go through the model at once. Memory grows with it.</source>
        <translation>一度にモデルに通す例の数です。大きいほどメモリを使います。</translation>
    </message>
    <message>
        <source>Accumulation:</source>
        <translation>勾配累積：</translation>
    </message>
    <message>
        <source>Micro-batches added up before each update: a larger batch without the memory. Examples per update = micro-batch × accumulation.</source>
        <translation>各更新の前に合算するマイクロバッチの数です。メモリを増やさずにバッチを大きくできます。更新あたりの例の数 = マイクロバッチ × 勾配累積。</translation>
    </message>
    <message>
        <source>Activation checkpointing:</source>
        <translation>アクティベーションチェックポイント：</translation>
    </message>
    <message>
        <source>Keeps only each layer&apos;s input and recomputes the rest: much less memory for about a third more compute.</source>
        <translation>各レイヤーの入力だけを保持し、残りは再計算します。計算量が約 3 分の 1 増える代わりに、メモリを大幅に減らせます。</translation>
    </message>
    <message>
        <source>Evaluation and checkpoints</source>
        <translation>評価とチェックポイント</translation>
    </message>
    <message>
        <source>Evaluate every:</source>
        <translation>評価の間隔：</translation>
    </message>
    <message>
        <source>Optimizer steps between validation losses.</source>
        <translation>検証損失を計算する間隔（オプティマイザーのステップ数）です。</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>チェックポイントの間隔：</translation>
    </message>
    <message>
        <source>Optimizer steps between saved checkpoints, to resume from or export.</source>
        <translation>チェックポイントを保存する間隔（オプティマイザーのステップ数）です。保存したチェックポイントから再開やエクスポートができます。</translation>
    </message>
    <message>
        <source>Keep checkpoints:</source>
        <translation>保持するチェックポイント数：</translation>
    </message>
    <message>
        <source>The newest checkpoints kept; older ones are removed.</source>
        <translation>最新のチェックポイントをこの数だけ保持し、古いものは削除します。</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>マシン</translation>
    </message>
    <message>
        <source>Training memory limit:</source>
        <translation>学習用メモリの上限：</translation>
    </message>
    <message>
        <source>RAM limit:</source>
        <translation>RAM の上限：</translation>
    </message>
    <message>
        <source>Caps the RAM the run may use beyond that.</source>
        <translation>それとは別に、この実行が使用できる RAM の上限です。</translation>
    </message>
    <message>
        <source>Disk limit:</source>
        <translation>ディスクの上限：</translation>
    </message>
    <message>
        <source>Caps the space on the offload folder&apos;s SSD the run may use.</source>
        <translation>この実行が使用できる、オフロードフォルダーのある SSD の容量の上限です。</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>スレッド数：</translation>
    </message>
    <message>
        <source>Processor threads the run computes with.</source>
        <translation>この実行の計算に使うプロセッサーのスレッド数です。</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード：</translation>
    </message>
    <message>
        <source>Decides the data order and the adapters&apos; start; the same seed repeats a run.</source>
        <translation>データの順序とアダプターの初期値を決めます。同じシードを使えば同じ実行を再現できます。</translation>
    </message>
    <message>
        <source>The sequence length (%1 tokens) is longer than the model&apos;s context (%2 tokens). Choose %2 or less.</source>
        <translation>シーケンス長（%1 トークン）がモデルのコンテキスト長（%2 トークン）を超えています。%2 以下にしてください。</translation>
    </message>
    <message>
        <source>LoRA needs at least one adapted layer: tick one or more of q_proj … down_proj.</source>
        <translation>LoRA にはアダプターを付けるレイヤーが 1 つ以上必要です。q_proj … down_proj のうち 1 つ以上にチェックを入れてください。</translation>
    </message>
    <message>
        <source>Each update would use %1 examples (micro-batch × accumulation), but the dataset has only %2 training examples. Lower the micro-batch or the accumulation.</source>
        <translation>各更新で %1 個の例（マイクロバッチ × 勾配累積）を使いますが、データセットには学習用の例が %2 個しかありません。マイクロバッチか勾配累積を小さくしてください。</translation>
    </message>
    <message>
        <source>Every setting is already filled in from the goal, so you can simply go on. Each setting says what it does beside its box, and the boxes accept only values in a safe range. Going back to another goal, model or dataset fills them in again. Next checks that the settings fit together and names the one to change if they do not.</source>
        <translation>すべての設定は目的に合わせて入力済みなので、このまま次に進めます。各設定の役割は入力欄の横に書かれており、入力欄には安全な範囲の値しか入りません。戻って別の目的、モデル、データセットを選ぶと、設定はもう一度入力し直されます。「次へ」を押すと設定どうしが矛盾していないかを確認し、矛盾があれば変更すべき設定を示します。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Sample answers:</source>
        <translation>サンプルの回答：</translation>
    </message>
    <message>
        <source>Sample length:</source>
        <translation>サンプルの長さ：</translation>
    </message>
    <message>
        <source>New tokens per sample answer, at most.</source>
        <translation>サンプルの回答 1 件あたりの新しいトークン数の上限です。</translation>
    </message>
    <message>
        <source>Automatic (the graphics card when there is one)</source>
        <translation>自動（グラフィックカードがあればそれを使用）</translation>
    </message>
    <message>
        <source>Graphics card (NVIDIA GPU)</source>
        <translation>グラフィックカード（NVIDIA GPU）</translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation>プロセッサ（CPU）</translation>
    </message>
    <message>
        <source>the one with the most memory</source>
        <translation>メモリが最も多いもの</translation>
    </message>
    <message>
        <source>Train on:</source>
        <translation>学習するデバイス：</translation>
    </message>
    <message>
        <source>Where the run computes. Automatic takes the graphics card when this machine has one that can train (NVIDIA Ampere or newer), else the processor.</source>
        <translation>実行が計算を行う場所です。自動では、このマシンに学習できるグラフィックカード（NVIDIA Ampere 以降）があればそれを、なければプロセッサを使います。</translation>
    </message>
    <message>
        <source>Graphics card number:</source>
        <translation>グラフィックカード番号：</translation>
    </message>
    <message>
        <source>Which graphics card trains, counted from 0 as the Home page lists them, on a machine with several.</source>
        <translation>複数のグラフィックカードがあるマシンで、どれで学習するか。ホームの一覧と同じく 0 から数えます。</translation>
    </message>
    <message>
        <source>Prompts the model answers at each evaluation, from the validation samples (from the training samples when there are none), shown in the run monitor&apos;s Samples tab.</source>
        <translation>評価のたびにモデルが答えるプロンプトです。検証サンプルから（検証サンプルがない場合は学習サンプルから）取り、実行モニターの「サンプル」タブに表示します。</translation>
    </message>
    <message>
        <source>%1 steps show each of the %2 training examples about %3 times: the model learns them by heart instead of learning from them. Usual is 1 to 3 passes over the examples, here %4 to %5 steps.</source>
        <translation>%1 ステップでは %2 件の学習例それぞれを約 %3 回見せることになり、モデルは例から学ぶのではなく丸暗記してしまいます。通常は学習例を 1〜3 周、ここでは %4〜%5 ステップです。</translation>
    </message>
    <message>
        <source>Caps the GPU memory the run may use or, when the processor trains, the memory set aside for its calculations.</source>
        <translation>この実行が使用できる GPU メモリの上限です。プロセッサで学習する場合は、計算用に確保するメモリの上限です。</translation>
    </message>
    <message>
        <source>QLoRA (small adapters, the model kept in 4 bits)</source>
        <translation>QLoRA（小さなアダプター、モデルは 4 ビットで保持）</translation>
    </message>
    <message>
        <source>LoRA trains small adapters beside the frozen model: far less memory, and the result is a small file. QLoRA does the same with the model kept in 4 bits: about a quarter of the model&apos;s memory, slightly slower steps. Full fine-tuning changes every weight.</source>
        <translation>LoRA は固定したモデルの横に小さなアダプターを学習します。メモリがはるかに少なく、結果は小さなファイルです。QLoRA は同じことをモデルを 4 ビットで保持して行います。モデルのメモリは約 4 分の 1 で、ステップは少し遅くなります。フル微調整はすべての重みを変更します。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::CachedModelsPanel</name>
    <message>
        <source>On this computer</source>
        <translation>このコンピューター上</translation>
    </message>
    <message>
        <source>Add to catalog</source>
        <translation>カタログに追加</translation>
    </message>
    <message>
        <source>Downloaded models found in the Hugging Face cache (%1) that are not in the catalog yet.</source>
        <translation>Hugging Face キャッシュ（%1）にある、まだカタログにないダウンロード済みモデルです。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>重み</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::CatalogListPage</name>
    <message>
        <source>The catalog could not be opened</source>
        <translation>カタログを開けませんでした</translation>
    </message>
    <message>
        <source>The catalog could not be read</source>
        <translation>カタログを読み込めませんでした</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ChatColumn</name>
    <message>
        <source>No model loaded</source>
        <translation>モデルが読み込まれていません</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>The answer could not be generated: %1</source>
        <translation>回答を生成できませんでした：%1</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>The model could not be loaded</source>
        <translation>モデルを読み込めませんでした</translation>
    </message>
    <message>
        <source>This model has no chat template, so it works in plain completion mode: it continues each message you send as text, without the earlier turns.</source>
        <translation>このモデルにはチャットテンプレートがないため、単純な補完モードで動作します。送信した各メッセージの続きをテキストとして書きます。それより前のやり取りは使いません。</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>生成しています…</translation>
    </message>
    <message>
        <source>Stopped: %1 · %2 tokens · %3 tokens/s</source>
        <translation>停止：%1 · %2 トークン · %3 tokens/s</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ChatWorker</name>
    <message>
        <source>the model ended its answer</source>
        <translation>モデルが回答を終えました</translation>
    </message>
    <message>
        <source>a stop string appeared</source>
        <translation>停止文字列が現れました</translation>
    </message>
    <message>
        <source>the limit of new tokens was reached</source>
        <translation>新しいトークンの上限に達しました</translation>
    </message>
    <message>
        <source>the model&apos;s context is full</source>
        <translation>モデルのコンテキストがいっぱいです</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>ユーザーが停止しました</translation>
    </message>
    <message>
        <source>No model or checkpoint was chosen.</source>
        <translation>モデルもチェックポイントも選択されていません。</translation>
    </message>
    <message>
        <source>The model folder %1 does not exist (moved or deleted?).</source>
        <translation>モデルフォルダー %1 がありません（移動または削除されましたか？）。</translation>
    </message>
    <message>
        <source>Base model: %1</source>
        <translation>ベースモデル：%1</translation>
    </message>
    <message>
        <source>%1 with checkpoint %2</source>
        <translation>%1（チェックポイント %2）</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>メッセージが空です。</translation>
    </message>
    <message>
        <source>%1, saved at step %2</source>
        <translation>%1（ステップ %2 で保存）</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DatasetChoicePage</name>
    <message>
        <source>Choose the dataset</source>
        <translation>データセットを選択</translation>
    </message>
    <message>
        <source>The examples the model learns from, as imported on the Datasets page.</source>
        <translation>モデルが学習する例です。「データセット」ページでインポートしたものから選びます。</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>データセット：</translation>
    </message>
    <message>
        <source>Choose one of the datasets imported on the Datasets page. The training examples teach the model; the validation examples, held back at import, measure how well it does on text it has not seen. A dataset imported for another model is prepared for this one on the memory plan page.</source>
        <translation>「データセット」ページでインポートしたデータセットから 1 つ選んでください。学習用の例でモデルを学習させ、インポート時に取っておいた検証用の例で、見たことのないテキストに対する出来を測ります。別のモデル用にインポートしたデータセットは、メモリープランのページでこのモデル用に準備されます。</translation>
    </message>
    <message>
        <source>There is no dataset yet. Import one on the Datasets page first.</source>
        <translation>データセットがまだありません。先に「データセット」ページでデータセットをインポートしてください。</translation>
    </message>
    <message>
        <source>%1 training examples and %2 for validation, %3 tokens in all.</source>
        <translation>学習用の例 %1 個と検証用 %2 個、合計 %3 トークン。</translation>
    </message>
    <message>
        <source>The longest example has %1 tokens.</source>
        <translation>最も長い例は %1 トークンです。</translation>
    </message>
    <message>
        <source>It was prepared for “%1”; its examples are turned into tokens for “%2” when the memory plan is made (a moment for a large dataset), and kept for later runs.</source>
        <translation>このデータセットは「%1」用に準備されました。メモリ計画を作るときに、例を「%2」用のトークンに変換し（大きなデータセットでは少し時間がかかります）、以降の実行のために保存します。</translation>
    </message>
    <message>
        <source>There is no dataset to learn from. Import one on the Datasets page first.</source>
        <translation>学習に使うデータセットがありません。先に「データセット」ページでデータセットをインポートしてください。</translation>
    </message>
    <message>
        <source>The files of the dataset “%1” are missing (%2). Import it again on the Datasets page.</source>
        <translation>データセット「%1」のファイルが見つかりません（%2）。「データセット」ページでインポートし直してください。</translation>
    </message>
    <message>
        <source>The dataset “%1” has no training examples.</source>
        <translation>データセット「%1」には学習用の例がありません。</translation>
    </message>
    <message>
        <source>“%1” holds conversations, and “%2” has no chat template to write them out with (it is a base model). Choose a chat model on the first page, or a dataset of plain text or prompts with completions.</source>
        <translation>「%1」は会話のデータセットですが、「%2」には会話を書き出すためのチャットテンプレートがありません（ベースモデルです）。最初のページでチャットモデルを選ぶか、プレーンテキストまたはプロンプトと応答のデータセットを選んでください。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DatasetKindPage</name>
    <message>
        <source>What kind of dataset</source>
        <translation>データセットの種類</translation>
    </message>
    <message>
        <source>The documents are cut into parts of a length in tokens. The parts can be learned as they are, or a model can write questions and answers about each of them.</source>
        <translation>文書はトークン数で決めた長さの部分に分けられます。部分をそのまま学習させることも、モデルに各部分についての質問と回答を書かせることもできます。</translation>
    </message>
    <message>
        <source>Text, for continued pre-training (the model learns the documents&apos; language and facts)</source>
        <translation>テキスト（継続事前学習用：モデルが文書の言葉づかいと事実を学びます）</translation>
    </message>
    <message>
        <source>Questions and answers, written by a model from each part (for an assistant that answers about them)</source>
        <translation>質問と回答（各部分からモデルが作成：文書について答えるアシスタント用）</translation>
    </message>
    <message>
        <source>Part length (tokens):</source>
        <translation>部分の長さ（トークン）：</translation>
    </message>
    <message>
        <source>Overlap between parts (tokens):</source>
        <translation>部分どうしの重なり（トークン）：</translation>
    </message>
    <message>
        <source>Each part holds whole paragraphs up to the length; consecutive parts of a document share about the overlap, so that what is said near a cut keeps its context. The overlap must be less than half the length.</source>
        <translation>各部分には、長さの範囲内で段落が丸ごと入ります。同じ文書の隣り合う部分は重なりの分だけ内容を共有するので、区切りの近くの内容も前後の文脈を失いません。重なりは長さの半分未満にしてください。</translation>
    </message>
    <message>
        <source>Questions per part:</source>
        <translation>部分ごとの質問数：</translation>
    </message>
    <message>
        <source>Questions per part</source>
        <translation>部分ごとの質問数</translation>
    </message>
    <message>
        <source>Restore the default prompt</source>
        <translation>既定のプロンプトに戻す</translation>
    </message>
    <message>
        <source>In the prompt, {count} becomes the number of questions, {title} the document&apos;s title, {section} the heading the part is under, {pages} its pages and {text} the part itself, which the prompt must contain.</source>
        <translation>プロンプトの中の {count} は質問の数、{title} は文書のタイトル、{section} はその部分が属する見出し、{pages} はそのページ、{text} は部分そのものに置き換わります。{text} は必ず入れてください。</translation>
    </message>
    <message>
        <source>Prompt the model reads:</source>
        <translation>モデルに渡すプロンプト：</translation>
    </message>
    <message>
        <source>Model that writes them:</source>
        <translation>作成するモデル：</translation>
    </message>
    <message>
        <source>The part length was %1 tokens, more than the context of %2 (%3 tokens), so it is now %3 tokens.</source>
        <translation>部分の長さは %1 トークンで、%2 のコンテキスト（%3 トークン）を超えていたため、%3 トークンにしました。</translation>
    </message>
    <message>
        <source>The overlap was %1 tokens, not less than half a part, so it is now %2 tokens.</source>
        <translation>重なりは %1 トークンで、部分の長さの半分未満ではなかったため、%2 トークンにしました。</translation>
    </message>
    <message>
        <source>The model must follow instructions: an instruct or chat model (its name often ends in Instruct or Chat). It runs on the graphics card when this computer has a usable one, else on the processor, which is much slower.</source>
        <translation>指示に従えるモデル、つまり Instruct モデルかチャットモデル（名前が Instruct や Chat で終わることが多いです）が必要です。このコンピューターに使えるグラフィックカードがあればそこで動き、なければプロセッサで動きます（かなり遅くなります）。</translation>
    </message>
    <message>
        <source>%1 has no chat template, so it is probably a base model, which continues a text rather than following an instruction. Choose an instruct or chat model.</source>
        <translation>%1 にはチャットテンプレートがないため、おそらく基盤モデルです。基盤モデルは指示に従わず、文章の続きを書きます。Instruct モデルかチャットモデルを選んでください。</translation>
    </message>
    <message>
        <source>Add a chat model on the Models page first: it writes the questions.</source>
        <translation>先に「モデル」ページでチャットモデルを追加してください。質問はそのモデルが書きます。</translation>
    </message>
    <message>
        <source>The prompt cannot be used: %1.</source>
        <translation>このプロンプトは使えません：%1。</translation>
    </message>
    <message>
        <source>Text teaches the model the documents&apos; language and facts: it continues its pre-training on them. Questions and answers teach an assistant to answer about the documents: a chat model you have reads each part with the prompt below and writes the questions and their answers, which you review before they become the dataset. Writing them takes a while (most of all without a graphics card); it can be stopped and goes on later where it stopped.</source>
        <translation>「テキスト」は文書の言葉づかいと事実をモデルに教えます。モデルは文書を使って事前学習を続けます。「質問と回答」は文書について答えるアシスタントを育てます。お持ちのチャットモデルが各部分を下のプロンプトとともに読んで質問と回答を書き、それを確認してからデータセットにします。書き出しには時間がかかります（グラフィックカードがない場合は特に）。途中で止めても、後で止めたところから続けられます。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DatasetsPage</name>
    <message>
        <source>Datasets</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>The examples your models learn from.</source>
        <translation>モデルが学習に使う例です。</translation>
    </message>
    <message>
        <source>No datasets yet</source>
        <translation>データセットはまだありません</translation>
    </message>
    <message>
        <source>A dataset is a file of examples: questions and answers, conversations or documents, as JSONL, JSON, CSV or plain text. Imported datasets are listed here with their format, rows and tokens; every row that cannot be used is reported, never silently dropped.</source>
        <translation>データセットとは、質問と回答、会話、文書などの例をまとめたファイルです（JSONL、JSON、CSV、プレーンテキスト）。インポートしたデータセットは、形式・行数・トークン数とともにここに表示されます。使えない行はすべて報告され、黙って除外されることはありません。</translation>
    </message>
    <message>
        <source>Import dataset…</source>
        <translation>データセットをインポート…</translation>
    </message>
    <message>
        <source>Try an example</source>
        <translation>サンプルを試す</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Import a small set of conversations written for Tiertune, to see how it works.</source>
        <translation>Tiertune 用に用意した少量の会話データをインポートして、使い方を確かめられます。</translation>
    </message>
    <message>
        <source>Add a model on the Models page first: a dataset is prepared for a model.</source>
        <translation>先に「モデル」ページでモデルを追加してください。データセットはモデルに合わせて準備されます。</translation>
    </message>
    <message>
        <source>Choose a dataset file</source>
        <translation>データセットファイルを選択</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation>データセット (*.jsonl *.json *.csv *.tsv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>The example could not be copied to %1.</source>
        <translation>サンプルを %1 にコピーできませんでした。</translation>
    </message>
    <message>
        <source>Delete dataset</source>
        <translation>データセットの削除</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; and its prepared files? The file it was imported from stays where it is; runs that used it keep their history.</source>
        <translation>「%1」とその準備済みファイルを削除しますか？インポート元のファイルはそのまま残り、このデータセットを使った実行の履歴も保持されます。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Training rows</source>
        <translation>学習用の行数</translation>
    </message>
    <message>
        <source>Validation rows</source>
        <translation>検証用の行数</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>インポート元</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>インポート日時</translation>
    </message>
    <message>
        <source>Prepared for</source>
        <translation>準備したモデル</translation>
    </message>
    <message>
        <source>Make a dataset from documents…</source>
        <translation>文書からデータセットを作成…</translation>
    </message>
    <message>
        <source>Reads PDF, Word, OpenDocument, web pages, Markdown and text files and makes them a dataset: as text, or as questions and answers a model writes.</source>
        <translation>PDF、Word、OpenDocument、Web ページ、Markdown、テキストファイルを読み込み、データセットにします。テキストのまま使うことも、モデルが書いた質問と回答にすることもできます。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentImportPage</name>
    <message>
        <source>Making the dataset</source>
        <translation>データセットを作成中</translation>
    </message>
    <message>
        <source>The examples are written, checked, split and cut into tokens. Cancel leaves the catalog as it was.</source>
        <translation>例を書き出し、確認し、分割してトークンに変換します。キャンセルするとカタログは元のままです。</translation>
    </message>
    <message>
        <source>The dataset is made in the background and this page shows how far it is. Cancel stops it and adds nothing to the catalog. When it is done, the summary follows.</source>
        <translation>データセットはバックグラウンドで作成され、このページに進み具合が表示されます。キャンセルすると処理を止め、カタログには何も追加しません。完了すると概要が表示されます。</translation>
    </message>
    <message>
        <source>Progress of the dataset</source>
        <translation>データセット作成の進み具合</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <source>Writing the questions and answers kept…</source>
        <translation>残した質問と回答を書き出しています…</translation>
    </message>
    <message>
        <source>Cutting the documents into parts…</source>
        <translation>文書を部分に分けています…</translation>
    </message>
    <message>
        <source>Examples checked and cut into tokens: %1</source>
        <translation>確認してトークンに変換した例：%1</translation>
    </message>
    <message>
        <source>The dataset could not be made, and nothing was added to the catalog: %1</source>
        <translation>データセットを作成できず、カタログには何も追加されていません：%1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was added to the catalog.</source>
        <translation>キャンセルしました。カタログには何も追加されていません。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>何もインポートされませんでした：%1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentReadPage</name>
    <message>
        <source>What was read</source>
        <translation>読み込んだ内容</translation>
    </message>
    <message>
        <source>Every document with what was found in it. Files that could not be read are listed with the reason; nothing is left out without appearing here.</source>
        <translation>すべての文書と、その中に見つかった内容です。読み込めなかったファイルは理由とともに表示され、ここに出ないまま除外されるものはありません。</translation>
    </message>
    <message>
        <source>The documents are read and cleaned: running headers and footers, page numbers and words broken across lines are taken care of, and the Notes column says what was done. A file that cannot be read (a scanned PDF without text, a protected or damaged file) is listed with the reason and left out; the others go on. Cancel stops reading; Read again starts over.</source>
        <translation>文書を読み込んで整えます。各ページのヘッダーとフッター、ページ番号、行をまたいで分かれた単語を処理し、何をしたかを「メモ」列に示します。読み込めないファイル（テキストのないスキャン PDF、保護されたファイルや壊れたファイル）は理由とともに表示されて除外され、残りの処理は続きます。「読み込みをキャンセル」で読み込みを止め、「もう一度読み込む」で最初からやり直します。</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>読み込みの進み具合</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>読み込みをキャンセル</translation>
    </message>
    <message>
        <source>Cancelling after the documents being read…</source>
        <translation>読み込み中の文書が終わったところでキャンセルします…</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>もう一度読み込む</translation>
    </message>
    <message>
        <source>Reads every document again, for files that changed since.</source>
        <translation>その後変更されたファイルに合わせて、すべての文書を読み込み直します。</translation>
    </message>
    <message>
        <source>Documents read</source>
        <translation>読み込んだ文書</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>単語数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
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
        <translation>Web ページ（HTML）</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>Looking for documents…</source>
        <translation>文書を探しています…</translation>
    </message>
    <message>
        <source>Reading document %1 of %2…</source>
        <translation>%2 件中 %1 件目の文書を読み込んでいます…</translation>
    </message>
    <message>
        <source>%1 of %2 documents read (the last: %3)</source>
        <translation>%2 件中 %1 件の文書を読み込みました（最後：%3）</translation>
    </message>
    <message>
        <source>Reading was cancelled. Nothing was kept; press Read again to start over.</source>
        <translation>読み込みをキャンセルしました。何も残していません。最初からやり直すには「もう一度読み込む」を押してください。</translation>
    </message>
    <message>
        <source>The documents could not be read: %1</source>
        <translation>文書を読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>タイトル：%1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>読み込めません：%1</translation>
    </message>
    <message>
        <source>Documents read: %1, with %2 words in all.</source>
        <translation>読み込んだ文書：%1（合計 %2 語）。</translation>
    </message>
    <message>
        <source>Not read: %1 (listed with the reason; they are left out).</source>
        <translation>読み込めなかった文書：%1（理由とともに表示しています。これらは除外されます）。</translation>
    </message>
    <message>
        <source>Other files in the folders, not documents: %1 (skipped).</source>
        <translation>フォルダー内の文書以外のファイル：%1（スキップ）。</translation>
    </message>
    <message>
        <source>No document could be read, so there is nothing to make a dataset of. Go back and choose other files.</source>
        <translation>読み込める文書がなかったため、データセットにできるものがありません。前に戻って別のファイルを選んでください。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentSourceList</name>
    <message>
        <source>Folder: its documents and those of its sub-folders are read.</source>
        <translation>フォルダー：その中とサブフォルダー内の文書を読み込みます。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Drop files and folders here, or add them with the buttons.</source>
        <translation>ここにファイルやフォルダーをドロップするか、ボタンで追加してください。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentSourcesPage</name>
    <message>
        <source>Choose the documents and the model</source>
        <translation>文書とモデルを選ぶ</translation>
    </message>
    <message>
        <source>PDF, Word (DOCX), OpenDocument (ODT), web pages (HTML), Markdown and text files. A folder is read with its sub-folders.</source>
        <translation>PDF、Word（DOCX）、OpenDocument（ODT）、Web ページ（HTML）、Markdown、テキストファイルに対応しています。フォルダーはサブフォルダーも含めて読み込みます。</translation>
    </message>
    <message>
        <source>Add the files and folders the dataset is made from, with the buttons or by dropping them on the list. Files of other kinds in the folders (images, spreadsheets) are skipped and counted. Choose the model you will fine-tune: its tokenizer cuts the documents into parts and counts them in its tokens. The name is how the dataset appears on the Datasets page; a name the catalog already has is refused. Next reads the documents.</source>
        <translation>データセットの元になるファイルやフォルダーを、ボタンで追加するか一覧にドロップしてください。フォルダー内のほかの種類のファイル（画像、表計算ファイルなど）はスキップされ、その数が表示されます。ファインチューニングするモデルを選んでください。そのトークナイザーが文書を部分に分け、トークン数を数えます。名前は「データセット」ページでの表示名です。カタログにすでにある名前は使えません。「次へ」で文書を読み込みます。</translation>
    </message>
    <message>
        <source>Files and folders to read</source>
        <translation>読み込むファイルとフォルダー</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Choose documents</source>
        <translation>文書を選ぶ</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.docx *.odt *.html *.htm *.md *.markdown *.txt)</source>
        <translation>文書 (*.pdf *.docx *.odt *.html *.htm *.md *.markdown *.txt)</translation>
    </message>
    <message>
        <source>Choose a folder of documents</source>
        <translation>文書のフォルダーを選ぶ</translation>
    </message>
    <message>
        <source>The model you will fine-tune on this dataset: its tokenizer cuts the documents into parts.</source>
        <translation>このデータセットでファインチューニングするモデルです。そのトークナイザーが文書を部分に分けます。</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>文書：</translation>
    </message>
    <message>
        <source>For the model:</source>
        <translation>対象のモデル：</translation>
    </message>
    <message>
        <source>Dataset name:</source>
        <translation>データセット名：</translation>
    </message>
    <message>
        <source>There is no model in the catalog yet. Add one on the Models page first: the dataset is prepared for a particular model.</source>
        <translation>カタログにはまだモデルがありません。先に「モデル」ページでモデルを追加してください。データセットは特定のモデルに合わせて準備されます。</translation>
    </message>
    <message>
        <source>Add at least one document or folder.</source>
        <translation>文書かフォルダーを少なくとも 1 つ追加してください。</translation>
    </message>
    <message>
        <source>%1 is not there any more (moved or deleted?). Remove it from the list.</source>
        <translation>%1 が見つかりません（移動または削除されましたか？）。一覧から削除してください。</translation>
    </message>
    <message>
        <source>Add a model on the Models page first.</source>
        <translation>先に「モデル」ページでモデルを追加してください。</translation>
    </message>
    <message>
        <source>Give the dataset a name.</source>
        <translation>データセットに名前を付けてください。</translation>
    </message>
    <message>
        <source>The catalog already has a dataset named &quot;%1&quot;: choose another name, or delete that dataset on the Datasets page first.</source>
        <translation>カタログにはすでに「%1」という名前のデータセットがあります。別の名前を選ぶか、先に「データセット」ページでそのデータセットを削除してください。</translation>
    </message>
    <message>
        <source>Questions were written for a dataset of this name before and are kept: asking for questions and answers with the same documents and settings goes on where they stopped.</source>
        <translation>この名前のデータセット用に以前作成された質問が残っています。同じ文書と設定で質問と回答を選ぶと、止まったところから続きます。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentSummaryPage</name>
    <message>
        <source>The dataset is ready</source>
        <translation>データセットの準備ができました</translation>
    </message>
    <message>
        <source>The dataset is now on the Datasets page, prepared for the model you chose. Each example keeps the document and pages it came from in the examples file, and the dataset keeps the list of documents it was made from. Start a run from the Runs page with New fine-tune.</source>
        <translation>データセットは、選んだモデル用に準備されて「データセット」ページに追加されました。例ファイルには各例の元の文書とページが記録され、データセットには元になった文書の一覧が残ります。「実行」ページの「新しいファインチューニング」から実行を開始できます。</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>“%1” is ready. Documents: %2. Training examples: %3. Validation examples: %4. Tokens: %5.</source>
        <translation>「%1」の準備ができました。文書：%2。学習用の例：%3。検証用の例：%4。トークン：%5。</translation>
    </message>
    <message>
        <source>Question-answer pairs kept in the review: %1.</source>
        <translation>確認で残した質問と回答の組：%1。</translation>
    </message>
    <message>
        <source>Parts left out because they nearly repeat an earlier part: %1.</source>
        <translation>前の部分とほぼ同じ内容のため除外した部分：%1。</translation>
    </message>
    <message>
        <source>Examples left out by the check: %1 (their list, with the reasons, is in the dataset&apos;s folder).</source>
        <translation>確認で除外された例：%1（理由つきの一覧はデータセットのフォルダーにあります）。</translation>
    </message>
    <message>
        <source>Every example, with the document, pages and section it came from, is in %1</source>
        <translation>すべての例が、元の文書・ページ・セクションとともに %1 にあります</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentsWizard</name>
    <message>
        <source>Make a dataset from documents</source>
        <translation>文書からデータセットを作成</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DownloadModelDialog</name>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>ダウンロードを取り消す</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Download a model</source>
        <translation>モデルをダウンロード</translation>
    </message>
    <message>
        <source>Search the Hugging Face Hub, for example qwen2.5 instruct</source>
        <translation>Hugging Face Hub を検索（例：qwen2.5 instruct）</translation>
    </message>
    <message>
        <source>Model to search for</source>
        <translation>検索するモデル</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター数</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>ダウンロード数</translation>
    </message>
    <message>
        <source>Quick LoRA</source>
        <translation>クイック LoRA</translation>
    </message>
    <message>
        <source>Full fine-tune</source>
        <translation>フルファインチューニング</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>ダウンロードの進行状況</translation>
    </message>
    <message>
        <source>Models go into the Hugging Face cache that Python tools share, so nothing is downloaded twice. The times assume examples of about 400 tokens.</source>
        <translation>モデルは Python ツールと共有する Hugging Face キャッシュに入るので、二重にダウンロードされることはありません。時間は 1 件あたり約 400 トークンの例を想定しています。</translation>
    </message>
    <message>
        <source>Good first models for this computer</source>
        <translation>このコンピューターに向いた最初のモデル</translation>
    </message>
    <message>
        <source>Models on the Hub matching “%1”</source>
        <translation>「%1」に一致する Hub 上のモデル</translation>
    </message>
    <message>
        <source>looking up…</source>
        <translation>調べています…</translation>
    </message>
    <message>
        <source>nothing found</source>
        <translation>見つかりませんでした</translation>
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
        <translation>GPU に収まる · %1</translation>
    </message>
    <message>
        <source>Streams from RAM · %1</source>
        <translation>RAM から順次転送 · %1</translation>
    </message>
    <message>
        <source>Trains in RAM · %1</source>
        <translation>RAM 上で学習 · %1</translation>
    </message>
    <message>
        <source>Needs the SSD · %1</source>
        <translation>SSD が必要 · %1</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation>収まりません</translation>
    </message>
    <message>
        <source>(needs sign-in)</source>
        <translation>（サインインが必要）</translation>
    </message>
    <message>
        <source>per 1,000 examples, one pass</source>
        <translation>1,000 件の例を 1 周あたり</translation>
    </message>
    <message>
        <source>Cannot be trained</source>
        <translation>学習できません</translation>
    </message>
    <message>
        <source>Sign in to check</source>
        <translation>サインインして確認</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>利用できません</translation>
    </message>
    <message>
        <source>%1 cannot be downloaded for training: %2</source>
        <translation>%1 は学習用にダウンロードできません：%2</translation>
    </message>
    <message>
        <source>%1: %2 parameters, %3 downloads, %4 likes.</source>
        <translation>%1：パラメーター %2、ダウンロード %3 回、いいね %4。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Starting the download of %1…</source>
        <translation>%1 のダウンロードを開始しています…</translation>
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
        <translation>残り約 %1</translation>
    </message>
    <message>
        <source>%1 is downloaded and added to your models.</source>
        <translation>%1 をダウンロードし、モデルに追加しました。</translation>
    </message>
    <message>
        <source>Not even Quick LoRA fits on this computer. %1</source>
        <translation>このコンピューターではクイック LoRA も収まりません。%1</translation>
    </message>
    <message>
        <source>Not even Quick LoRA fits on this computer.</source>
        <translation>このコンピューターではクイック LoRA も収まりません。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::EmptyState</name>
    <message>
        <source>The catalog could not be opened</source>
        <translation>カタログを開けませんでした</translation>
    </message>
    <message>
        <source>Choose another data folder in Settings, or fix the problem and restart Tiertune. Nothing has been changed or deleted.</source>
        <translation>「設定」で別のデータフォルダーを選ぶか、問題を解決してから Tiertune を再起動してください。何も変更・削除されていません。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ExportDialog</name>
    <message>
        <source>Also write an Ollama Modelfile</source>
        <translation>Ollama の Modelfile も書き出す</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>エクスポートを中止</translation>
    </message>
    <message>
        <source>Step %1 (latest)</source>
        <translation>ステップ %1（最新）</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>LoRA adapter (PEFT), to load on top of the base model</source>
        <translation>LoRA アダプター（PEFT）、ベースモデルに重ねて読み込む</translation>
    </message>
    <message>
        <source>Merged model (Hugging Face folder)</source>
        <translation>マージ済みモデル（Hugging Face フォルダー）</translation>
    </message>
    <message>
        <source>GGUF for llama.cpp, Ollama and LM Studio</source>
        <translation>llama.cpp・Ollama・LM Studio 用の GGUF</translation>
    </message>
    <message>
        <source>float32 (as trained)</source>
        <translation>float32（学習したまま）</translation>
    </message>
    <message>
        <source>bfloat16 (half the size)</source>
        <translation>bfloat16（サイズ半分）</translation>
    </message>
    <message>
        <source>float16 (half the size, for older GPUs)</source>
        <translation>float16（サイズ半分、古い GPU 向け）</translation>
    </message>
    <message>
        <source>F16 (full quality)</source>
        <translation>F16（品質そのまま）</translation>
    </message>
    <message>
        <source>BF16 (full quality)</source>
        <translation>BF16（品質そのまま）</translation>
    </message>
    <message>
        <source>Q8_0 (half the size, nearly full quality)</source>
        <translation>Q8_0（サイズ半分、品質はほぼそのまま）</translation>
    </message>
    <message>
        <source>One folder (llama.cpp, Ollama)</source>
        <translation>1 つのフォルダー（llama.cpp、Ollama）</translation>
    </message>
    <message>
        <source>LM Studio models folder (publisher/model/)</source>
        <translation>LM Studio のモデルフォルダー（公開者/モデル/）</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>チェックポイント</translation>
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
        <translation>GGUF の種類</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>公開者</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存先</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>This run has no checkpoint to export yet.</source>
        <translation>この実行にはまだエクスポートできるチェックポイントがありません。</translation>
    </message>
    <message>
        <source>LM Studio&apos;s models folder</source>
        <translation>LM Studio のモデルフォルダー</translation>
    </message>
    <message>
        <source>A new folder for the export</source>
        <translation>エクスポート用の新しいフォルダー</translation>
    </message>
    <message>
        <source>Where to create the export&apos;s folder</source>
        <translation>エクスポートのフォルダーを作る場所</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1 にエクスポートしました</translation>
    </message>
    <message>
        <source>The export did not succeed: %1</source>
        <translation>エクスポートできませんでした: %1</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was left behind.</source>
        <translation>エクスポートを中止しました。ファイルは何も残っていません。</translation>
    </message>
    <message>
        <source>Exporting… a large model takes several minutes.</source>
        <translation>エクスポート中… 大きなモデルでは数分かかります。</translation>
    </message>
    <message>
        <source>Export a run</source>
        <translation>実行のエクスポート</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>「%1」をエクスポート</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::GenerationSettingsPanel</name>
    <message>
        <source>Generation settings</source>
        <translation>生成の設定</translation>
    </message>
    <message>
        <source>e.g. ###|User:</source>
        <translation>例：###|User:</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>0 always takes the most likely word; 0.7 is lively; above 1.2 answers turn random.</source>
        <translation>0 では常に最も確率の高い語を選びます。0.7 で変化に富んだ回答になり、1.2 を超えると回答がでたらめになります。</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Choose only among the k most likely tokens; 0 keeps them all. 40 is common.</source>
        <translation>確率の高い上位 k 個のトークンの中からだけ選びます。0 ではすべてを残します。よく使われる値は 40 です。</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Choose among the most likely tokens that together reach this probability; 1 keeps all.</source>
        <translation>確率の高いトークンから順に、合計がこの確率に達するまでのトークンの中から選びます。1 ではすべてを残します。</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>繰り返しペナルティ</translation>
    </message>
    <message>
        <source>Above 1 makes the model repeat itself less; 1.1 is usually enough.</source>
        <translation>1 より大きくすると、モデルが同じことを繰り返しにくくなります。通常は 1.1 で十分です。</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>新しいトークンの最大数</translation>
    </message>
    <message>
        <source>The longest answer, in tokens (about ¾ of a word each).</source>
        <translation>回答の最大の長さ（トークン数）です（1 トークンは英単語の約 ¾）。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>The same seed and settings give the same answer again.</source>
        <translation>シードと設定が同じなら、同じ回答が再び得られます。</translation>
    </message>
    <message>
        <source>Stop strings</source>
        <translation>停止文字列</translation>
    </message>
    <message>
        <source>The answer ends where one of these appears; separate several with |.</source>
        <translation>これらのいずれかが現れたところで回答を終えます。複数指定するときは | で区切ります。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::GettingStartedPanel</name>
    <message>
        <source>Check this machine</source>
        <translation>このマシンを確認する</translation>
    </message>
    <message>
        <source>See below what the graphics card, the memory and the SSD offer, and measure the offload folder&apos;s speed once: the memory plan of every run uses it.</source>
        <translation>グラフィックカード、メモリー、SSD の性能を下で確認し、オフロードフォルダーの速度を一度測定してください。すべての実行のメモリープランがこの値を使います。</translation>
    </message>
    <message>
        <source>Measure the disk</source>
        <translation>ディスクを測定</translation>
    </message>
    <message>
        <source>Add a base model</source>
        <translation>ベースモデルを追加する</translation>
    </message>
    <message>
        <source>Choose a model folder downloaded from Hugging Face (Llama, Mistral or Qwen). It is checked and kept in the catalog; nothing is copied.</source>
        <translation>Hugging Face からダウンロードしたモデルフォルダー（Llama、Mistral、Qwen）を選びます。内容を確認してカタログに登録します。ファイルはコピーしません。</translation>
    </message>
    <message>
        <source>Add a model…</source>
        <translation>モデルを追加…</translation>
    </message>
    <message>
        <source>Try the example dataset</source>
        <translation>サンプルのデータセットを試す</translation>
    </message>
    <message>
        <source>Import the small example conversations that come with Tiertune to see how a dataset is checked, previewed and split. Your own files are imported the same way.</source>
        <translation>Tiertune に付属する小さな会話サンプルを取り込み、データセットがどのように確認・プレビュー・分割されるかを見てみましょう。ご自分のファイルも同じ手順で取り込めます。</translation>
    </message>
    <message>
        <source>Try the example</source>
        <translation>サンプルを試す</translation>
    </message>
    <message>
        <source>The fine-tune wizard picks settings that suit the model and the dataset, shows where the training state will live, and starts the run. You can follow it live.</source>
        <translation>ファインチューニングウィザードがモデルとデータセットに合った設定を選び、学習状態がどこに置かれるかを示してから実行を開始します。進行状況はライブで確認できます。</translation>
    </message>
    <message>
        <source>New fine-tune…</source>
        <translation>新しいファインチューニング…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Getting started&lt;/b&gt;: all done. Every run is on the &lt;i&gt;Runs&lt;/i&gt; page.</source>
        <translation>&lt;b&gt;はじめに&lt;/b&gt;：すべて完了しました。すべての実行は&lt;i&gt;実行&lt;/i&gt;ページにあります。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Getting started&lt;/b&gt;: %1 of %2 steps done.</source>
        <translation>&lt;b&gt;はじめに&lt;/b&gt;：%2 ステップ中 %1 ステップ完了。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Start a Balanced LoRA run</source>
        <translation>バランス LoRA の実行を開始</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::GoalChoicePage</name>
    <message>
        <source>What do you want?</source>
        <translation>何をしたいですか？</translation>
    </message>
    <message>
        <source>The goal fills in every setting for this model and dataset; the next page shows them.</source>
        <translation>選んだ目的に合わせて、このモデルとデータセット用のすべての設定が入力されます。設定は次のページに表示されます。</translation>
    </message>
    <message>
        <source>Choose the goal that matches what you want; it fills in every setting with values that suit this model and dataset. When unsure, choose Balanced LoRA. Use the arrow keys to move between the goals. You can change any setting on the next page.</source>
        <translation>やりたいことに合った目的を選んでください。このモデルとデータセットに合った値ですべての設定が入力されます。迷ったら「バランス LoRA」を選んでください。目的の間は矢印キーで移動できます。どの設定も次のページで変更できます。</translation>
    </message>
    <message>
        <source>Pick this to try an idea fast or to teach a style or format: small adapters on the attention layers, one pass, shorter sequences. Finishes soonest and needs the least memory.</source>
        <translation>アイデアを素早く試したいときや、文体や形式を教えたいときに選びます。アテンションのレイヤーに小さなアダプターを付け、1 周だけ、短めのシーケンスで学習します。最も早く終わり、必要なメモリも最小です。</translation>
    </message>
    <message>
        <source>Pick this for most work: adapters on every layer, enough passes for the dataset&apos;s size. The result is a small adapter file next to the unchanged model.</source>
        <translation>ほとんどの用途にはこれを選びます。すべてのレイヤーにアダプターを付け、データセットの大きさに見合った周回数で学習します。結果は、変更されないモデルの横に置く小さなアダプターファイルになります。</translation>
    </message>
    <message>
        <source>Pick this when the model is too large for this computer: the same adapters as Balanced LoRA, with the model kept in 4 bits while it trains (QLoRA). Its weights take about a quarter of the memory; steps are a little slower and the results close to Balanced LoRA&apos;s.</source>
        <translation>モデルがこのコンピューターには大きすぎるときに選びます。バランス LoRA と同じアダプターを、学習中はモデルを 4 ビットで保持して使います（QLoRA）。重みのメモリは約 4 分の 1 になり、ステップは少し遅く、結果はバランス LoRA に近くなります。</translation>
    </message>
    <message>
        <source>Pick this when the model must learn much new knowledge and this machine has the memory: every weight is trained, with a ten times lower learning rate. Needs about 16 bytes per parameter and produces a whole new model.</source>
        <translation>モデルに多くの新しい知識を学ばせる必要があり、このマシンに十分なメモリがあるときに選びます。すべての重みを、10 分の 1 の学習率で学習します。パラメーター 1 つあたり約 16 バイトが必要で、まったく新しいモデルが作られます。</translation>
    </message>
    <message>
        <source>Quick LoRA</source>
        <translation>クイック LoRA</translation>
    </message>
    <message>
        <source>Balanced LoRA</source>
        <translation>バランス LoRA</translation>
    </message>
    <message>
        <source>Smallest memory (QLoRA)</source>
        <translation>最小メモリ（QLoRA）</translation>
    </message>
    <message>
        <source>Full fine-tune</source>
        <translation>フルファインチューニング</translation>
    </message>
    <message>
        <source>Choose one of the three goals.</source>
        <translation>3 つの目的のいずれかを選んでください。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::HardwareCheckPanel</name>
    <message>
        <source>checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>未測定</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>再確認</translation>
    </message>
    <message>
        <source>Measure disk speed</source>
        <translation>ディスク速度を測定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Writes and reads a scratch file in the offload folder for a few seconds, bypassing the cache, to see how fast the tier on disk is.</source>
        <translation>オフロードフォルダーに一時ファイルを数秒間書き込み・読み込みし、キャッシュを通さずにディスク階層の速度を調べます。</translation>
    </message>
    <message>
        <source>Processor:</source>
        <translation>プロセッサー：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>メモリ：</translation>
    </message>
    <message>
        <source>GPU:</source>
        <translation>GPU：</translation>
    </message>
    <message>
        <source>Offload folder:</source>
        <translation>オフロードフォルダー：</translation>
    </message>
    <message>
        <source>Disk speed:</source>
        <translation>ディスク速度：</translation>
    </message>
    <message>
        <source>%1 — %2 cores, %3 threads%4</source>
        <translation>%1 — %2 コア、%3 スレッド%4</translation>
    </message>
    <message>
        <source>%1 total, %2 available</source>
        <translation>合計 %1、使用可能 %2</translation>
    </message>
    <message>
        <source>%1
%2 free of %3 (%4)</source>
        <translation>%1
空き %2 / %3（%4）</translation>
    </message>
    <message>
        <source>write %1, read %2</source>
        <translation>書き込み %1、読み込み %2</translation>
    </message>
    <message>
        <source> — the file system does not allow direct I/O, so these figures include the cache and are higher than the disk itself</source>
        <translation> — ファイルシステムがダイレクト I/O に対応していないため、この数値にはキャッシュの効果が含まれ、ディスク本来の速度より高くなります</translation>
    </message>
    <message>
        <source> (cancelled early: figures from %1)</source>
        <translation>（途中でキャンセル：%1 分の測定結果）</translation>
    </message>
    <message>
        <source>write %1, read %2 (measured %3)</source>
        <translation>書き込み %1、読み込み %2（%3 に測定）</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>測定中…</translation>
    </message>
    <message>
        <source>Training:</source>
        <translation>学習：</translation>
    </message>
    <message>
        <source>%1, chosen from the processor&apos;s features (OpenBLAS alone picks %2)</source>
        <translation>%1（プロセッサの機能から選択。OpenBLAS 単独では %2 を選びます）</translation>
    </message>
    <message>
        <source>%1, as OpenBLAS picks them</source>
        <translation>%1（OpenBLAS の選択）</translation>
    </message>
    <message>
        <source>This OpenBLAS cannot switch to its faster %1 kernels.</source>
        <translation>この OpenBLAS は、より高速な %1 カーネルに切り替えられません。</translation>
    </message>
    <message>
        <source>This OpenBLAS has no %1 kernels.</source>
        <translation>この OpenBLAS には %1 カーネルがありません。</translation>
    </message>
    <message>
        <source>The faster %1 kernels computed a check product wrongly on this processor, so they are not used.</source>
        <translation>より高速な %1 カーネルはこのプロセッサで検査用の積を誤って計算したため、使用しません。</translation>
    </message>
    <message>
        <source>Matrix kernels:</source>
        <translation>行列演算カーネル：</translation>
    </message>
    <message>
        <source>%1, as the OPENBLAS_CORETYPE variable asks</source>
        <translation>%1（環境変数 OPENBLAS_CORETYPE の指定どおり）</translation>
    </message>
    <message>
        <source>16-bit weights: on the processor&apos;s bf16 instructions (%1)</source>
        <translation>16 ビットの重み: プロセッサーの bf16 命令で計算 (%1)</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits (this processor has no bf16 instructions)</source>
        <translation>16 ビットの重み: 32 ビットに広げて計算 (このプロセッサーには bf16 命令がありません)</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits. Installing oneDNN (the libdnnl2 package) would make LoRA over a bf16 model about twice as fast here.</source>
        <translation>16 ビットの重み: 32 ビットに広げて計算。oneDNN (libdnnl2 パッケージ) をインストールすると、bf16 モデルの LoRA がこのコンピューターで約 2 倍速くなります。</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits (oneDNN computed a check product wrongly on this processor, so it is not used)</source>
        <translation>16 ビットの重み: 32 ビットに広げて計算 (oneDNN がこのプロセッサーで検査用の積を誤って計算したため使用しません)</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits, as the TIERTUNE_CPU_BF16_PRODUCTS variable asks</source>
        <translation>16 ビットの重み: TIERTUNE_CPU_BF16_PRODUCTS 変数の指定どおり 32 ビットに広げて計算</translation>
    </message>
    <message>
        <source>Other operations: %1 instructions</source>
        <translation>その他の演算: %1 命令</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::HomePage</name>
    <message>
        <source>Welcome to Tiertune</source>
        <translation>Tiertune へようこそ</translation>
    </message>
    <message>
        <source>Tiertune fine-tunes open language models (Llama, Mistral, Qwen) on this computer. It spreads the work over the graphics card, the memory and the SSD, so models larger than the graphics card still train.</source>
        <translation>Tiertune は、オープンな言語モデル（Llama、Mistral、Qwen）をこのコンピューター上でファインチューニングします。処理をグラフィックカード・メモリ・SSD に分散するので、グラフィックカードに収まらない大きなモデルでも学習できます。</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>このコンピューター</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::HubAccountPanel</name>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Access token (hf_…), from your Hugging Face account&apos;s settings</source>
        <translation>アクセストークン（hf_…）。Hugging Face アカウントの設定で作成できます</translation>
    </message>
    <message>
        <source>Hugging Face access token</source>
        <translation>Hugging Face アクセストークン</translation>
    </message>
    <message>
        <source>Signed in: downloads use your saved access token.</source>
        <translation>サインイン済み：ダウンロードには保存したアクセストークンを使います。</translation>
    </message>
    <message>
        <source>Using the access token from %1. Sign in here to use another one.</source>
        <translation>%1 のアクセストークンを使用中です。別のトークンを使うにはここでサインインしてください。</translation>
    </message>
    <message>
        <source>Not signed in. Most models download without an account; gated models such as Meta&apos;s Llama need an access token from an account that accepted their licence.</source>
        <translation>サインインしていません。ほとんどのモデルはアカウントなしでダウンロードできますが、Meta の Llama などの制限付きモデルには、ライセンスに同意したアカウントのアクセストークンが必要です。</translation>
    </message>
    <message>
        <source>Checking the token with the Hub…</source>
        <translation>Hub でトークンを確認しています…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>%1 としてサインインしました。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportDatasetWizard</name>
    <message>
        <source>Import dataset</source>
        <translation>データセットのインポート</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportFilePage</name>
    <message>
        <source>Choose the file and the model</source>
        <translation>ファイルとモデルを選択</translation>
    </message>
    <message>
        <source>JSON lines, a JSON list, or CSV/TSV with a header row. The model decides how the examples are written out (its chat template) and cut into tokens.</source>
        <translation>JSON Lines、JSON の配列、またはヘッダー行のある CSV/TSV に対応しています。例をどのような文章に書き出すか（チャットテンプレート）と、どうトークンに分割するかはモデルによって決まります。</translation>
    </message>
    <message>
        <source>Choose the file that holds your examples, or a folder of .txt and .md files to teach the model your documents. Choose the model you will fine-tune: the examples are written out with its chat template and counted in its tokens. The name is how the dataset appears on the Datasets page. Next reads the first rows; a file that cannot be read is named here with the reason.</source>
        <translation>例が入ったファイルを選ぶか、手持ちの文書をモデルに学ばせる場合は .txt や .md ファイルのフォルダーを選んでください。次に、ファインチューニングするモデルを選びます。例はそのモデルのチャットテンプレートで書き出され、そのモデルのトークンで数えられます。名前は「データセット」ページでの表示名です。「次へ」を押すと先頭の行を読み込みます。読み込めないファイルは、理由とともにここに表示されます。</translation>
    </message>
    <message>
        <source>Dataset file</source>
        <translation>データセットファイル</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose a dataset file</source>
        <translation>データセットファイルを選択</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation>データセット (*.jsonl *.json *.csv *.tsv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Folder of texts…</source>
        <translation>テキストのフォルダー…</translation>
    </message>
    <message>
        <source>Every .txt and .md file in a folder, for teaching the model your documents.</source>
        <translation>フォルダー内のすべての .txt と .md ファイルで、モデルにドキュメントを学習させます。</translation>
    </message>
    <message>
        <source>Choose a folder of .txt or .md files</source>
        <translation>.txt または .md ファイルのあるフォルダーを選択</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>モデル：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前：</translation>
    </message>
    <message>
        <source>There is no model in the catalog yet. Add one on the Models page first: the dataset is prepared for a particular model.</source>
        <translation>カタログにはまだモデルがありません。先に「モデル」ページでモデルを追加してください。データセットは特定のモデルに合わせて準備されます。</translation>
    </message>
    <message>
        <source>Choose a file that exists: %1</source>
        <translation>存在するファイルを選択してください：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Add a model on the Models page first.</source>
        <translation>先に「モデル」ページでモデルを追加してください。</translation>
    </message>
    <message>
        <source>Give the dataset a name.</source>
        <translation>データセットに名前を付けてください。</translation>
    </message>
    <message>
        <source>There is a dataset named &quot;%1&quot; already; choose another name.</source>
        <translation>「%1」という名前のデータセットはすでにあります。別の名前を付けてください。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportFormatPage</name>
    <message>
        <source>Format and fields</source>
        <translation>形式とフィールド</translation>
    </message>
    <message>
        <source>What the rows hold, as read from the first rows of the file. Change it when the guess is wrong, and rename fields when your file calls them differently.</source>
        <translation>ファイルの先頭の行から読み取った、各行の内容です。推測が違っていれば変更し、ファイルでのフィールド名が異なる場合は名前を対応付けてください。</translation>
    </message>
    <message>
        <source>Tiertune guesses what each row holds from the first rows. When the guess is wrong, choose the format yourself. When your file uses other names for the fields, write them as name=your_name pairs separated by commas, for example prompt=question,completion=answer.</source>
        <translation>Tiertune は先頭の行から各行の内容を推測します。推測が違う場合は、形式を自分で選んでください。ファイルのフィールド名が異なる場合は、「名前=ファイルでの名前」の組をコンマで区切って書きます。例：prompt=question,completion=answer</translation>
    </message>
    <message>
        <source>Recognize it</source>
        <translation>自動認識</translation>
    </message>
    <message>
        <source>Instructions (instruction, input, output)</source>
        <translation>指示（instruction, input, output）</translation>
    </message>
    <message>
        <source>Conversations, ShareGPT (conversations: from, value)</source>
        <translation>会話、ShareGPT（conversations: from, value）</translation>
    </message>
    <message>
        <source>Conversations (messages: role, content)</source>
        <translation>会話（messages: role, content）</translation>
    </message>
    <message>
        <source>Prompt and completion</source>
        <translation>プロンプトと補完文</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>プレーンテキスト</translation>
    </message>
    <message>
        <source>for example: prompt=question,completion=answer</source>
        <translation>例: prompt=question,completion=answer</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式：</translation>
    </message>
    <message>
        <source>Field names:</source>
        <translation>フィールド名：</translation>
    </message>
    <message>
        <source>Plain text documents: cut into samples of the longest example&apos;s length that overlap a little, and the model learns all of the text.</source>
        <translation>プレーンテキスト文書: 最長の例の長さのサンプルに少しずつ重ねて分割し、モデルはテキスト全体を学習します。</translation>
    </message>
    <message>
        <source>Read as %1 (%2), %3% of the first rows fit.</source>
        <translation>%1（%2）として読み取りました。先頭の行の %3% がこの形式に合っています。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportOptionsPage</name>
    <message>
        <source>Split and options</source>
        <translation>分割とオプション</translation>
    </message>
    <message>
        <source>A share of the rows is held back to measure how well the model does on examples it has not trained on.</source>
        <translation>一部の行を学習に使わずに取っておき、学習していない例に対してモデルがどれだけうまくできるかを測ります。</translation>
    </message>
    <message>
        <source>A share of the rows is held back to measure the model on examples it has not trained on; the seed decides which rows, so the same seed gives the same split. Examples longer than the longest allowed are cut or left out. Usually the model should learn only the answers, not the questions.</source>
        <translation>行の一部は、学習していない例でモデルを評価するために取っておかれます。どの行を取っておくかはシードで決まり、同じシードなら同じ分割になります。許可された最大長より長い例は、切り詰めるか除外します。通常、モデルには質問ではなく回答だけを学習させます。</translation>
    </message>
    <message>
        <source>Held back for validation:</source>
        <translation>検証用に取っておく割合：</translation>
    </message>
    <message>
        <source>Seed of the split:</source>
        <translation>分割のシード：</translation>
    </message>
    <message>
        <source>Longest example (tokens):</source>
        <translation>例の最大長（トークン）：</translation>
    </message>
    <message>
        <source>Cut them to the length</source>
        <translation>その長さで切り詰める</translation>
    </message>
    <message>
        <source>Leave them out (listed in the report)</source>
        <translation>除外する（レポートに記載）</translation>
    </message>
    <message>
        <source>Every answer (recommended)</source>
        <translation>すべての回答（推奨）</translation>
    </message>
    <message>
        <source>Only the last answer of each conversation</source>
        <translation>各会話の最後の回答のみ</translation>
    </message>
    <message>
        <source>Every token, questions included</source>
        <translation>質問を含むすべてのトークン</translation>
    </message>
    <message>
        <source>Leave out exact duplicates (listed in the report)</source>
        <translation>完全な重複を除外する（レポートに記載）</translation>
    </message>
    <message>
        <source>Longer examples:</source>
        <translation>それより長い例：</translation>
    </message>
    <message>
        <source>The model learns:</source>
        <translation>モデルが学習する部分：</translation>
    </message>
    <message>
        <source>The longest example was %1 tokens, more than the context of %2 (%3 tokens), so it is now %3 tokens.</source>
        <translation>最長の例は %1 トークンで、%2 のコンテキスト（%3 トークン）を超えていたため、%3 トークンにしました。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportPreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>The first rows exactly as the model will read them. The model learns to write the highlighted text; the rest is what it is given.</source>
        <translation>モデルが読み込むそのままの形で、先頭の行を表示しています。モデルは強調表示されたテキストを書けるように学習し、それ以外はモデルに与えられる内容です。</translation>
    </message>
    <message>
        <source>Read a few examples as the model will see them. The highlighted text is what the model learns to write; the rest is what it is given. If questions are highlighted or answers are not, go back and correct the format or the field names.</source>
        <translation>モデルが目にするとおりの形で、いくつかの例を読んでみてください。強調表示されたテキストはモデルが書けるように学習する部分で、それ以外はモデルに与えられる部分です。質問が強調表示されていたり、回答が強調表示されていなかったりする場合は、戻って形式またはフィールド名を直してください。</translation>
    </message>
    <message>
        <source>Preview of the examples as the model reads them</source>
        <translation>モデルが読む形での例のプレビュー</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>%1 行目</translation>
    </message>
    <message>
        <source>not used: %1</source>
        <translation>使用しません：%1</translation>
    </message>
    <message>
        <source>%1 tokens, %2 learned</source>
        <translation>%1 トークン、うち %2 トークンを学習</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportProgressPage</name>
    <message>
        <source>Importing</source>
        <translation>インポート中</translation>
    </message>
    <message>
        <source>The rows are read, checked and cut into tokens. Cancel leaves nothing behind.</source>
        <translation>行を読み込み、チェックし、トークンに分割します。キャンセルしても何も残りません。</translation>
    </message>
    <message>
        <source>The import runs in the background and shows how far it is. Cancel stops it and leaves the catalog as it was. When it is done, Next shows the summary.</source>
        <translation>インポートはバックグラウンドで進み、進み具合が表示されます。キャンセルするとインポートは止まり、カタログは元のままです。終わったら「次へ」で概要が表示されます。</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>インポートの進行状況</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>インポートをキャンセル</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>%1 rows read</source>
        <translation>%1 行を読み込みました</translation>
    </message>
    <message>
        <source>The import failed and left nothing behind: %1</source>
        <translation>インポートに失敗しました（何も残っていません）：%1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was added.</source>
        <translation>キャンセルしました。何も追加されていません。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>何もインポートされませんでした：%1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportReportPage</name>
    <message>
        <source>Check every row</source>
        <translation>すべての行をチェック</translation>
    </message>
    <message>
        <source>Rows that cannot be used are listed with their row and line numbers and the reason. Nothing is left out without appearing here.</source>
        <translation>使用できない行は、行番号・ファイルの行番号・理由とともに一覧表示されます。ここに表示されずに除外されるものはありません。</translation>
    </message>
    <message>
        <source>Every row of the file is checked. Rows that cannot be used are listed with their row and line numbers and the reason; the rest are imported. Fix the rows in your file and start again, or go on without them. The report can be saved as a CSV file.</source>
        <translation>ファイルのすべての行をチェックします。使えない行は行番号、ファイル上の行番号、理由とともに一覧表示され、残りの行がインポートされます。ファイルの該当行を直してやり直すか、それらの行を除いたまま先に進んでください。レポートは CSV ファイルとして保存できます。</translation>
    </message>
    <message>
        <source>Problems by reason</source>
        <translation>理由別の問題</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Rows that cannot be used</source>
        <translation>使用できない行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>ファイル行</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Export the report as CSV…</source>
        <translation>レポートを CSV でエクスポート…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>レポートを保存</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>レポートを保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Reading every row…</source>
        <translation>すべての行を読み込んでいます…</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>ファイルをインポートできません：%1</translation>
    </message>
    <message>
        <source>All %1 rows can be used.</source>
        <translation>%1 行すべてを使用できます。</translation>
    </message>
    <message>
        <source>%1 rows can be used; %2 cannot, for the reasons below.</source>
        <translation>%1 行を使用できます。%2 行は以下の理由で使用できません。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportSummaryPage</name>
    <message>
        <source>Imported</source>
        <translation>インポート完了</translation>
    </message>
    <message>
        <source>The dataset is now on the Datasets page. The chart shows how long the examples are in tokens: the sequence length of a run should hold most of them. Start a run from the Runs page with New fine-tune.</source>
        <translation>データセットが「データセット」ページに追加されました。グラフは例の長さをトークン数で示しています。実行のシーケンス長は、ほとんどの例が収まる長さにしてください。「実行」ページの「新しいファインチューニング」から実行を開始できます。</translation>
    </message>
    <message>
        <source>“%1” is ready. Training examples: %2. Validation examples: %3. Tokens: %4, of which the model learns %5.</source>
        <translation>「%1」の準備ができました。学習用の例：%2。検証用の例：%3。トークン：%4（うちモデルが学習するのは %5）。</translation>
    </message>
    <message>
        <source>Rows left out: %1 (their list, with the reasons, is in the dataset&apos;s folder).</source>
        <translation>除外した行：%1（一覧と理由はデータセットのフォルダーにあります）。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::LengthHistogram</name>
    <message>
        <source>1 token</source>
        <translation>1 トークン</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>rows by length</source>
        <translation>長さ別の行数</translation>
    </message>
    <message>
        <source>Lengths of the training examples</source>
        <translation>学習用の例の長さ</translation>
    </message>
    <message>
        <source>%1 to %2 tokens: %3</source>
        <translation>%1〜%2 トークン：%3</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::LossChart</name>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>%1 (training)</source>
        <translation>%1（学習）</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>学習損失</translation>
    </message>
    <message>
        <source>%1 (validation)</source>
        <translation>%1（検証）</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>検証損失</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>損失の推移</translation>
    </message>
    <message>
        <source>%1: %2 at step %3, lowest %4</source>
        <translation>%1：ステップ %3 で %2、最小 %4</translation>
    </message>
    <message>
        <source>No loss measured yet.</source>
        <translation>損失はまだ測定されていません。</translation>
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
        <translation>セクション</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Tiertune</source>
        <translation>Tiertune について(&amp;A)</translation>
    </message>
    <message>
        <source>About Tiertune</source>
        <translation>Tiertune について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tiertune %1&lt;/h3&gt;&lt;p&gt;Fine-tune open language models on the hardware you have: one GPU or none, memory and an SSD.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tiertune %1&lt;/h3&gt;&lt;p&gt;手持ちのハードウェアでオープンな言語モデルをファインチューニング。GPU は 1 基でもなくても、メモリと SSD があれば使えます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Catalog: %1</source>
        <translation>カタログ：%1</translation>
    </message>
    <message>
        <source>No catalog open — see Settings</source>
        <translation>カタログが開かれていません — 「設定」を確認してください</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>プレイグラウンド</translation>
    </message>
    <message>
        <source>Training continues</source>
        <translation>学習は続きます</translation>
    </message>
    <message>
        <source>Training goes on after this window closes.</source>
        <translation>このウィンドウを閉じても学習は続きます。</translation>
    </message>
    <message>
        <source>Runs training now: %1. Nothing of their progress is lost; open Tiertune again to watch them (Home lists them).</source>
        <translation>学習中の実行：%1。進行状況は失われません。Tiertune をもう一度開くと確認できます（ホームに一覧があります）。</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>ウィンドウを閉じる</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>開いたままにする</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>ガイド(&amp;G)</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::MemoryPlanPage</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>The graphics card&apos;s arithmetic sets the pace: moving state between the tiers keeps up with it.</source>
        <translation>速度を決めているのはグラフィックカードの演算です。階層間の状態の移動はそれに追いついています。</translation>
    </message>
    <message>
        <source>The processor&apos;s arithmetic sets the pace: moving state between the tiers keeps up with it.</source>
        <translation>速度を決めているのはプロセッサーの演算です。階層間の状態の移動はそれに追いついています。</translation>
    </message>
    <message>
        <source>Copying state between RAM and the training memory sets the pace. More room there (a smaller batch or sequence, or LoRA) would keep more of it in place.</source>
        <translation>速度を決めているのは、RAM と学習用メモリの間の状態のコピーです。学習用メモリに余裕があれば（バッチやシーケンスを小さくする、または LoRA を使う）、より多くの状態をそこに置いたままにできます。</translation>
    </message>
    <message>
        <source>Reading and writing the SSD sets the pace. More RAM for Tiertune, a faster SSD, or LoRA instead of full fine-tuning would speed each step up.</source>
        <translation>速度を決めているのは SSD の読み書きです。Tiertune に使わせる RAM を増やす、より高速な SSD を使う、フルファインチューニングの代わりに LoRA を使う、のいずれかで各ステップが速くなります。</translation>
    </message>
    <message>
        <source>Memory plan</source>
        <translation>メモリープラン</translation>
    </message>
    <message>
        <source>Where each part of the training state will live on this machine, how long a step takes and what limits it.</source>
        <translation>学習状態の各部分をこのマシンのどこに置くか、1 ステップにかかる時間、そして速度を制限しているものを示します。</translation>
    </message>
    <message>
        <source>Preparing the dataset for this model and measuring this machine…</source>
        <translation>このモデル用にデータセットを準備し、このマシンを測定しています…</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>1 秒未満</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>約 %1</translation>
    </message>
    <message>
        <source>The plan is not ready yet.</source>
        <translation>プランはまだできていません。</translation>
    </message>
    <message>
        <source>This run does not fit on this machine. Use one of the changes above first.</source>
        <translation>この実行はこのマシンに収まりません。先に上の変更のいずれかを適用してください。</translation>
    </message>
    <message>
        <source>The plan could not be made: %1</source>
        <translation>プランを作成できませんでした：%1</translation>
    </message>
    <message>
        <source>This run fits on this machine.</source>
        <translation>この実行はこのマシンに収まります。</translation>
    </message>
    <message>
        <source>This run does not fit on this machine.</source>
        <translation>この実行はこのマシンに収まりません。</translation>
    </message>
    <message>
        <source>About %1 per optimizer step; %2 steps take %3 in all.</source>
        <translation>オプティマイザーの 1 ステップあたり約 %1、%2 ステップで合計 %3 かかります。</translation>
    </message>
    <message>
        <source>Use LoRA instead of full fine-tuning</source>
        <translation>フルファインチューニングの代わりに LoRA を使う</translation>
    </message>
    <message>
        <source>Halve the sequence length (to %1 tokens)</source>
        <translation>シーケンス長を半分にする（%1 トークンに）</translation>
    </message>
    <message>
        <source>Batch of 1 with more accumulation (%1 steps)</source>
        <translation>バッチを 1 にして勾配累積を増やす（%1 ステップ）</translation>
    </message>
    <message>
        <source>Lower the rank (to %1)</source>
        <translation>ランクを下げる（%1 に）</translation>
    </message>
    <message>
        <source>Allow more disk (remove the %1 limit)</source>
        <translation>ディスクの使用量を増やす（%1 の上限を外す）</translation>
    </message>
    <message>
        <source>Allow more RAM (remove the %1 limit)</source>
        <translation>RAM の使用量を増やす（%1 の上限を外す）</translation>
    </message>
    <message>
        <source>Allow more training memory (remove the %1 limit)</source>
        <translation>学習用メモリの使用量を増やす（%1 の上限を外す）</translation>
    </message>
    <message>
        <source>The bars show where each part of the training state will live: in the training memory (the graphics card, or the processor&apos;s share of RAM), in RAM, or on the SSD, against what each may hold. The more lives on the SSD, the slower each step. When the run does not fit, the reason is shown with buttons that change the settings in one click and plan again.</source>
        <translation>バーは学習状態の各部分がどこに置かれるかを示します。学習用メモリー（グラフィックカード、またはプロセッサー用に確保した RAM）、RAM、SSD のそれぞれについて、収まる量と比べて表示します。SSD に置く量が多いほど、1 ステップが遅くなります。実行が収まらない場合は理由が表示され、ワンクリックで設定を変えてプランを作り直すボタンが出ます。</translation>
    </message>
    <message>
        <source>This computer is busy with other work now: the run may take up to %1.</source>
        <translation>このコンピューターは現在ほかの処理で忙しいため、実行には最大 %1 かかる可能性があります。</translation>
    </message>
    <message>
        <source>A step was measured on this model here.</source>
        <translation>このモデルで 1 ステップをここで測定しました。</translation>
    </message>
    <message>
        <source>Derived from this computer&apos;s measured speed.</source>
        <translation>このコンピューターの測定速度から算出しました。</translation>
    </message>
    <message>
        <source>In all %1: %2 optimizer steps of %3 each, %4 to start, %5 for evaluations and sample answers, %6 for checkpoints.</source>
        <translation>全体で%1：1 回%3のオプティマイザーステップが %2 回、開始に%4、評価とサンプルの回答に%5、チェックポイントに%6。</translation>
    </message>
    <message>
        <source>Keep the model in 4 bits while training (QLoRA)</source>
        <translation>学習中はモデルを 4 ビットで保持する（QLoRA）</translation>
    </message>
    <message>
        <source>The model is kept in 4 bits while it trains (QLoRA): its weights take %1.</source>
        <translation>学習中、モデルは 4 ビットで保持されます（QLoRA）。重みは %1 を使います。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ModelChoicePage</name>
    <message>
        <source>Choose the base model</source>
        <translation>ベースモデルを選択</translation>
    </message>
    <message>
        <source>The model you start from. Its size decides how much memory training needs; its context is the longest text it reads at once.</source>
        <translation>出発点となるモデルです。そのサイズで学習に必要なメモリ量が決まり、コンテキスト長は一度に読めるテキストの最大の長さです。</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>ベースモデル：</translation>
    </message>
    <message>
        <source>Choose one of the models added on the Models page. A larger model learns more but needs more memory and time; the memory plan two pages on shows whether this machine can train it. The model&apos;s folder must still be where it was added.</source>
        <translation>「モデル」ページで追加したモデルから 1 つ選んでください。大きなモデルほど多くを学べますが、メモリーと時間も多く必要です。このマシンで学習できるかどうかは、2 ページ先のメモリープランでわかります。モデルのフォルダーは追加したときの場所にある必要があります。</translation>
    </message>
    <message>
        <source>There is no base model yet. Add one on the Models page first.</source>
        <translation>ベースモデルがまだありません。先に「モデル」ページでモデルを追加してください。</translation>
    </message>
    <message>
        <source>%1 parameters, context of %2 tokens, %3 on disk.
Folder: %4</source>
        <translation>パラメーター数 %1、コンテキスト長 %2 トークン、ディスク上のサイズ %3。
フォルダー：%4</translation>
    </message>
    <message>
        <source>The catalog is not open: %1</source>
        <translation>カタログが開かれていません：%1</translation>
    </message>
    <message>
        <source>There is no base model to fine-tune. Add one on the Models page first.</source>
        <translation>ファインチューニングするベースモデルがありません。先に「モデル」ページでモデルを追加してください。</translation>
    </message>
    <message>
        <source>The folder of the model “%1” is missing or has no config.json (%2). Add the model again on the Models page.</source>
        <translation>モデル「%1」のフォルダーが見つからないか、config.json がありません（%2）。「モデル」ページでモデルを追加し直してください。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Base models you can fine-tune.</source>
        <translation>ファインチューニングできるベースモデルです。</translation>
    </message>
    <message>
        <source>No models yet</source>
        <translation>モデルはまだありません</translation>
    </message>
    <message>
        <source>Add model folder…</source>
        <translation>モデルフォルダーを追加…</translation>
    </message>
    <message>
        <source>Remove from catalog</source>
        <translation>カタログから外す</translation>
    </message>
    <message>
        <source>Choose a model folder (with config.json and *.safetensors)</source>
        <translation>モデルフォルダーを選択（config.json と *.safetensors を含むフォルダー）</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>モデルを外す</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the catalog? Its folder and files stay where they are.</source>
        <translation>「%1」をカタログから外しますか？フォルダーとファイルはそのまま残ります。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター数</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>コンテキスト長</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>データ型</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>ディスク上のサイズ</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>チャットテンプレート</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>追加日時</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>A base model is what you fine-tune, for example Qwen2.5-0.5B-Instruct or Llama-3.2-1B-Instruct. Download one from the Hugging Face Hub by name, or add a folder you already have (config.json, *.safetensors and tokenizer.json). Models are listed here with their architecture, size and context length.</source>
        <translation>ベースモデルはファインチューニングの元になるモデルです（例：Qwen2.5-0.5B-Instruct、Llama-3.2-1B-Instruct）。Hugging Face Hub から名前でダウンロードするか、お持ちのフォルダー（config.json、*.safetensors、tokenizer.json）を追加してください。モデルはアーキテクチャ、サイズ、コンテキスト長とともにここに表示されます。</translation>
    </message>
    <message>
        <source>Download a model…</source>
        <translation>モデルをダウンロード…</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::NewRunWizard</name>
    <message>
        <source>New fine-tune</source>
        <translation>新しいファインチューニング</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Run again with changes: %1</source>
        <translation>変更して再実行：%1</translation>
    </message>
    <message>
        <source>The settings of run “%1” could not be read, so the goal&apos;s defaults are used instead: %2</source>
        <translation>実行「%1」の設定を読み込めなかったため、代わりに目的の既定値を使用します：%2</translation>
    </message>
    <message>
        <source>%1 (again)</source>
        <translation>%1（再実行）</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::PlaygroundPage</name>
    <message>
        <source>Chat with</source>
        <translation>チャットの相手</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>読み込む</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新しい会話</translation>
    </message>
    <message>
        <source>Save with the run</source>
        <translation>実行と一緒に保存</translation>
    </message>
    <message>
        <source>Saved conversations</source>
        <translation>保存した会話</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>No saved conversations</source>
        <translation>保存した会話はありません</translation>
    </message>
    <message>
        <source>A base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>A run&apos;s checkpoint</source>
        <translation>実行のチェックポイント</translation>
    </message>
    <message>
        <source>Checkpoint and its base, side by side</source>
        <translation>チェックポイントとそのベースモデルを並べて</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Write a message; Ctrl+Enter sends it.</source>
        <translation>メッセージを入力してください。Ctrl+Enter で送信します。</translation>
    </message>
    <message>
        <source>Saves this conversation as a file in the run&apos;s folder, to reopen later.</source>
        <translation>この会話を実行のフォルダーにファイルとして保存し、後で開き直せるようにします。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conversations&lt;/b&gt;</source>
        <translation>&lt;b&gt;会話&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>プレイグラウンド</translation>
    </message>
    <message>
        <source>No catalog is open, so there is nothing to chat with. See Settings.</source>
        <translation>カタログが開かれていないため、チャットできる相手がありません。「設定」を確認してください。</translation>
    </message>
    <message>
        <source>There is no model to chat with yet: add one on the Models page.</source>
        <translation>チャットできるモデルがまだありません。「モデル」ページでモデルを追加してください。</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>Conversations are saved with a run: chat with a run&apos;s checkpoint to save one.</source>
        <translation>会話は実行と一緒に保存されます。保存するには、実行のチェックポイントとチャットしてください。</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>%1 として保存しました。</translation>
    </message>
    <message>
        <source>The checkpoint this conversation was held with (%1) is gone; it is shown with the one chosen.</source>
        <translation>この会話で使われたチェックポイント（%1）はもうありません。選択中のチェックポイントで表示しています。</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 を開きました。</translation>
    </message>
    <message>
        <source>This run has no checkpoint to chat with yet.</source>
        <translation>この実行にはまだチャットできるチェックポイントがありません。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::QaGeneratePage</name>
    <message>
        <source>Writing the questions and answers</source>
        <translation>質問と回答を作成中</translation>
    </message>
    <message>
        <source>The model reads each part and writes its questions with their answers. This can take long; you can stop at any time and go on later: what was written is kept.</source>
        <translation>モデルが各部分を読んで、質問とその回答を書きます。時間がかかることがあります。いつでも止めて後で続けられます。書いた分は残ります。</translation>
    </message>
    <message>
        <source>The model works through the parts one by one. A reply that cannot be used (not the list of questions that was asked for) is asked for once more; a part whose two replies cannot be used is listed on the next page with the replies, and nothing of it is kept. Stop keeps what was written: Go on continues, and opening this wizard again with the same name, documents and settings goes on where it stopped. Next shows the pairs for review.</source>
        <translation>モデルは部分を 1 つずつ処理します。使えない応答（求めた形の質問リストになっていないもの）が返ってきたら、もう一度だけ頼みます。2 回とも使えなかった部分は、応答とともに次のページに表示され、何も残しません。「停止」しても書いた分は残ります。「続ける」で再開でき、同じ名前・文書・設定でこのウィザードを開き直しても止まったところから続きます。「次へ」で組を確認します。</translation>
    </message>
    <message>
        <source>Progress of the questions</source>
        <translation>質問作成の進み具合</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stops after the reply being written; what was written is kept.</source>
        <translation>書いている応答が終わったところで止めます。書いた分は残ります。</translation>
    </message>
    <message>
        <source>Stopping after the reply being written…</source>
        <translation>書いている応答が終わったところで止めます…</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>続ける</translation>
    </message>
    <message>
        <source>Start over…</source>
        <translation>最初からやり直す…</translation>
    </message>
    <message>
        <source>Deletes the questions written before for this name, and writes them anew.</source>
        <translation>この名前用に以前作成した質問を削除し、新しく書き直します。</translation>
    </message>
    <message>
        <source>the graphics card %1</source>
        <translation>グラフィックカード %1</translation>
    </message>
    <message>
        <source>the processor (no graphics card that Tiertune can use was found), which is much slower</source>
        <translation>プロセッサ（Tiertune が使えるグラフィックカードが見つからないため。かなり遅くなります）</translation>
    </message>
    <message>
        <source>Pairs: %1</source>
        <translation>組：%1</translation>
    </message>
    <message>
        <source>Parts without a usable reply: %1</source>
        <translation>使える応答のない部分：%1</translation>
    </message>
    <message>
        <source>About %1 left</source>
        <translation>残り約 %1</translation>
    </message>
    <message>
        <source>Cutting the documents into parts…</source>
        <translation>文書を部分に分けています…</translation>
    </message>
    <message>
        <source>The documents gave no text to write questions about.</source>
        <translation>文書から、質問を作れるテキストが得られませんでした。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>%1 writes on %2.</source>
        <translation>%1 が %2 で作成します。</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 parts. Pairs: %3. What was written is kept: Go on continues, and so does opening this wizard again with the same name, documents and settings. Next reviews the pairs written so far.</source>
        <translation>%2 件中 %1 件の部分で止めました。組：%3。書いた分は残っています。「続ける」で再開でき、同じ名前・文書・設定でこのウィザードを開き直しても続きます。「次へ」で、ここまでに書いた組を確認します。</translation>
    </message>
    <message>
        <source>Every part is done. Parts: %1. Pairs: %2.</source>
        <translation>すべての部分が終わりました。部分：%1。組：%2。</translation>
    </message>
    <message>
        <source>Parts without a usable reply: %1 (listed with the replies on the next page).</source>
        <translation>使える応答のない部分：%1（次のページに応答とともに表示します）。</translation>
    </message>
    <message>
        <source>The model gave no usable reply for any part: the next page shows its replies. A larger instruct model, or a simpler prompt, usually does better.</source>
        <translation>どの部分にも使える応答がありませんでした。次のページでモデルの応答を確認できます。より大きな Instruct モデルを使うか、プロンプトを簡単にすると、たいていうまくいきます。</translation>
    </message>
    <message>
        <source>The questions could not be written: %1</source>
        <translation>質問を作成できませんでした：%1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <source>Delete the questions and answers written before for “%1”, with their review, and write them anew?</source>
        <translation>「%1」用に以前作成した質問と回答を確認結果ごと削除し、新しく書き直しますか？</translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation>%1 を削除できませんでした：%2</translation>
    </message>
    <message>
        <source>Parts done: %1 of %2</source>
        <translation>終わった部分：%2 件中 %1 件</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::QaReviewPage</name>
    <message>
        <source>Review the questions and answers</source>
        <translation>質問と回答の確認</translation>
    </message>
    <message>
        <source>Every pair becomes an example of the dataset unless you reject it. Double-click a question or an answer to correct it.</source>
        <translation>不採用にしない限り、すべての組がデータセットの例になります。質問や回答をダブルクリックすると修正できます。</translation>
    </message>
    <message>
        <source>Read the pairs, reject those that are wrong or useless and correct those that are nearly right (double-click the question or the answer). Filter by words, by state or by document to go through them in parts. Your decisions are saved as you make them: if you close the wizard, opening it again with the same name goes on with them. The parts for which the model gave no usable reply are listed below with the reason; select one to see the replies.</source>
        <translation>組を読み、間違っているものや役に立たないものは不採用にし、ほぼ正しいものは修正してください（質問か回答をダブルクリック）。単語、状態、文書で絞り込むと、少しずつ確認できます。判断はその都度保存されるので、ウィザードを閉じても同じ名前で開き直せば続きから確認できます。モデルが使える応答を返さなかった部分は、理由とともに下に表示されます。選ぶと応答を確認できます。</translation>
    </message>
    <message>
        <source>Words in the question or the answer</source>
        <translation>質問または回答に含まれる単語</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>採用</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不採用</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>検索：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状態：</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>文書：</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>質問と回答</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>採用</translation>
    </message>
    <message>
        <source>Keeps the selected pairs in the dataset (an edited pair keeps your text).</source>
        <translation>選んだ組をデータセットに残します（編集した組はあなたの文章のまま残ります）。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不採用</translation>
    </message>
    <message>
        <source>Leaves the selected pairs out of the dataset.</source>
        <translation>選んだ組をデータセットから除外します。</translation>
    </message>
    <message>
        <source>Use the model&apos;s text</source>
        <translation>モデルの文章に戻す</translation>
    </message>
    <message>
        <source>Undoes your corrections of the selected pairs.</source>
        <translation>選んだ組への修正を取り消します。</translation>
    </message>
    <message>
        <source>Parts without a usable reply</source>
        <translation>使える応答のない部分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The model&apos;s replies to the selected part</source>
        <translation>選んだ部分へのモデルの応答</translation>
    </message>
    <message>
        <source>Select a part to see the model&apos;s replies and the part&apos;s text.</source>
        <translation>部分を選ぶと、モデルの応答と部分のテキストが表示されます。</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>a range of pages</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>The questions could not be opened: %1</source>
        <translation>質問を開けませんでした：%1</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>すべての文書</translation>
    </message>
    <message>
        <source>Section: %1</source>
        <translation>セクション：%1</translation>
    </message>
    <message>
        <source>The model wrote: %1</source>
        <translation>モデルの文章：%1</translation>
    </message>
    <message>
        <source>Pairs: %1. Kept: %2, of which edited: %3. Rejected: %4.</source>
        <translation>組：%1。残す：%2（うち編集済み：%3）。不採用：%4。</translation>
    </message>
    <message>
        <source>Keep at least one pair to go on.</source>
        <translation>先に進むには、少なくとも 1 組を残してください。</translation>
    </message>
    <message>
        <source>The writing was stopped: these are the pairs of the parts done so far.</source>
        <translation>作成は途中で止められました。ここにあるのは、これまでに終わった部分の組です。</translation>
    </message>
    <message>
        <source>Parts without a usable reply (nothing of them is kept): %1</source>
        <translation>使える応答のない部分（何も残しません）：%1</translation>
    </message>
    <message>
        <source>Reply %1:</source>
        <translation>応答 %1：</translation>
    </message>
    <message>
        <source>Reply %1, not usable: %2</source>
        <translation>応答 %1（使えません：%2）</translation>
    </message>
    <message>
        <source>The model was not asked: %1</source>
        <translation>モデルには依頼しませんでした：%1</translation>
    </message>
    <message>
        <source>The part:</source>
        <translation>部分：</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>変更していません：%1</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RangeNote</name>
    <message>
        <source>%1 %2 is not accepted; it must be between %3 and %4, so it stays %5.</source>
        <translation>%1 %2 は受け付けられません。%3 から %4 の間でなければならないため、%5 のままです。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ReviewStartPage</name>
    <message>
        <source>%1 after a warm-up of %2 steps, then a cosine decay</source>
        <translation>%2 ステップのウォームアップで %1 に達し、その後コサイン減衰</translation>
    </message>
    <message>
        <source>%1 after a warm-up of %2 steps, then a linear decay</source>
        <translation>%2 ステップのウォームアップで %1 に達し、その後線形減衰</translation>
    </message>
    <message>
        <source>%1 after a warm-up of %2 steps, then constant</source>
        <translation>%2 ステップのウォームアップで %1 に達し、その後は一定</translation>
    </message>
    <message>
        <source>%1 after a warm-up over %2 % of the steps, then a cosine decay</source>
        <translation>全ステップの %2 % のウォームアップで %1 に達し、その後コサイン減衰</translation>
    </message>
    <message>
        <source>%1 after a warm-up over %2 % of the steps, then a linear decay</source>
        <translation>全ステップの %2 % のウォームアップで %1 に達し、その後線形減衰</translation>
    </message>
    <message>
        <source>%1 after a warm-up over %2 % of the steps, then constant</source>
        <translation>全ステップの %2 % のウォームアップで %1 に達し、その後は一定</translation>
    </message>
    <message>
        <source>Review and start</source>
        <translation>確認して開始</translation>
    </message>
    <message>
        <source>Start creates the run; it then trains in the background and shows on the Runs page.</source>
        <translation>「開始」を押すと実行が作成されます。学習はバックグラウンドで進み、「実行」ページに表示されます。</translation>
    </message>
    <message>
        <source>Check the settings in words and give the run a name you will recognize on the Runs page. The run writes its checkpoints and log to the output folder shown. Start begins training in the background: you can close this window and watch the run from the Runs page.</source>
        <translation>設定の説明を確認し、「実行」ページで見分けやすい名前を実行に付けてください。実行のチェックポイントとログは、表示されている出力フォルダーに書き込まれます。「開始」を押すとバックグラウンドで学習が始まります。このウィンドウを閉じても、「実行」ページから実行を見守れます。</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>実行の名前：</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>出力フォルダー：</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>%1 (%2 training examples)</source>
        <translation>%1（学習用の例 %2 個）</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>QLoRA (the model kept in 4 bits), rank %1, alpha %2, on %3</source>
        <translation>QLoRA（モデルは 4 ビットで保持）、ランク %1、アルファ %2、対象：%3</translation>
    </message>
    <message>
        <source>LoRA, rank %1, alpha %2, on %3</source>
        <translation>LoRA、ランク %1、アルファ %2、対象：%3</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Full fine-tune: every weight is trained</source>
        <translation>フルファインチューニング：すべての重みを学習</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>%1 × %2 examples per update (micro-batch × accumulation), each up to %3 tokens</source>
        <translation>更新ごとに %1 × %2 個の例（マイクロバッチ × 勾配累積）、各例は最大 %3 トークン</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>every %1 steps</source>
        <translation>%1 ステップごと</translation>
    </message>
    <message>
        <source>at the end</source>
        <translation>最後に</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>, the newest %1 kept</source>
        <translation>、最新の %1 個を保持</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <source>%1 training memory, %2 RAM, %3 disk at the peak</source>
        <translation>ピーク時に学習用メモリ %1、RAM %2、ディスク %3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>合計 %1</translation>
    </message>
    <message>
        <source>Give the run a name, so that you can find it on the Runs page.</source>
        <translation>「実行」ページで見つけられるよう、実行に名前を付けてください。</translation>
    </message>
    <message>
        <source>The catalog is not open: %1</source>
        <translation>カタログが開かれていません：%1</translation>
    </message>
    <message>
        <source>The run could not be created: %1</source>
        <translation>実行を作成できませんでした：%1</translation>
    </message>
    <message>
        <source>Optimizer steps: %1</source>
        <translation>オプティマイザーのステップ：%1 回</translation>
    </message>
    <message>
        <source>Epochs: %1; optimizer steps: %2</source>
        <translation>エポック数：%1、オプティマイザーのステップ：%2 回</translation>
    </message>
    <message>
        <source>after every step</source>
        <translation>毎ステップ後</translation>
    </message>
    <message>
        <source>The output folder %1 is in use by run %2 (“%3”), which is training now: two runs in one folder would overwrite each other&apos;s checkpoints. This run will write to %4 instead; press Start again.</source>
        <translation>出力フォルダー %1 は、実行 %2（“%3”）が現在トレーニング中で使っています。1 つのフォルダーに 2 つの実行があると、互いのチェックポイントを上書きしてしまいます。この実行は代わりに %4 に書き込みます。もう一度「開始」を押してください。</translation>
    </message>
    <message>
        <source>The output folder %1 belongs to run %2 (“%3”): two runs in one folder would overwrite each other&apos;s checkpoints. This run will write to %4 instead; press Start again.</source>
        <translation>出力フォルダー %1 は実行 %2（“%3”）のものです。1 つのフォルダーに 2 つの実行があると、互いのチェックポイントを上書きしてしまいます。この実行は代わりに %4 に書き込みます。もう一度「開始」を押してください。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunCompareDialog</name>
    <message>
        <source>Compare runs</source>
        <translation>実行の比較</translation>
    </message>
    <message>
        <source>Reading the loss curves…</source>
        <translation>損失曲線を読み込んでいます…</translation>
    </message>
    <message>
        <source>Solid lines: training loss. Dotted lines: validation loss. Long curves are thinned to %1 points, keeping each stretch&apos;s highest and lowest value.</source>
        <translation>実線：学習損失。点線：検証損失。長い曲線は区間ごとの最高値と最低値を残して %1 点まで間引いて表示します。</translation>
    </message>
    <message>
        <source>The curves could not be read: %1</source>
        <translation>曲線を読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>These runs have no loss recorded yet. Curves appear once a run has trained a few steps.</source>
        <translation>これらの実行にはまだ損失が記録されていません。数ステップ学習すると曲線が表示されます。</translation>
    </message>
    <message>
        <source>Only one of the selected runs is still in the catalog.</source>
        <translation>選択した実行のうち、カタログに残っているのは 1 件だけです。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunDetailDialog</name>
    <message>
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>LoRA adapter (PEFT)</source>
        <translation>LoRA アダプター（PEFT）</translation>
    </message>
    <message>
        <source>Merged model (Hugging Face)</source>
        <translation>統合済みモデル（Hugging Face）</translation>
    </message>
    <message>
        <source>GGUF</source>
        <translation>GGUF</translation>
    </message>
    <message>
        <source>Reading the run…</source>
        <translation>実行を読み込んでいます…</translation>
    </message>
    <message>
        <source>Save name and notes</source>
        <translation>名前とメモを保存</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存日時</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>レベル</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>What you tried in this run and what you learned from it.</source>
        <translation>この実行で試したことと、そこから分かったこと。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概要</translation>
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
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>Delete run…</source>
        <translation>実行を削除…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>問題が発生しました：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Run “%1”</source>
        <translation>実行「%1」</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状態：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>モデル：</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>データセット：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>手法：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>作成：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>開始：</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>終了：</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>問題：</translation>
    </message>
    <message>
        <source>A run needs a name.</source>
        <translation>実行には名前が必要です。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Run again with changes…</source>
        <translation>変更して再実行…</translation>
    </message>
    <message>
        <source>Opens the New fine-tune wizard with this run&apos;s model, dataset and settings.</source>
        <translation>この実行のモデル、データセット、設定を使って「新しいファインチューニング」ウィザードを開きます。</translation>
    </message>
    <message>
        <source>Chat with this checkpoint</source>
        <translation>このチェックポイントとチャット</translation>
    </message>
    <message>
        <source>Opens the playground with the run&apos;s newest checkpoint.</source>
        <translation>この実行の最新のチェックポイントでプレイグラウンドを開きます。</translation>
    </message>
    <message>
        <source>Trained on:</source>
        <translation>学習デバイス：</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunFilterBar</name>
    <message>
        <source>Search names and notes</source>
        <translation>名前とメモを検索</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>すべてのモデル</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>すべてのデータセット</translation>
    </message>
    <message>
        <source>Search runs</source>
        <translation>実行を検索</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunHistoryModel</name>
    <message>
        <source>not started</source>
        <translation>未開始</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Best validation loss</source>
        <translation>最良の検証損失</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Val. loss</source>
        <translation>検証損失</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunMonitor</name>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume from the last checkpoint</source>
        <translation>最後のチェックポイントから再開</translation>
    </message>
    <message>
        <source>Log of the training process</source>
        <translation>学習プロセスのログ</translation>
    </message>
    <message>
        <source>Pause after the current step; the run keeps its memory and waits.</source>
        <translation>現在のステップの後で一時停止します。実行はメモリを確保したまま待機します。</translation>
    </message>
    <message>
        <source>Save a checkpoint after the current step, then end the run. You can resume it later.</source>
        <translation>現在のステップの後でチェックポイントを保存し、実行を終了します。後で再開できます。</translation>
    </message>
    <message>
        <source>Continue a stopped or failed run from its newest checkpoint.</source>
        <translation>停止した実行や失敗した実行を、最新のチェックポイントから続行します。</translation>
    </message>
    <message>
        <source>Memory per tier</source>
        <translation>階層ごとのメモリ</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>実行 %1</translation>
    </message>
    <message>
        <source>%1 — Tiertune</source>
        <translation>%1 — Tiertune</translation>
    </message>
    <message>
        <source>Not in the catalog</source>
        <translation>カタログにありません</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>ステップ %1 / %2</translation>
    </message>
    <message>
        <source>Preparing the run…</source>
        <translation>実行を準備しています…</translation>
    </message>
    <message>
        <source>No progress recorded yet</source>
        <translation>まだ進捗は記録されていません</translation>
    </message>
    <message>
        <source>Training loss %1   ·   Validation loss %2   ·   Learning rate %3   ·   %4 tokens/s   ·   Training time %5   ·   Time left %6</source>
        <translation>学習損失 %1   ·   検証損失 %2   ·   学習率 %3   ·   %4 tokens/s   ·   学習時間 %5   ·   残り時間 %6</translation>
    </message>
    <message>
        <source>The memory plan appears when the run starts.</source>
        <translation>メモリープランは実行の開始時に表示されます。</translation>
    </message>
    <message>
        <source>The run failed.</source>
        <translation>実行に失敗しました。</translation>
    </message>
    <message>
        <source>Progress of the run</source>
        <translation>実行の進行状況</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <source>Trains on %1.</source>
        <translation>学習デバイス：%1。</translation>
    </message>
    <message>
        <source>in training memory</source>
        <translation>学習用メモリ内</translation>
    </message>
    <message>
        <source>on the graphics card</source>
        <translation>グラフィックカード上</translation>
    </message>
    <message>
        <source>in the processor&apos;s working memory</source>
        <translation>プロセッサの作業用メモリ内</translation>
    </message>
    <message>
        <source>The memory plan has no figures yet.</source>
        <translation>メモリ計画にはまだ数値がありません。</translation>
    </message>
    <message>
        <source>Memory plan: at most %1 %2, %3 in RAM and %4 on the SSD.</source>
        <translation>メモリ計画：%2 に最大 %1、RAM に %3、SSD に %4。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunSupervisor</name>
    <message>
        <source>The run “%1” has already started; resume it to continue from its last checkpoint.</source>
        <translation>実行「%1」はすでに開始されています。最後のチェックポイントから続けるには、再開してください。</translation>
    </message>
    <message>
        <source>The run cannot start: the catalog is not open. %1</source>
        <translation>実行を開始できません：カタログが開かれていません。%1</translation>
    </message>
    <message>
        <source>There is no run %1 in the catalog.</source>
        <translation>カタログに実行 %1 はありません。</translation>
    </message>
    <message>
        <source>The run “%1” is already executing.</source>
        <translation>実行「%1」はすでに実行中です。</translation>
    </message>
    <message>
        <source>The run “%1” cannot start: %2</source>
        <translation>実行「%1」を開始できません：%2</translation>
    </message>
    <message>
        <source>The output folder %1 of the run could not be created.</source>
        <translation>実行の出力フォルダー %1 を作成できませんでした。</translation>
    </message>
    <message>
        <source>Tiertune could not start its training program %1: %2</source>
        <translation>Tiertune は学習プログラム %1 を起動できませんでした：%2</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly.</source>
        <translation>学習プロセスが予期せず終了しました。</translation>
    </message>
    <message>
        <source>The last lines of its log:</source>
        <translation>ログの最後の数行：</translation>
    </message>
    <message>
        <source>Run %1 is not executing.</source>
        <translation>実行 %1 は実行中ではありません。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunsPage</name>
    <message>
        <source>Runs</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Compare curves</source>
        <translation>曲線を比較</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>詳細…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>実行はまだありません</translation>
    </message>
    <message>
        <source>No run matches</source>
        <translation>一致する実行はありません</translation>
    </message>
    <message>
        <source>No run matches the search and filters above. Clear the search field or choose “All” in the lists to see every run.</source>
        <translation>上の検索とフィルターに一致する実行はありません。すべての実行を表示するには、検索欄を空にするか、一覧で「すべて」を選んでください。</translation>
    </message>
    <message>
        <source>Select two or more runs (Ctrl+click) to see their loss curves together.</source>
        <translation>2 件以上の実行を選択すると（Ctrl+クリック）、損失曲線を並べて表示できます。</translation>
    </message>
    <message>
        <source>Every fine-tuning run, finished or not. Select several to compare their loss curves; double-click one to see all of it.</source>
        <translation>完了したものも途中のものも、すべてのファインチューニングの実行です。複数選択すると損失曲線を比較でき、ダブルクリックするとすべての情報を表示します。</translation>
    </message>
    <message>
        <source>The catalog could not be read</source>
        <translation>カタログを読み込めませんでした</translation>
    </message>
    <message>
        <source>No run matches (of %1).</source>
        <translation>一致する実行はありません（全 %1 件）。</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>実行：%1 件</translation>
    </message>
    <message>
        <source>%1 of %2 runs match</source>
        <translation>%2 件中 %1 件の実行が一致</translation>
    </message>
    <message>
        <source>From the catalog: the run, its %1 metric points, %2 checkpoint records and %3 export records.</source>
        <translation>カタログから：実行と、その指標値 %1 件、チェックポイントの記録 %2 件、エクスポートの記録 %3 件。</translation>
    </message>
    <message>
        <source>No folder of this run is left on the disk.</source>
        <translation>この実行のフォルダーはディスクに残っていません。</translation>
    </message>
    <message>
        <source>From the disk, with everything in them:</source>
        <translation>ディスクから（中身ごと）：</translation>
    </message>
    <message>
        <source>Exports saved elsewhere are kept:</source>
        <translation>別の場所に保存したエクスポートは残ります：</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>実行の削除</translation>
    </message>
    <message>
        <source>Delete the run “%1”? This cannot be undone.</source>
        <translation>実行「%1」を削除しますか？元に戻せません。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Some files were not removed</source>
        <translation>一部のファイルを削除できませんでした</translation>
    </message>
    <message>
        <source>The run is gone from the catalog, but these could not be removed; delete them by hand:</source>
        <translation>実行はカタログから削除されましたが、次のものは削除できませんでした。手動で削除してください：</translation>
    </message>
    <message>
        <source>New fine-tune…</source>
        <translation>新しいファインチューニング…</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>モニター</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>A run fine-tunes a base model on a dataset. Add a model and import a dataset first, then click “New fine-tune…”. Every run is kept here with its status, loss curve and checkpoints, so that you can compare, resume and export it.</source>
        <translation>実行とは、ベースモデルをデータセットでファインチューニングすることです。まずモデルを追加してデータセットをインポートし、「新しいファインチューニング…」をクリックしてください。すべての実行は状態・損失曲線・チェックポイントとともにここに保存されるので、比較・再開・エクスポートができます。</translation>
    </message>
    <message>
        <source>Choose a model, a dataset and a goal, see the memory plan, and start training.</source>
        <translation>モデル、データセット、目的を選び、メモリープランを確認して学習を開始します。</translation>
    </message>
    <message>
        <source>Watch the run live: loss, progress, memory and its log.</source>
        <translation>実行の様子をライブで確認します：損失、進捗、メモリ、ログ。</translation>
    </message>
    <message>
        <source>Save a checkpoint after the current step, then end the run.</source>
        <translation>現在のステップの後でチェックポイントを保存し、実行を終了します。</translation>
    </message>
    <message>
        <source>Continue a stopped or failed run from its newest checkpoint.</source>
        <translation>停止した実行や失敗した実行を、最新のチェックポイントから続行します。</translation>
    </message>
    <message>
        <source>Run %1 is no longer in the catalog.</source>
        <translation>実行 %1 はもうカタログにありません。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::SamplesView</name>
    <message>
        <source>At each evaluation the model answers the same prompts from the validation samples, always choosing its most likely next word, so you can see its answers change as it learns.</source>
        <translation>評価のたびに、モデルは検証サンプルの同じプロンプトに答えます（毎回もっとも可能性の高い次の語を選びます）。学習が進むにつれて答えがどう変わるかを確認できます。</translation>
    </message>
    <message>
        <source>&amp;Evaluation:</source>
        <translation>評価(&amp;E)：</translation>
    </message>
    <message>
        <source>Evaluation whose samples are shown</source>
        <translation>サンプルを表示する評価</translation>
    </message>
    <message>
        <source>Sample answers</source>
        <translation>サンプルの回答</translation>
    </message>
    <message>
        <source>Sample answers appear here after the first evaluation.</source>
        <translation>最初の評価の後、ここにサンプルの回答が表示されます。</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>Prompt %1</source>
        <translation>プロンプト %1</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>(none: the model ended its answer at once)</source>
        <translation>（なし：モデルはすぐに回答を終えました）</translation>
    </message>
    <message>
        <source>This run has no validation samples, so at each evaluation the model answers the same prompts from the training samples, always choosing its most likely next word, so you can see its answers change as it learns.</source>
        <translation>この実行には検証サンプルがないため、評価のたびにモデルは学習サンプルから取った同じプロンプトに、常に最も可能性の高い次の単語を選んで答えます。学習とともに答えが変わる様子を確認できます。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::SettingsPage</name>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <source>Offload folder</source>
        <translation>オフロードフォルダー</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Follow the system (%1)</source>
        <translation>システムに従う（%1）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Holds the catalog, imported datasets, checkpoints and exports. Changing it opens (or creates) the catalog there; nothing is moved.</source>
        <translation>カタログ、インポートしたデータセット、チェックポイント、エクスポートしたファイルを保存します。変更すると、その場所のカタログを開きます（なければ作成します）。既存のファイルは移動しません。</translation>
    </message>
    <message>
        <source>Where training keeps what fits neither on the graphics card nor in memory. Choose a folder on a fast SSD with plenty of free space.</source>
        <translation>グラフィックカードにもメモリにも収まらないデータを、学習中に置いておく場所です。空き容量が十分にある高速な SSD 上のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>データフォルダー：</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>データフォルダーを選択</translation>
    </message>
    <message>
        <source>Offload folder:</source>
        <translation>オフロードフォルダー：</translation>
    </message>
    <message>
        <source>Choose the offload folder</source>
        <translation>オフロードフォルダーを選択</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <source>A new language shows the next time Tiertune starts.</source>
        <translation>新しい言語は、次に Tiertune を起動したときに表示されます。</translation>
    </message>
    <message>
        <source>Catalog:</source>
        <translation>カタログ：</translation>
    </message>
    <message>
        <source>The data folder must be a full path, such as %1.</source>
        <translation>データフォルダーは %1 のような完全なパスで指定してください。</translation>
    </message>
    <message>
        <source>The offload folder must be a full path, such as %1.</source>
        <translation>オフロードフォルダーは %1 のような完全なパスで指定してください。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Check that the disk is present and that you may write there.</source>
        <translation>フォルダー %1 を作成できません。ディスクが接続されていて、書き込み権限があるか確認してください。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <source>The offload folder %1 cannot be created (%2). Check that the disk is present and that you may write there.</source>
        <translation>オフロードフォルダー %1 を作成できません（%2）。ディスクが接続されていて、書き込みが許可されているか確認してください。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder for the offload folder.</source>
        <translation>%1 はファイルで、フォルダーではありません。オフロードフォルダーにはフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>%1 is not on a disk (it is a view of the system, which holds no files), so training cannot keep anything there. Choose a folder on your SSD.</source>
        <translation>%1 はディスク上にありません（システムの情報を見せるだけの場所で、ファイルを保存できません）。学習のデータをそこに置くことはできないので、SSD 上のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Tiertune cannot write in %1 (%2). Choose a folder you may write to, on your SSD.</source>
        <translation>Tiertune は %1 に書き込めません（%2）。SSD 上の、書き込みが許可されているフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>The disk of %1 is full. Free some space or choose a folder on another disk.</source>
        <translation>%1 のディスクがいっぱいです。空き容量を増やすか、別のディスク上のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Catalog format version %1</source>
        <translation>カタログ形式のバージョン %1</translation>
    </message>
    <message>
        <source>Hugging Face server</source>
        <translation>Hugging Face サーバー</translation>
    </message>
    <message>
        <source>%1 (the default)</source>
        <translation>%1（既定）</translation>
    </message>
    <message>
        <source>Hugging Face server:</source>
        <translation>Hugging Face サーバー：</translation>
    </message>
    <message>
        <source>Leave empty for the Hugging Face Hub; a company mirror&apos;s address goes here.</source>
        <translation>Hugging Face Hub を使う場合は空欄のままにします。社内ミラーのアドレスはここに入力します。</translation>
    </message>
    <message>
        <source>Hugging Face account:</source>
        <translation>Hugging Face アカウント：</translation>
    </message>
    <message>
        <source>The Hugging Face server must be an address such as %1.</source>
        <translation>Hugging Face サーバーは %1 のようなアドレスにしてください。</translation>
    </message>
    <message>
        <source>%1 (no font for it on this system)</source>
        <translation>%1（このシステムに対応フォントがありません）</translation>
    </message>
    <message>
        <source>Install a font for this language, such as Noto Sans CJK, to read it.</source>
        <translation>この言語を表示するには、Noto Sans CJK などのフォントを入れてください。</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::TierBars</name>
    <message>
        <source>Frozen weights</source>
        <translation>凍結した重み</translation>
    </message>
    <message>
        <source>Trained weights</source>
        <translation>学習する重み</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>勾配</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>アクティベーション</translation>
    </message>
    <message>
        <source>Working buffers</source>
        <translation>作業用バッファー</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU メモリ</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>SSD (offload)</source>
        <translation>SSD（オフロード）</translation>
    </message>
    <message>
        <source>%1 needed, %2 allowed</source>
        <translation>必要 %1、許可 %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Each bar: the peak against what the tier may hold. The thin strip below it: what that peak is made of.</source>
        <translation>各バー：ピーク時の使用量と、その階層に置ける上限との比較。下の細い帯：そのピークの内訳。</translation>
    </message>
    <message>
        <source>Memory per tier</source>
        <translation>階層ごとのメモリ</translation>
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
        <translation>%1：%2（内訳：%3）。</translation>
    </message>
    <message>
        <source>Optimizer state</source>
        <translation>オプティマイザーの状態</translation>
    </message>
    <message>
        <source>Processor memory</source>
        <translation>プロセッサのメモリ</translation>
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
        <translation>学習プロセスが使用する、このコンピューターのメモリです。</translation>
    </message>
    <message>
        <source>Training state kept in the offload folder on the SSD.</source>
        <translation>SSD 上のオフロードフォルダーに置かれる学習状態です。</translation>
    </message>
    <message>
        <source>%1 planned</source>
        <translation>計画 %1</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>まだ不明</translation>
    </message>
    <message>
        <source>%1 now of %2 planned</source>
        <translation>現在 %1（計画 %2）</translation>
    </message>
    <message>
        <source>%1 now</source>
        <translation>現在 %1</translation>
    </message>
    <message>
        <source>The graphics card&apos;s memory or, when the processor (CPU) trains, the memory set aside for its calculations.</source>
        <translation>グラフィックカードのメモリです。プロセッサ（CPU）で学習する場合は、計算用に確保したメモリです。</translation>
    </message>
    <message>
        <source>Within the plan.</source>
        <translation>計画の範囲内です。</translation>
    </message>
    <message>
        <source>%1 % more than planned: normal, a measurement may differ from the plan by up to %2 %.</source>
        <translation>計画より %1 % 多いですが正常です。測定値は計画と最大 %2 % 異なることがあります。</translation>
    </message>
    <message>
        <source>Training memory</source>
        <translation>学習用メモリ</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU メモリ</translation>
    </message>
    <message>
        <source>Processor memory</source>
        <translation>プロセッサのメモリ</translation>
    </message>
    <message>
        <source>%1 % more than planned: more than the %2 % a measurement may differ by. If the training memory runs out, the run stops and can be resumed with a smaller batch.</source>
        <translation>計画より %1 % 多く、測定値の誤差として見込む %2 % を超えています。学習用メモリが不足すると実行は停止し、より小さいバッチで再開できます。</translation>
    </message>
</context>
</TS>
