<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>ConversationFiles</name>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>The conversation could not be written to %1: %2</source>
        <translation>대화를 %1에 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The conversation %1 could not be opened: %2</source>
        <translation>대화 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The conversation %1 is damaged at byte %2: %3</source>
        <translation>대화 %1이(가) %2바이트 위치에서 손상되었습니다: %3</translation>
    </message>
    <message>
        <source>The conversation %1 has no &quot;messages&quot; list.</source>
        <translation>대화 %1에 &quot;messages&quot; 목록이 없습니다.</translation>
    </message>
</context>
<context>
    <name>Dataset files</name>
    <message>
        <source>%1 line %2: a quoted field is never closed (a &quot; is missing), so the rest of the file cannot be read.</source>
        <translation>%1 %2번째 줄: 따옴표로 시작한 필드가 닫히지 않아(&quot;가 빠짐) 파일의 나머지를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1을(를) 읽을 수 없습니다(%2)</translation>
    </message>
    <message>
        <source>%1 changed while it was being imported (its size, modification time or content is not what it was when the import began), so its rows would mix two versions; nothing was imported. Import it again once nothing writes to it any more.</source>
        <translation>가져오는 동안 %1이(가) 바뀌었습니다(크기, 수정 시간 또는 내용이 가져오기를 시작할 때와 다릅니다). 두 버전의 행이 섞이게 되므로 아무것도 가져오지 않았습니다. 더 이상 이 파일에 쓰는 프로그램이 없을 때 다시 가져오세요.</translation>
    </message>
    <message>
        <source>%1: none of the first records reads as instructions, conversations, prompts with completions or text; choose the format and fields by hand</source>
        <translation>%1: 처음 레코드들을 지시문, 대화, 프롬프트와 응답, 텍스트 중 어느 것으로도 읽을 수 없습니다. 형식과 필드를 직접 고르세요</translation>
    </message>
    <message>
        <source>the model in %1 has no usable chat template, so conversations cannot be written the way it expects; choose a chat (instruct) model</source>
        <translation>%1의 모델에는 쓸 수 있는 채팅 템플릿이 없어 대화를 모델이 기대하는 형태로 쓸 수 없습니다. 채팅(Instruct) 모델을 고르세요</translation>
    </message>
    <message>
        <source>the files of dataset &quot;%1&quot; are missing (%2); import it again</source>
        <translation>데이터셋 “%1”의 파일이 없습니다(%2). 다시 가져오세요</translation>
    </message>
    <message>
        <source>building the tokens of &quot;%1&quot; was cancelled</source>
        <translation>“%1”의 토큰 만들기가 취소되었습니다</translation>
    </message>
    <message>
        <source>none of the examples of &quot;%1&quot; can be used with %2</source>
        <translation>“%1”의 예제 중 %2에 쓸 수 있는 것이 없습니다</translation>
    </message>
    <message>
        <source>the dataset needs a name</source>
        <translation>데이터셋에 이름이 필요합니다</translation>
    </message>
    <message>
        <source>a dataset named &quot;%1&quot; exists already; choose another name or delete it first</source>
        <translation>“%1”이라는 이름의 데이터셋이 이미 있습니다. 다른 이름을 고르거나 먼저 그것을 삭제하세요</translation>
    </message>
    <message>
        <source>the validation share must be at least 0 and below 1</source>
        <translation>검증 비율은 0 이상 1 미만이어야 합니다</translation>
    </message>
    <message>
        <source>text documents are split by a share, not by a validation file</source>
        <translation>텍스트 문서는 검증 파일이 아니라 비율로 나눕니다</translation>
    </message>
    <message>
        <source>the longest example must be at least one token</source>
        <translation>가장 긴 예제는 1토큰 이상이어야 합니다</translation>
    </message>
    <message>
        <source>the model has no chat template, so conversations cannot be turned into its text</source>
        <translation>모델에 채팅 템플릿이 없어 대화를 모델의 텍스트로 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1이(가) 비어 있습니다.</translation>
    </message>
    <message>
        <source>%1 is not a text file but binary data (such as a picture, an archive or a program); choose a dataset saved as JSON lines, a JSON array or CSV.</source>
        <translation>%1은(는) 텍스트 파일이 아니라 바이너리 데이터(그림, 압축 파일, 프로그램 등)입니다. JSON Lines, JSON 배열 또는 CSV로 저장한 데이터셋을 고르세요.</translation>
    </message>
    <message>
        <source>%1 is neither JSON lines, a JSON array nor CSV/TSV: it starts with &quot;%2&quot;. For plain text use a .txt file.</source>
        <translation>%1은(는) JSON Lines, JSON 배열, CSV/TSV 중 어느 것도 아닙니다. 시작 부분: “%2”. 일반 텍스트는 .txt 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>%1 line %2: %3, so the rest of the file cannot be read.</source>
        <translation>%1 %2번째 줄: %3. 그래서 파일의 나머지를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>%1: the file does not hold a JSON array of records.</source>
        <translation>%1: 이 파일에는 레코드의 JSON 배열이 없습니다.</translation>
    </message>
    <message>
        <source>%1 line %2: the JSON array is malformed or cut off here, so the rest of the file cannot be read.</source>
        <translation>%1 %2번째 줄: JSON 배열이 여기서 잘못되었거나 끊겨 있어 파일의 나머지를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 has no header row.</source>
        <translation>%1에 헤더 행이 없습니다.</translation>
    </message>
    <message>
        <source>%1: the header row is larger than %2, the most a row may be; check that this is a CSV file.</source>
        <translation>%1: 헤더 행이 한 행의 최대 크기인 %2보다 큽니다. CSV 파일이 맞는지 확인하세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mapping; write part=field, for example prompt=question</source>
        <translation>“%1”은(는) 매핑이 아닙니다. 부분=필드 형식으로 쓰세요(예: prompt=question)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a part of an example; parts are instruction, input, output, conversations, messages, prompt, completion, text and system</source>
        <translation>“%1”은(는) 예제의 부분이 아닙니다. 부분은 instruction, input, output, conversations, messages, prompt, completion, text, system입니다</translation>
    </message>
    <message>
        <source>%1: the folder has no .txt or .md files</source>
        <translation>%1: 이 폴더에는 .txt나 .md 파일이 없습니다</translation>
    </message>
    <message>
        <source>the overlap of text samples must be smaller than their length</source>
        <translation>텍스트 샘플의 겹침은 샘플 길이보다 작아야 합니다</translation>
    </message>
    <message>
        <source>%1 line %2: the file is not UTF-8 text; it looks like %3. Save it as UTF-8 (in a spreadsheet program: &quot;CSV UTF-8&quot;) and import it again.</source>
        <translation>%1 %2번째 줄: 이 파일은 UTF-8 텍스트가 아니며 %3(으)로 보입니다. UTF-8로 저장한 뒤(스프레드시트 프로그램에서는 “CSV UTF-8”) 다시 가져오세요.</translation>
    </message>
</context>
<context>
    <name>Dataset rows</name>
    <message>
        <source>text follows the closing quote of field %1</source>
        <translation>필드 %1의 닫는 따옴표 뒤에 글자가 있습니다</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>(validation file) %1</source>
        <translation>(검증 파일) %1</translation>
    </message>
    <message>
        <source>the same as row %1</source>
        <translation>%1행과 같습니다</translation>
    </message>
    <message>
        <source>the chat template writes this conversation so that the assistant&apos;s answers cannot be told apart from the rest; choose &quot;train on every token&quot; to use it anyway</source>
        <translation>채팅 템플릿이 이 대화를 쓰면 어시스턴트의 답을 나머지와 구별할 수 없습니다. 그래도 사용하려면 “모든 토큰으로 학습”을 고르세요</translation>
    </message>
    <message>
        <source>the chat template refused it: %1</source>
        <translation>채팅 템플릿이 이것을 거부했습니다: %1</translation>
    </message>
    <message>
        <source>the chat template failed on it: %1</source>
        <translation>채팅 템플릿이 이것을 처리하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>%1 tokens; the limit is %2</source>
        <translation>%1토큰입니다. 한도는 %2입니다</translation>
    </message>
    <message>
        <source>after cutting it to %1 tokens nothing of the answer is left to learn from</source>
        <translation>%1토큰으로 자르면 학습할 답이 하나도 남지 않습니다</translation>
    </message>
    <message>
        <source>it has no tokens to learn from</source>
        <translation>학습할 토큰이 없습니다</translation>
    </message>
    <message>
        <source>line %1 is not UTF-8 text (it looks like %2), unlike the rest of the file; fix or retype that line</source>
        <translation>%1번째 줄은 파일의 나머지와 달리 UTF-8 텍스트가 아닙니다(%2(으)로 보입니다). 그 줄을 고치거나 다시 입력하세요</translation>
    </message>
    <message>
        <source>the line is %1 bytes long; a row may be at most %2</source>
        <translation>이 줄은 %1바이트입니다. 한 행은 최대 %2까지 가능합니다</translation>
    </message>
    <message>
        <source>not valid JSON at character %1</source>
        <translation>%1번째 문자에서 올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <source>a number in it is too large to be read</source>
        <translation>읽을 수 없을 만큼 큰 숫자가 들어 있습니다</translation>
    </message>
    <message>
        <source>the row is larger than %1, the most a row may be</source>
        <translation>이 행은 한 행의 최대 크기인 %1보다 큽니다</translation>
    </message>
    <message>
        <source>the row has %1 columns, the header %2</source>
        <translation>이 행은 %1열이지만 헤더는 %2열입니다</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing</source>
        <translation>필드 “%1”이(가) 없습니다</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; should be text</source>
        <translation>필드 “%1”은(는) 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is empty</source>
        <translation>필드 “%1”이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; should be a list of turns</source>
        <translation>필드 “%1”은(는) 대화 차례의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; should be an object</source>
        <translation>“%2”의 %1번째 차례는 객체여야 합니다</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; has no &quot;%3&quot;</source>
        <translation>“%2”의 %1번째 차례에 “%3”이(가) 없습니다</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; has the role &quot;%3&quot;; known are system, user and assistant</source>
        <translation>“%2”의 %1번째 차례의 역할이 “%3”입니다. 알려진 역할은 system, user, assistant입니다</translation>
    </message>
    <message>
        <source>turn %1 of &quot;%2&quot; has no text in &quot;%3&quot;</source>
        <translation>“%2”의 %1번째 차례의 “%3”에 텍스트가 없습니다</translation>
    </message>
    <message>
        <source>the conversation has no assistant turn with text</source>
        <translation>이 대화에는 텍스트가 있는 어시스턴트 차례가 없습니다</translation>
    </message>
    <message>
        <source>the row is not a JSON object</source>
        <translation>이 행은 JSON 객체가 아닙니다</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>%1 line %2: %3; it is damaged, or made to break the programs that read it.</source>
        <translation>%1 %2번째 줄: %3. 파일이 손상되었거나, 읽는 프로그램을 망가뜨리려고 만든 것입니다.</translation>
    </message>
    <message>
        <source>the JSON nests lists or objects deeper than %1 levels, which no real file does</source>
        <translation>JSON의 목록이나 객체가 %1단계보다 깊게 중첩되어 있습니다. 실제 파일에서는 있을 수 없는 깊이입니다</translation>
    </message>
</context>
<context>
    <name>GpuText</name>
    <message>
        <source>%1 — %2, compute capability %3.%4, %5 multiprocessors</source>
        <translation>%1 — %2, 연산 능력 %3.%4, 멀티프로세서 %5개</translation>
    </message>
    <message>
        <source>NVIDIA driver for CUDA %1</source>
        <translation>CUDA %1용 NVIDIA 드라이버</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found — training runs on the CPU.</source>
        <translation>NVIDIA GPU를 찾을 수 없습니다 — 학습은 CPU에서 실행됩니다.</translation>
    </message>
    <message>
        <source>The NVIDIA driver is too old (it supports CUDA %1, Tiertune needs %2). Update the driver to train on the GPU; until then training runs on the CPU.</source>
        <translation>NVIDIA 드라이버가 너무 오래되었습니다(지원하는 CUDA 버전은 %1이고, Tiertune에는 %2 버전이 필요합니다). GPU에서 학습하려면 드라이버를 업데이트하세요. 그때까지는 학습이 CPU에서 실행됩니다.</translation>
    </message>
    <message>
        <source>This copy of Tiertune was built without GPU support — training runs on the CPU.</source>
        <translation>이 Tiertune은 GPU 지원 없이 빌드되었습니다 — 학습은 CPU에서 실행됩니다.</translation>
    </message>
    <message>
        <source>The GPU cannot be used: %1. Training runs on the CPU.</source>
        <translation>GPU를 사용할 수 없습니다: %1. 학습은 CPU에서 실행됩니다.</translation>
    </message>
    <message>
        <source>The GPU could not be used (%1) — training runs on the CPU.</source>
        <translation>GPU를 사용할 수 없습니다(%1) — 학습은 CPU에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Training runs on the graphics card %1 (%2).</source>
        <translation>학습은 그래픽 카드 %1(%2)에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Training runs on the processor, as the run&apos;s settings ask.</source>
        <translation>실행 설정에 따라 학습은 프로세서에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Training runs on the processor: the graphics card %1 (compute capability %2.%3) is older than GPU training needs (%4.0 or newer, NVIDIA Ampere and later).</source>
        <translation>학습은 프로세서에서 실행됩니다: 그래픽 카드 %1(연산 능력 %2.%3)은 GPU 학습에 필요한 세대(%4.0 이상, NVIDIA Ampere 이후)보다 오래되었습니다.</translation>
    </message>
    <message>
        <source>Training runs on the processor: the NVIDIA driver is too old. Update it to train on the graphics card.</source>
        <translation>학습은 프로세서에서 실행됩니다: NVIDIA 드라이버가 너무 오래되었습니다. 그래픽 카드에서 학습하려면 업데이트하세요.</translation>
    </message>
    <message>
        <source>Training runs on the processor: this copy of Tiertune was built without GPU support.</source>
        <translation>학습은 프로세서에서 실행됩니다: 이 Tiertune은 GPU 지원 없이 빌드되었습니다.</translation>
    </message>
    <message>
        <source>Training runs on the processor: the graphics card cannot be used (%1).</source>
        <translation>학습은 프로세서에서 실행됩니다: 그래픽 카드를 사용할 수 없습니다(%1).</translation>
    </message>
    <message>
        <source>Training runs on the processor: no NVIDIA graphics card was found.</source>
        <translation>학습은 프로세서에서 실행됩니다: NVIDIA 그래픽 카드를 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>%1 (graphics card, %2)</source>
        <translation>%1(그래픽 카드, %2)</translation>
    </message>
    <message>
        <source>%1 (processor, %2 of RAM)</source>
        <translation>%1(프로세서, RAM %2)</translation>
    </message>
</context>
<context>
    <name>HelpGuide</name>
    <message>
        <source>The first hour</source>
        <translation>첫 한 시간</translation>
    </message>
    <message>
        <source>LoRA or full fine-tuning</source>
        <translation>LoRA와 전체 파인튜닝</translation>
    </message>
    <message>
        <source>Reading the memory plan</source>
        <translation>메모리 계획 읽는 법</translation>
    </message>
    <message>
        <source>When a run does not fit</source>
        <translation>실행이 들어가지 않을 때</translation>
    </message>
    <message>
        <source>Downloading models</source>
        <translation>모델 다운로드</translation>
    </message>
    <message>
        <source>Tiertune fine-tunes an open language model on your own examples, on this computer. A first run takes four steps, each a page on the left.</source>
        <translation>Tiertune은 공개 언어 모델을 여러분의 예제로 이 컴퓨터에서 파인튜닝합니다. 첫 실행은 네 단계이며, 각 단계는 왼쪽의 페이지 하나입니다.</translation>
    </message>
    <message>
        <source>1. Models: download a model by name (Download a model…) or add a folder you have. Start small: Qwen2.5-0.5B-Instruct trains on almost any computer.</source>
        <translation>1. 모델: 이름으로 모델을 다운로드하거나(모델 다운로드…) 가지고 있는 폴더를 추가합니다. 작게 시작하세요. Qwen2.5-0.5B-Instruct는 거의 모든 컴퓨터에서 학습됩니다.</translation>
    </message>
    <message>
        <source>2. Datasets: import your examples (JSON lines, JSON or CSV). Each row is checked against the model&apos;s chat template; rows that cannot be used are listed with the reason.</source>
        <translation>2. 데이터셋: 예제를 가져옵니다(JSON Lines, JSON, CSV). 각 행은 모델의 채팅 템플릿으로 확인되며, 쓸 수 없는 행은 이유와 함께 나열됩니다.</translation>
    </message>
    <message>
        <source>3. Runs: New fine-tune… picks the model, the dataset and a goal, shows the memory plan and starts. The run goes on when the window closes; a stopped or crashed run resumes from its last checkpoint.</source>
        <translation>3. 실행: 새 파인튜닝…에서 모델, 데이터셋, 목표를 고르고 메모리 계획을 확인한 뒤 시작합니다. 창을 닫아도 실행은 계속되며, 멈추거나 중단된 실행은 마지막 체크포인트부터 재개됩니다.</translation>
    </message>
    <message>
        <source>4. Try the result in the Playground beside the base model, then export it: a LoRA adapter, a merged model, or GGUF for llama.cpp and Ollama.</source>
        <translation>4. 플레이그라운드에서 결과를 기본 모델과 나란히 시험한 뒤 내보냅니다: LoRA 어댑터, 병합된 모델, 또는 llama.cpp와 Ollama용 GGUF.</translation>
    </message>
    <message>
        <source>Full fine-tuning changes every weight of the model. It learns the most and needs the most memory: about 16 bytes per parameter for the weights, their gradients and the optimizer&apos;s two moments.</source>
        <translation>전체 파인튜닝은 모델의 모든 가중치를 바꿉니다. 가장 많이 배우지만 메모리도 가장 많이 필요합니다. 가중치, 그 기울기, 옵티마이저의 두 모멘트로 매개변수당 약 16바이트입니다.</translation>
    </message>
    <message>
        <source>LoRA keeps the model&apos;s weights as they are and trains two small matrices beside each layer (the adapter): a few million parameters instead of billions. It needs far less memory and time, and it is the right start for teaching a style, a format or the facts of your domain.</source>
        <translation>LoRA는 모델의 가중치를 그대로 두고 각 층 옆의 작은 행렬 두 개(어댑터)를 학습합니다. 수십억 개가 아니라 수백만 개의 매개변수입니다. 메모리와 시간이 훨씬 적게 들며, 문체나 형식, 여러분 분야의 사실을 가르치기에 알맞은 시작점입니다.</translation>
    </message>
    <message>
        <source>Quick LoRA uses a small adapter and a short schedule; Balanced LoRA a larger adapter and more epochs. Choose Full fine-tune when LoRA&apos;s results stop improving and the plan shows that it fits.</source>
        <translation>빠른 LoRA는 작은 어댑터와 짧은 일정을, 균형 LoRA는 더 큰 어댑터와 더 많은 에포크를 씁니다. LoRA의 결과가 더 나아지지 않고 계획에서 들어간다고 나오면 전체 파인튜닝을 고르세요.</translation>
    </message>
    <message>
        <source>Before a run starts, the plan shows where each part of the training state lives: on the GPU, in RAM, or in the offload folder on the SSD. The faster the place, the faster each step.</source>
        <translation>실행이 시작되기 전에 계획은 학습 상태의 각 부분이 어디에 놓이는지 보여 줍니다: GPU, RAM, 또는 SSD의 오프로드 폴더. 놓이는 곳이 빠를수록 각 단계도 빠릅니다.</translation>
    </message>
    <message>
        <source>Fits on the GPU: everything stays on the graphics card. Streams from RAM: layers and optimizer state travel between RAM and the GPU at each step; training works, more slowly. Needs the SSD: part of the state is kept on the disk, and each step reads and writes it.</source>
        <translation>GPU에 들어감: 모든 것이 그래픽 카드에 머뭅니다. RAM에서 스트리밍: 층과 옵티마이저 상태가 매 단계 RAM과 GPU 사이를 오갑니다. 학습은 되지만 더 느립니다. SSD 필요: 상태의 일부가 디스크에 놓이고, 매 단계 읽고 씁니다.</translation>
    </message>
    <message>
        <source>The time estimate measures a step on this computer and adds loading, evaluations and checkpoints. A busy computer gives a range.</source>
        <translation>예상 시간은 이 컴퓨터에서 한 단계를 측정하고 로딩, 평가, 체크포인트 시간을 더한 것입니다. 컴퓨터가 바쁘면 범위로 보여 줍니다.</translation>
    </message>
    <message>
        <source>The plan says what is too large and offers changes that would make the run fit, each one click away: a LoRA goal instead of a full fine-tune, shorter examples (the sequence length), a smaller batch, or more room in the offload folder.</source>
        <translation>계획은 무엇이 너무 큰지 알려 주고, 실행이 들어가게 할 변경을 한 번의 클릭으로 제안합니다: 전체 파인튜닝 대신 LoRA 목표, 더 짧은 예제(시퀀스 길이), 더 작은 배치, 또는 오프로드 폴더의 더 많은 공간.</translation>
    </message>
    <message>
        <source>Free memory helps too: close other programs that use the GPU or much RAM. In Settings, choose an offload folder on a fast SSD with plenty of free space.</source>
        <translation>여유 메모리도 도움이 됩니다: GPU나 많은 RAM을 쓰는 다른 프로그램을 닫으세요. 설정에서 여유 공간이 넉넉한 빠른 SSD의 오프로드 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>If it still does not fit, choose a smaller model of the same family: a 1.5B model trained well often does better than a 7B model that cannot train here.</source>
        <translation>그래도 들어가지 않으면 같은 계열의 더 작은 모델을 고르세요. 여기서 학습할 수 없는 7B 모델보다 잘 학습한 1.5B 모델이 더 나은 경우가 많습니다.</translation>
    </message>
    <message>
        <source>Models → Download a model… lists good first models for this computer and searches the Hugging Face Hub. Each shows what this computer can do with it before anything is downloaded.</source>
        <translation>모델 → 모델 다운로드…는 이 컴퓨터에 알맞은 첫 모델을 나열하고 Hugging Face Hub를 검색합니다. 아무것도 다운로드하기 전에 각 모델로 이 컴퓨터가 무엇을 할 수 있는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Downloads go into the Hugging Face cache that Python tools share. An interrupted download continues where it stopped, and every file is checked before it counts.</source>
        <translation>다운로드는 Python 도구와 함께 쓰는 Hugging Face 캐시에 저장됩니다. 중단된 다운로드는 멈춘 곳부터 이어지며, 모든 파일은 확인된 뒤에 쓰입니다.</translation>
    </message>
    <message>
        <source>Some models, such as Meta&apos;s Llama, are gated: accept their licence on the model&apos;s page, create an access token in your Hugging Face account&apos;s settings, and sign in with it in Settings.</source>
        <translation>Meta의 Llama 같은 일부 모델은 제한되어 있습니다: 모델 페이지에서 라이선스에 동의하고, Hugging Face 계정 설정에서 액세스 토큰을 만든 뒤, 설정에서 그 토큰으로 로그인하세요.</translation>
    </message>
    <message>
        <source>Tiertune guide</source>
        <translation>Tiertune 안내서</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>주제</translation>
    </message>
</context>
<context>
    <name>HubProblemText</name>
    <message>
        <source>the model&apos;s page</source>
        <translation>모델 페이지</translation>
    </message>
    <message>
        <source>Tiertune could not reach the Hugging Face Hub. Check the internet connection (or the server address in Settings) and try again; a download continues where it stopped.</source>
        <translation>Tiertune이 Hugging Face Hub에 연결하지 못했습니다. 인터넷 연결(또는 설정의 서버 주소)을 확인하고 다시 시도하세요. 다운로드는 멈춘 곳부터 이어집니다.</translation>
    </message>
    <message>
        <source>%1 is shared only with people who accepted its licence. Sign in with a Hugging Face access token in Settings, from an account that has access.</source>
        <translation>%1은(는) 라이선스에 동의한 사람에게만 공개됩니다. 접근 권한이 있는 계정의 Hugging Face 액세스 토큰으로 설정에서 로그인하세요.</translation>
    </message>
    <message>
        <source>Your Hugging Face account has no access to %1 yet. Ask for it on %2; approval can take from minutes to days.</source>
        <translation>Hugging Face 계정에 아직 %1에 대한 접근 권한이 없습니다. %2에서 요청하세요. 승인에는 몇 분에서 며칠이 걸릴 수 있습니다.</translation>
    </message>
    <message>
        <source>The Hugging Face Hub did not accept the access token. Copy it again from your account&apos;s settings and sign in again in Settings.</source>
        <translation>Hugging Face Hub가 액세스 토큰을 받아들이지 않았습니다. 계정 설정에서 다시 복사한 뒤 설정에서 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>There is no model named %1. Check the spelling (organization/name); a private model needs a token with access to it.</source>
        <translation>%1(이)라는 모델이 없습니다. 철자(조직/이름)를 확인하세요. 비공개 모델에는 접근 권한이 있는 토큰이 필요합니다.</translation>
    </message>
    <message>
        <source>%1 has no such version.</source>
        <translation>%1에는 그런 버전이 없습니다.</translation>
    </message>
    <message>
        <source>A file of %1 is missing on the Hub.</source>
        <translation>Hub에 %1의 파일이 없습니다.</translation>
    </message>
    <message>
        <source>%1 is not published in the safetensors format Tiertune reads. Look for a version of it in safetensors on %2.</source>
        <translation>%1은(는) Tiertune이 읽는 safetensors 형식으로 공개되어 있지 않습니다. %2에서 safetensors 버전을 찾아보세요.</translation>
    </message>
    <message>
        <source>There is not enough free disk space for %1. Free some space and download again; what arrived is kept.</source>
        <translation>%1에 필요한 디스크 여유 공간이 부족합니다. 공간을 확보한 뒤 다시 다운로드하세요. 이미 받은 부분은 유지됩니다.</translation>
    </message>
    <message>
        <source>A file of %1 arrived damaged twice and was not kept. A proxy or the network may be altering downloads; try again later or on another network.</source>
        <translation>%1의 파일이 두 번 모두 손상된 채 도착해 저장하지 않았습니다. 프록시나 네트워크가 다운로드를 변경하고 있을 수 있습니다. 나중에 또는 다른 네트워크에서 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The Hugging Face Hub is busy or answered unexpectedly. Try again in a few minutes.</source>
        <translation>Hugging Face Hub가 바쁘거나 예상치 못한 응답을 보냈습니다. 몇 분 뒤에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The download was cancelled. What arrived is kept: downloading again continues from there.</source>
        <translation>다운로드를 취소했습니다. 이미 받은 부분은 유지되어 다시 다운로드하면 거기서부터 이어집니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a model name. Write it as organization/name, for example Qwen/Qwen2.5-0.5B-Instruct.</source>
        <translation>&quot;%1&quot;은(는) 모델 이름이 아닙니다. 조직/이름 형식으로 쓰세요(예: Qwen/Qwen2.5-0.5B-Instruct).</translation>
    </message>
</context>
<context>
    <name>Model folders</name>
    <message>
        <source>%1: architecture %2 is not supported yet; supported are %3.</source>
        <translation>%1: 아키텍처 %2은(는) 아직 지원하지 않습니다. 지원하는 것은 %3입니다.</translation>
    </message>
    <message>
        <source>%1: this is a quantized model%2; Tiertune fine-tunes from unquantized weights (bfloat16, float16 or float32). Use the original, unquantized model folder.</source>
        <translation>%1: 양자화된 모델입니다%2. Tiertune은 양자화되지 않은 가중치(bfloat16, float16, float32)로 파인튜닝합니다. 양자화되지 않은 원래 모델 폴더를 사용하세요.</translation>
    </message>
    <message>
        <source>%1: cannot open the file; the model folder needs a config.json.</source>
        <translation>%1: 파일을 열 수 없습니다. 모델 폴더에는 config.json이 있어야 합니다.</translation>
    </message>
    <message>
        <source>tokenizer.json is missing; this folder only has tokenizer.model (SentencePiece), which Tiertune does not read yet. Download the model&apos;s tokenizer.json as well.</source>
        <translation>tokenizer.json이 없습니다. 이 폴더에는 Tiertune이 아직 읽지 못하는 tokenizer.model(SentencePiece)만 있습니다. 모델의 tokenizer.json도 내려받으세요.</translation>
    </message>
    <message>
        <source>tokenizer.json is missing: Tiertune needs it to turn text into tokens.</source>
        <translation>tokenizer.json이 없습니다. Tiertune은 텍스트를 토큰으로 바꾸는 데 이 파일이 필요합니다.</translation>
    </message>
    <message>
        <source>The tokenizer has token ids up to %1 but the model has only %2 token embeddings (vocab_size in config.json): they do not belong together.</source>
        <translation>토크나이저의 토큰 ID는 %1까지 있지만 모델의 토큰 임베딩은 %2개뿐입니다(config.json의 vocab_size). 서로 맞지 않는 조합입니다.</translation>
    </message>
    <message>
        <source>The tokenizer cannot be used: %1</source>
        <translation>토크나이저를 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The model has no chat template: it is a base model. Train it on plain text, or on conversations with a template chosen when you create the run.</source>
        <translation>이 모델에는 채팅 템플릿이 없습니다(기본 모델입니다). 일반 텍스트로 학습하거나, 실행을 만들 때 템플릿을 골라 대화로 학습하세요.</translation>
    </message>
    <message>
        <source>The model&apos;s chat template cannot be read (%1); conversations need a template chosen when you create the run.</source>
        <translation>모델의 채팅 템플릿을 읽을 수 없습니다(%1). 대화로 학습하려면 실행을 만들 때 템플릿을 고르세요.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1은(는) 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>config.json is missing: this does not look like a Hugging Face model folder.</source>
        <translation>config.json이 없습니다. Hugging Face 모델 폴더가 아닌 것 같습니다.</translation>
    </message>
    <message>
        <source>%1: no model weights found: the folder has neither %2 nor %3. It has pytorch_model.bin weights, a PyTorch format Tiertune does not read; download the safetensors version of the model.</source>
        <translation>%1: 모델 가중치를 찾을 수 없습니다. 이 폴더에는 %2도 %3도 없습니다. Tiertune이 읽지 못하는 PyTorch 형식의 pytorch_model.bin 가중치만 있습니다. safetensors 버전의 모델을 내려받으세요.</translation>
    </message>
    <message>
        <source>%1: no model weights found: the folder has neither %2 nor %3.</source>
        <translation>%1: 모델 가중치를 찾을 수 없습니다. 이 폴더에는 %2도 %3도 없습니다.</translation>
    </message>
    <message>
        <source>%1 lists the shard %2, but that file is not in %3: the download is incomplete; download the missing file.</source>
        <translation>%1에는 샤드 %2이(가) 적혀 있지만 그 파일이 %3에 없습니다. 내려받기가 끝나지 않았으니 빠진 파일을 내려받으세요.</translation>
    </message>
    <message>
        <source>tensor %1 is missing (expected shape %2); the weights do not match config.json or a file is incomplete.</source>
        <translation>텐서 %1이(가) 없습니다(예상 형태 %2). 가중치가 config.json과 맞지 않거나 파일이 불완전합니다.</translation>
    </message>
    <message>
        <source>tensor %1 has shape %2, but config.json implies %3; the weights belong to a different model than config.json describes.</source>
        <translation>텐서 %1의 형태는 %2이지만 config.json에 따르면 %3이어야 합니다. 가중치가 config.json이 설명하는 것과 다른 모델의 것입니다.</translation>
    </message>
    <message>
        <source>tensor %1 holds %2 values (%3); Tiertune loads weights only as BF16, F16 or F32. Use an unquantized model folder.</source>
        <translation>텐서 %1의 값은 %2(%3)입니다. Tiertune은 BF16, F16, F32 가중치만 불러올 수 있습니다. 양자화되지 않은 모델 폴더를 사용하세요.</translation>
    </message>
    <message>
        <source>tensor lm_head.weight is present, but config.json ties the output layer to the embeddings (tie_word_embeddings), so it would be ignored; config.json and the weights disagree.</source>
        <translation>텐서 lm_head.weight가 있지만 config.json에서 출력층을 임베딩과 공유하도록(tie_word_embeddings) 설정해 무시됩니다. config.json과 가중치가 서로 맞지 않습니다.</translation>
    </message>
    <message>
        <source>tensor %1 is not part of a %2 model with this config.json; the weights belong to a different model or architecture.</source>
        <translation>텐서 %1은(는) 이 config.json의 %2 모델에 속하지 않습니다. 가중치가 다른 모델이나 아키텍처의 것입니다.</translation>
    </message>
    <message>
        <source>%1: tensor %2 holds values that are not a number (NaN or infinite), %3 of them; training and generation cannot use it. The file is damaged or was saved from a diverged model: download the model again.</source>
        <translation>%1: 텐서 %2에 숫자가 아닌 값(NaN 또는 무한대)이 %3개 있습니다. 학습에도 생성에도 쓸 수 없습니다. 파일이 손상되었거나 발산한 모델에서 저장된 것입니다. 모델을 다시 내려받으세요.</translation>
    </message>
</context>
<context>
    <name>NumberText</name>
    <message>
        <source>%1 billion</source>
        <translation>%1십억</translation>
    </message>
    <message>
        <source>%1 million</source>
        <translation>%1백만</translation>
    </message>
    <message>
        <source>%1 hundred million</source>
        <translation>%1억</translation>
    </message>
    <message>
        <source>%1 ten thousand</source>
        <translation>%1만</translation>
    </message>
</context>
<context>
    <name>Output folders</name>
    <message>
        <source>run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <source>run %1 (“%2”)</source>
        <translation>실행 %1(“%2”)</translation>
    </message>
    <message>
        <source>The output folder %1 is in use by another Tiertune process; wait for it to end, or give this run another &quot;output&quot;.</source>
        <translation>출력 폴더 %1을(를) 다른 Tiertune 프로세스가 사용 중입니다. 끝날 때까지 기다리거나 이 실행에 다른 “output”을 지정하세요.</translation>
    </message>
    <message>
        <source>Run %1 is already running (process %2); one run has one worker. Wait for it to end, or stop it first.</source>
        <translation>실행 %1은(는) 이미 진행 중입니다(프로세스 %2). 한 실행에는 워커가 하나뿐입니다. 끝날 때까지 기다리거나 먼저 중지하세요.</translation>
    </message>
    <message>
        <source>another run</source>
        <translation>다른 실행</translation>
    </message>
    <message>
        <source>%1 of another catalog (%2)</source>
        <translation>다른 카탈로그(%2)의 %1</translation>
    </message>
    <message>
        <source>The output folder %1 is in use by %2 (process %3); two runs in one folder would delete each other&apos;s checkpoints. Give this run another &quot;output&quot;, or wait for that run to end.</source>
        <translation>출력 폴더 %1을(를) %2이(가) 사용 중입니다(프로세스 %3). 한 폴더에서 두 실행을 돌리면 서로의 체크포인트를 지우게 됩니다. 이 실행에 다른 “output”을 지정하거나 그 실행이 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>폴더가 아닙니다</translation>
    </message>
    <message>
        <source>Cannot create the output folder %1: %2. Choose a folder you can write to as &quot;output&quot;.</source>
        <translation>출력 폴더 %1을(를) 만들 수 없습니다: %2. 쓸 수 있는 폴더를 “output”으로 지정하세요.</translation>
    </message>
    <message>
        <source>Cannot write in the output folder %1 (%2). Choose a folder you can write to as &quot;output&quot;.</source>
        <translation>출력 폴더 %1에 쓸 수 없습니다(%2). 쓸 수 있는 폴더를 “output”으로 지정하세요.</translation>
    </message>
    <message>
        <source>The output folder %1 belongs to %2 of another catalog (%3); two runs in one folder would delete each other&apos;s checkpoints. Give this run another &quot;output&quot; (if that catalog is gone for good, delete %4).</source>
        <translation>출력 폴더 %1은(는) 다른 카탈로그(%3)의 %2 것입니다. 한 폴더에서 두 실행을 돌리면 서로의 체크포인트를 지우게 됩니다. 이 실행에 다른 “output”을 지정하세요(그 카탈로그가 완전히 없어졌다면 %4을(를) 삭제하세요).</translation>
    </message>
    <message>
        <source>The output folder %1 belongs to %2; two runs in one folder would overwrite each other&apos;s checkpoints. Give this run another &quot;output&quot;, or continue that run instead.</source>
        <translation>출력 폴더 %1은(는) %2의 것입니다. 한 폴더에서 두 실행을 돌리면 서로의 체크포인트를 덮어쓰게 됩니다. 이 실행에 다른 “output”을 지정하거나 대신 그 실행을 이어서 하세요.</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <source>The offload folder&apos;s speed has not been measured yet, so 1 GB/s is assumed: “Measure disk speed” on the Home page measures it.</source>
        <translation>오프로드 폴더의 속도를 아직 측정하지 않아 1 GB/s로 가정합니다. 홈 페이지의 “디스크 속도 측정”으로 측정할 수 있습니다.</translation>
    </message>
    <message>
        <source>The offload folder&apos;s speed was measured through the system&apos;s file cache, so the times for the SSD may be too hopeful.</source>
        <translation>오프로드 폴더의 속도를 시스템 파일 캐시를 거쳐 측정했으므로 SSD 시간이 실제보다 낙관적일 수 있습니다.</translation>
    </message>
    <message>
        <source>The training speed was measured on this computer&apos;s graphics card.</source>
        <translation>학습 속도를 이 컴퓨터의 그래픽 카드에서 측정했습니다.</translation>
    </message>
    <message>
        <source>The training speed was measured on this computer&apos;s processor (CPU).</source>
        <translation>학습 속도를 이 컴퓨터의 프로세서(CPU)에서 측정했습니다.</translation>
    </message>
    <message>
        <source>No graphics card: the processor (CPU) trains; its speed is estimated from its cores.</source>
        <translation>그래픽 카드가 없어 프로세서(CPU)로 학습합니다. 속도는 코어 수로 추정합니다.</translation>
    </message>
    <message>
        <source>The graphics card&apos;s speed is estimated from its kind until a run measures it.</source>
        <translation>그래픽 카드의 속도는 실행에서 측정되기 전까지 종류로 추정합니다.</translation>
    </message>
    <message>
        <source>The graphics card&apos;s speed is measured when its first run starts; until then it is estimated from its kind.</source>
        <translation>그래픽 카드의 속도는 첫 실행이 시작될 때 측정됩니다. 그때까지는 종류로 추정합니다.</translation>
    </message>
    <message>
        <source>The graphics card&apos;s speed could not be measured: %1</source>
        <translation>그래픽 카드의 속도를 측정할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The run&apos;s time is derived from this computer&apos;s measured speed, not measured on this model.</source>
        <translation>실행 시간은 이 모델에서 측정한 것이 아니라 이 컴퓨터의 측정된 속도로 계산했습니다.</translation>
    </message>
    <message>
        <source>A step of this model could not be measured here, so the run&apos;s time is derived from this computer&apos;s measured speed.</source>
        <translation>이 모델의 한 단계를 여기서 측정할 수 없어, 실행 시간은 이 컴퓨터의 측정된 속도로 계산했습니다.</translation>
    </message>
    <message>
        <source>The run&apos;s time is not estimated: the dataset&apos;s samples could not be read.</source>
        <translation>실행 시간을 추정하지 않았습니다: 데이터셋의 샘플을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>One training step needs %1 of working memory at this batch size and sequence length, but the graphics card offers %2.</source>
        <translation>이 배치 크기와 시퀀스 길이에서는 학습 한 단계에 작업 메모리 %1이(가) 필요하지만 그래픽 카드는 %2만 제공합니다.</translation>
    </message>
    <message>
        <source>One training step needs %1 of working memory at this batch size and sequence length, but the memory set aside for training offers %2.</source>
        <translation>이 배치 크기와 시퀀스 길이에서는 학습 한 단계에 작업 메모리 %1이(가) 필요하지만 학습용으로 떼어 둔 메모리는 %2뿐입니다.</translation>
    </message>
    <message>
        <source>The whole training state (%1) is also more than the training memory, RAM and SSD hold together.</source>
        <translation>학습 상태 전체(%1)도 학습 메모리, RAM, SSD를 모두 합한 용량보다 큽니다.</translation>
    </message>
    <message>
        <source>The training state needs %1, but this computer offers %2 on the graphics card, %3 of RAM and %4 on the SSD.</source>
        <translation>학습 상태에는 %1이(가) 필요하지만 이 컴퓨터가 제공하는 것은 그래픽 카드 %2, RAM %3, SSD %4입니다.</translation>
    </message>
    <message>
        <source>The training state needs %1, but this computer offers %2 of memory set aside for training, %3 more of RAM and %4 on the SSD.</source>
        <translation>학습 상태에는 %1이(가) 필요하지만 이 컴퓨터가 제공하는 것은 학습용으로 떼어 둔 메모리 %2, 추가 RAM %3, SSD %4입니다.</translation>
    </message>
    <message>
        <source>A batch of 1 with shorter examples (for example %1 tokens) needs less working memory.</source>
        <translation>배치 1과 더 짧은 예제(예: 토큰 %1개)를 쓰면 작업 메모리가 덜 필요합니다.</translation>
    </message>
    <message>
        <source>LoRA instead of full fine-tuning needs about %1 in all.</source>
        <translation>전체 파인튜닝 대신 LoRA를 쓰면 모두 합해 약 %1이(가) 필요합니다.</translation>
    </message>
    <message>
        <source>Free %1 more on the SSD of the offload folder, or choose an offload folder on a larger SSD in Settings.</source>
        <translation>오프로드 폴더가 있는 SSD에서 %1을(를) 더 비우거나, 설정에서 더 큰 SSD의 오프로드 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>The run&apos;s time is estimated once a dataset is chosen.</source>
        <translation>실행 시간은 데이터셋을 고르면 추정됩니다.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Not valid JSON</source>
        <translation>올바른 JSON이 아님</translation>
    </message>
    <message>
        <source>Not an object with fields</source>
        <translation>필드가 있는 객체가 아님</translation>
    </message>
    <message>
        <source>A field is missing</source>
        <translation>필드가 없음</translation>
    </message>
    <message>
        <source>A field has the wrong type</source>
        <translation>필드 형식이 잘못됨</translation>
    </message>
    <message>
        <source>A field is empty</source>
        <translation>필드가 비어 있음</translation>
    </message>
    <message>
        <source>Unknown speaker role</source>
        <translation>알 수 없는 화자 역할</translation>
    </message>
    <message>
        <source>No answer to learn from</source>
        <translation>학습할 답변이 없음</translation>
    </message>
    <message>
        <source>Broken CSV row</source>
        <translation>손상된 CSV 행</translation>
    </message>
    <message>
        <source>Longer than the context</source>
        <translation>컨텍스트보다 김</translation>
    </message>
    <message>
        <source>Exact duplicate</source>
        <translation>완전히 같은 중복</translation>
    </message>
    <message>
        <source>Refused by the chat template</source>
        <translation>채팅 템플릿이 거부함</translation>
    </message>
    <message>
        <source>Answer not found after templating</source>
        <translation>템플릿 적용 후 답변을 찾을 수 없음</translation>
    </message>
    <message>
        <source>File cannot be read as text</source>
        <translation>파일을 텍스트로 읽을 수 없음</translation>
    </message>
    <message>
        <source>Line is not UTF-8 text</source>
        <translation>줄이 UTF-8 텍스트가 아님</translation>
    </message>
    <message>
        <source>Row too large</source>
        <translation>행이 너무 큼</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
</context>
<context>
    <name>RunText</name>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 중지됨</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>완료됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패함</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1일 %2시간</translation>
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
        <translation>전체 파인튜닝</translation>
    </message>
    <message>
        <source>Quick LoRA</source>
        <translation>빠른 LoRA</translation>
    </message>
    <message>
        <source>Balanced LoRA</source>
        <translation>균형 잡힌 LoRA</translation>
    </message>
    <message>
        <source>%1, own settings</source>
        <translation>%1, 사용자 설정</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Quick LoRA, model in 4 bits</source>
        <translation>빠른 LoRA, 모델은 4비트</translation>
    </message>
    <message>
        <source>Balanced LoRA, model in 4 bits</source>
        <translation>균형 LoRA, 모델은 4비트</translation>
    </message>
    <message>
        <source>Smallest memory (QLoRA)</source>
        <translation>최소 메모리 (QLoRA)</translation>
    </message>
    <message>
        <source>QLoRA (4-bit model)</source>
        <translation>QLoRA (4비트 모델)</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>Cannot create the checkpoint folder %1: %2. Choose an &quot;output&quot; folder on a disk you can write to.</source>
        <translation>체크포인트 폴더 %1을(를) 만들 수 없습니다: %2. 쓸 수 있는 디스크의 폴더를 “output”으로 지정하세요.</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>폴더가 아닙니다</translation>
    </message>
    <message>
        <source>Cannot write checkpoints into %1 (%2). Choose an &quot;output&quot; folder on a disk you can write to.</source>
        <translation>%1에 체크포인트를 쓸 수 없습니다(%2). 쓸 수 있는 디스크의 폴더를 “output”으로 지정하세요.</translation>
    </message>
    <message>
        <source>it is not on a disk</source>
        <translation>디스크에 있지 않습니다</translation>
    </message>
    <message>
        <source>The disk of %1 has %2 MiB free, and a checkpoint of this run takes about %3 MiB. Free some space, or choose an &quot;output&quot; folder on another disk.</source>
        <translation>%1 디스크의 여유 공간은 %2 MiB인데 이 실행의 체크포인트에는 약 %3 MiB가 필요합니다. 공간을 확보하거나 다른 디스크의 폴더를 “output”으로 지정하세요.</translation>
    </message>
    <message>
        <source>training diverged at step %1: the gradients are not finite numbers (try a lower learning rate)</source>
        <translation>%1단계에서 학습이 발산했습니다. 기울기가 유한한 숫자가 아닙니다(학습률을 낮춰 보세요)</translation>
    </message>
</context>
<context>
    <name>WizardHelp</name>
    <message>
        <source>Help: %1</source>
        <translation>도움말: %1</translation>
    </message>
    <message>
        <source>Open the guide</source>
        <translation>안내서 열기</translation>
    </message>
</context>
<context>
    <name>WizardLabels</name>
    <message>
        <source>%1 %2</source>
        <comment>a sentence, then the next one</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ActiveRunsPanel</name>
    <message>
        <source>“%1” — %2, step %3</source>
        <translation>“%1” — %2, 단계 %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training now&lt;/b&gt;: these runs go on whether this window is open or not.</source>
        <translation>&lt;b&gt;학습 중&lt;/b&gt;: 이 실행들은 이 창이 열려 있든 닫혀 있든 계속됩니다.</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Watch the run %1</source>
        <translation>실행 %1 보기</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::AddModelDialog</name>
    <message>
        <source>Add model folder</source>
        <translation>모델 폴더 추가</translation>
    </message>
    <message>
        <source>Checking the folder…</source>
        <translation>폴더를 확인하는 중…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>폴더:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>아키텍처:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>파라미터 수:</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>레이어 수:</translation>
    </message>
    <message>
        <source>Context length:</source>
        <translation>컨텍스트 길이:</translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation>어휘 크기:</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>가중치:</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>토크나이저:</translation>
    </message>
    <message>
        <source>Chat template:</source>
        <translation>채팅 템플릿:</translation>
    </message>
    <message>
        <source>Add to catalog</source>
        <translation>카탈로그에 추가</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>토큰 %1개</translation>
    </message>
    <message>
        <source>%1 in one file, %2</source>
        <translation>%1 (파일 1개), %2</translation>
    </message>
    <message>
        <source>%1 in %2 files, %3</source>
        <translation>%1 (파일 %2개), %3</translation>
    </message>
    <message>
        <source>tokenizer.json</source>
        <translation>tokenizer.json</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>있음</translation>
    </message>
    <message>
        <source>no (base model)</source>
        <translation>없음(기본 모델)</translation>
    </message>
    <message>
        <source>This folder cannot be trained yet:</source>
        <translation>이 폴더는 아직 학습에 사용할 수 없습니다:</translation>
    </message>
    <message>
        <source>The catalog is not open: %1</source>
        <translation>카탈로그가 열려 있지 않습니다: %1</translation>
    </message>
    <message>
        <source>This folder does not hold a model. A model folder, as downloaded from Hugging Face, has config.json, the weights (.safetensors files) and tokenizer.json. What is missing here:</source>
        <translation>이 폴더에는 모델이 없습니다. Hugging Face에서 내려받은 모델 폴더에는 config.json, 가중치(.safetensors 파일), tokenizer.json이 있습니다. 여기에 없는 것:</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::AdvancedSettingsPage</name>
    <message>
        <source>Advanced settings</source>
        <translation>고급 설정</translation>
    </message>
    <message>
        <source>Every setting of the run, prefilled from the goal. Change what you know you need; the boxes only accept values in a safe range.</source>
        <translation>목표에 맞춰 미리 채워 둔 이 실행의 모든 설정입니다. 꼭 필요하다고 알고 있는 것만 바꾸세요. 입력란에는 안전한 범위의 값만 입력할 수 있습니다.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>LoRA (train small adapters)</source>
        <translation>LoRA (작은 어댑터 학습)</translation>
    </message>
    <message>
        <source>Full fine-tune (train every weight)</source>
        <translation>전체 파인튜닝 (모든 가중치 학습)</translation>
    </message>
    <message>
        <source>as the epochs say</source>
        <translation>에포크 수에 따름</translation>
    </message>
    <message>
        <source>Cosine (slows down smoothly)</source>
        <translation>코사인 (부드럽게 감소)</translation>
    </message>
    <message>
        <source>Linear (falls in a straight line)</source>
        <translation>선형 (일직선으로 감소)</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>use the share</source>
        <translation>비율 사용</translation>
    </message>
    <message>
        <source>no clipping</source>
        <translation>클리핑 안 함</translation>
    </message>
    <message>
        <source>at the end only</source>
        <translation>마지막에만</translation>
    </message>
    <message>
        <source>keep all</source>
        <translation>모두 보관</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>모든 코어</translation>
    </message>
    <message>
        <source>Recompute activations in the backward pass</source>
        <translation>역전파 때 활성화 값을 다시 계산</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>What is trained</source>
        <translation>학습 대상</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>방법:</translation>
    </message>
    <message>
        <source>LoRA rank:</source>
        <translation>LoRA 랭크:</translation>
    </message>
    <message>
        <source>Size of the adapters. 8–64 is usual; higher holds more, costs more memory.</source>
        <translation>어댑터의 크기입니다. 보통 8–64이며, 높을수록 더 많이 담지만 메모리도 더 듭니다.</translation>
    </message>
    <message>
        <source>LoRA alpha:</source>
        <translation>LoRA 알파:</translation>
    </message>
    <message>
        <source>Strength of the adapters; usually twice the rank.</source>
        <translation>어댑터의 강도입니다. 보통 랭크의 두 배로 둡니다.</translation>
    </message>
    <message>
        <source>LoRA dropout:</source>
        <translation>LoRA 드롭아웃:</translation>
    </message>
    <message>
        <source>Share of the adapters&apos; input dropped while training (0–0.1) against memorizing a small dataset.</source>
        <translation>작은 데이터셋을 통째로 외우지 않도록, 학습 중에 어댑터 입력에서 버리는 비율입니다(0–0.1).</translation>
    </message>
    <message>
        <source>Adapted layers:</source>
        <translation>어댑터 적용 레이어:</translation>
    </message>
    <message>
        <source>The projections that get adapters: attention (q, k, v, o) and the feed-forward block (gate, up, down).</source>
        <translation>어댑터를 붙일 프로젝션입니다. 어텐션(q, k, v, o)과 피드포워드 블록(gate, up, down)이 있습니다.</translation>
    </message>
    <message>
        <source>How fast it learns</source>
        <translation>학습 속도</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>학습률:</translation>
    </message>
    <message>
        <source>Size of each update. LoRA: 1e-4 to 3e-4; full fine-tuning about ten times lower (1e-5 to 3e-5).</source>
        <translation>업데이트 한 번의 크기입니다. LoRA는 1e-4~3e-4, 전체 파인튜닝은 그보다 약 10배 낮은 값(1e-5~3e-5)을 씁니다.</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <source>Passes over the training examples. 1–3; more passes memorize.</source>
        <translation>학습 예제를 몇 번 반복해서 학습할지 정합니다. 1–3회가 적당하며, 더 많이 반복하면 내용을 통째로 외웁니다.</translation>
    </message>
    <message>
        <source>Stop after steps:</source>
        <translation>중지할 스텝 수:</translation>
    </message>
    <message>
        <source>A fixed number of optimizer steps instead of the epochs.</source>
        <translation>에포크 대신 정해진 옵티마이저 스텝 수만큼 학습합니다.</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>스케줄:</translation>
    </message>
    <message>
        <source>How the learning rate falls after the warm-up.</source>
        <translation>웜업 후 학습률이 줄어드는 방식입니다.</translation>
    </message>
    <message>
        <source>Warm-up steps:</source>
        <translation>웜업 스텝:</translation>
    </message>
    <message>
        <source>Steps at the start in which the rate rises from zero.</source>
        <translation>처음에 학습률이 0에서부터 올라가는 스텝 수입니다.</translation>
    </message>
    <message>
        <source>Warm-up share:</source>
        <translation>웜업 비율:</translation>
    </message>
    <message>
        <source>The warm-up as a share of all steps (0.03 is 3 %), when no number of steps is given.</source>
        <translation>웜업 스텝 수를 지정하지 않았을 때, 전체 스텝 중 웜업이 차지하는 비율입니다(0.03은 3 %).</translation>
    </message>
    <message>
        <source>Lowest rate:</source>
        <translation>최저 학습률:</translation>
    </message>
    <message>
        <source>Where the schedule ends, as a share of the learning rate.</source>
        <translation>스케줄이 끝날 때의 값으로, 학습률에 대한 비율입니다.</translation>
    </message>
    <message>
        <source>Gradient clipping:</source>
        <translation>그래디언트 클리핑:</translation>
    </message>
    <message>
        <source>Caps the size of an update (1.0 is usual) so that one odd batch cannot throw the model off.</source>
        <translation>업데이트 크기의 상한입니다(보통 1.0). 이상한 배치 하나 때문에 모델이 엇나가지 않게 막아 줍니다.</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>가중치 감쇠:</translation>
    </message>
    <message>
        <source>Pulls weights toward zero a little each step (0–0.1).</source>
        <translation>스텝마다 가중치를 0 쪽으로 조금씩 당깁니다(0–0.1).</translation>
    </message>
    <message>
        <source>Adam beta 1:</source>
        <translation>Adam 베타 1:</translation>
    </message>
    <message>
        <source>How much of the past updates&apos; direction each update keeps (0.9).</source>
        <translation>각 업데이트가 이전 업데이트들의 방향을 얼마나 이어받는지 정합니다(0.9).</translation>
    </message>
    <message>
        <source>Adam beta 2:</source>
        <translation>Adam 베타 2:</translation>
    </message>
    <message>
        <source>How slowly Adam&apos;s sense of the gradients&apos; size changes (0.999).</source>
        <translation>Adam이 추정하는 그래디언트 크기가 얼마나 천천히 바뀌는지 정합니다(0.999).</translation>
    </message>
    <message>
        <source>Adam epsilon:</source>
        <translation>Adam 엡실론:</translation>
    </message>
    <message>
        <source>Keeps Adam from dividing by zero (1e-8).</source>
        <translation>Adam이 0으로 나누는 일을 막습니다(1e-8).</translation>
    </message>
    <message>
        <source>Length and batch</source>
        <translation>길이와 배치</translation>
    </message>
    <message>
        <source>Sequence length:</source>
        <translation>시퀀스 길이:</translation>
    </message>
    <message>
        <source>Tokens per example; longer examples are cut. At most the model&apos;s context. Memory grows with it.</source>
        <translation>예제당 토큰 수입니다. 이보다 긴 예제는 잘립니다. 모델의 컨텍스트 길이를 넘을 수 없으며, 값이 클수록 메모리가 더 듭니다.</translation>
    </message>
    <message>
        <source>Micro-batch:</source>
        <translation>마이크로 배치:</translation>
    </message>
    <message>
        <source>Examples that go through the model at once. Memory grows with it.</source>
        <translation>한 번에 모델을 통과하는 예제 수입니다. 값이 클수록 메모리가 더 듭니다.</translation>
    </message>
    <message>
        <source>Accumulation:</source>
        <translation>누적:</translation>
    </message>
    <message>
        <source>Micro-batches added up before each update: a larger batch without the memory. Examples per update = micro-batch × accumulation.</source>
        <translation>업데이트할 때마다 그 전에 합산하는 마이크로 배치 수입니다. 메모리를 더 쓰지 않고도 배치를 키울 수 있습니다. 업데이트당 예제 수 = 마이크로 배치 × 누적.</translation>
    </message>
    <message>
        <source>Activation checkpointing:</source>
        <translation>활성화 체크포인팅:</translation>
    </message>
    <message>
        <source>Keeps only each layer&apos;s input and recomputes the rest: much less memory for about a third more compute.</source>
        <translation>각 레이어의 입력만 보관하고 나머지는 다시 계산합니다. 계산량이 3분의 1 정도 늘어나는 대신 메모리가 훨씬 적게 듭니다.</translation>
    </message>
    <message>
        <source>Evaluation and checkpoints</source>
        <translation>평가와 체크포인트</translation>
    </message>
    <message>
        <source>Evaluate every:</source>
        <translation>평가 간격:</translation>
    </message>
    <message>
        <source>Optimizer steps between validation losses.</source>
        <translation>검증 손실을 계산하는 옵티마이저 스텝 간격입니다.</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>체크포인트 간격:</translation>
    </message>
    <message>
        <source>Optimizer steps between saved checkpoints, to resume from or export.</source>
        <translation>체크포인트를 저장하는 옵티마이저 스텝 간격입니다. 저장된 체크포인트에서 재개하거나 내보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>Keep checkpoints:</source>
        <translation>보관할 체크포인트:</translation>
    </message>
    <message>
        <source>The newest checkpoints kept; older ones are removed.</source>
        <translation>이 개수만큼 최신 체크포인트를 보관하고, 오래된 것은 삭제합니다.</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>컴퓨터</translation>
    </message>
    <message>
        <source>Training memory limit:</source>
        <translation>학습 메모리 한도:</translation>
    </message>
    <message>
        <source>RAM limit:</source>
        <translation>RAM 한도:</translation>
    </message>
    <message>
        <source>Caps the RAM the run may use beyond that.</source>
        <translation>그 밖에 실행이 추가로 사용할 수 있는 RAM의 상한입니다.</translation>
    </message>
    <message>
        <source>Disk limit:</source>
        <translation>디스크 한도:</translation>
    </message>
    <message>
        <source>Caps the space on the offload folder&apos;s SSD the run may use.</source>
        <translation>오프로드 폴더가 있는 SSD에서 실행이 사용할 수 있는 공간의 상한입니다.</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>스레드:</translation>
    </message>
    <message>
        <source>Processor threads the run computes with.</source>
        <translation>실행이 계산에 사용하는 프로세서 스레드 수입니다.</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <source>Decides the data order and the adapters&apos; start; the same seed repeats a run.</source>
        <translation>데이터 순서와 어댑터의 초깃값을 정합니다. 같은 시드를 쓰면 같은 실행을 그대로 되풀이할 수 있습니다.</translation>
    </message>
    <message>
        <source>The sequence length (%1 tokens) is longer than the model&apos;s context (%2 tokens). Choose %2 or less.</source>
        <translation>시퀀스 길이(토큰 %1개)가 모델의 컨텍스트(토큰 %2개)보다 깁니다. %2 이하로 정하세요.</translation>
    </message>
    <message>
        <source>LoRA needs at least one adapted layer: tick one or more of q_proj … down_proj.</source>
        <translation>LoRA에는 어댑터를 적용할 레이어가 하나 이상 필요합니다. q_proj … down_proj 중 하나 이상을 선택하세요.</translation>
    </message>
    <message>
        <source>Each update would use %1 examples (micro-batch × accumulation), but the dataset has only %2 training examples. Lower the micro-batch or the accumulation.</source>
        <translation>업데이트마다 예제 %1개(마이크로 배치 × 누적)가 필요하지만, 데이터셋의 학습 예제는 %2개뿐입니다. 마이크로 배치나 누적을 줄이세요.</translation>
    </message>
    <message>
        <source>Every setting is already filled in from the goal, so you can simply go on. Each setting says what it does beside its box, and the boxes accept only values in a safe range. Going back to another goal, model or dataset fills them in again. Next checks that the settings fit together and names the one to change if they do not.</source>
        <translation>모든 설정이 목표에 맞게 이미 채워져 있으므로 그대로 진행해도 됩니다. 각 설정이 하는 일은 입력 칸 옆에 적혀 있으며, 입력 칸에는 안전한 범위의 값만 들어갑니다. 뒤로 가서 다른 목표, 모델 또는 데이터셋을 고르면 설정이 다시 채워집니다. 다음을 누르면 설정끼리 맞는지 확인하고, 맞지 않으면 바꿔야 할 설정을 알려 줍니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Sample answers:</source>
        <translation>샘플 답변:</translation>
    </message>
    <message>
        <source>Sample length:</source>
        <translation>샘플 길이:</translation>
    </message>
    <message>
        <source>New tokens per sample answer, at most.</source>
        <translation>샘플 답변 하나에 생성하는 새 토큰의 최대 수입니다.</translation>
    </message>
    <message>
        <source>Automatic (the graphics card when there is one)</source>
        <translation>자동(그래픽 카드가 있으면 사용)</translation>
    </message>
    <message>
        <source>Graphics card (NVIDIA GPU)</source>
        <translation>그래픽 카드(NVIDIA GPU)</translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation>프로세서(CPU)</translation>
    </message>
    <message>
        <source>the one with the most memory</source>
        <translation>메모리가 가장 큰 것</translation>
    </message>
    <message>
        <source>Train on:</source>
        <translation>학습 장치:</translation>
    </message>
    <message>
        <source>Where the run computes. Automatic takes the graphics card when this machine has one that can train (NVIDIA Ampere or newer), else the processor.</source>
        <translation>실행이 계산하는 곳입니다. 자동은 이 컴퓨터에 학습할 수 있는 그래픽 카드(NVIDIA Ampere 이후)가 있으면 그것을, 없으면 프로세서를 사용합니다.</translation>
    </message>
    <message>
        <source>Graphics card number:</source>
        <translation>그래픽 카드 번호:</translation>
    </message>
    <message>
        <source>Which graphics card trains, counted from 0 as the Home page lists them, on a machine with several.</source>
        <translation>그래픽 카드가 여러 개인 컴퓨터에서 어느 카드로 학습할지입니다. 홈 화면 목록처럼 0부터 셉니다.</translation>
    </message>
    <message>
        <source>Prompts the model answers at each evaluation, from the validation samples (from the training samples when there are none), shown in the run monitor&apos;s Samples tab.</source>
        <translation>평가할 때마다 모델이 답하는 프롬프트입니다. 검증 샘플에서(없으면 학습 샘플에서) 가져오며, 실행 모니터의 샘플 탭에 표시됩니다.</translation>
    </message>
    <message>
        <source>%1 steps show each of the %2 training examples about %3 times: the model learns them by heart instead of learning from them. Usual is 1 to 3 passes over the examples, here %4 to %5 steps.</source>
        <translation>%1 단계는 %2개의 학습 예제를 각각 약 %3번 보여 줍니다. 모델이 예제에서 배우는 대신 통째로 외우게 됩니다. 보통은 예제를 1~3번 반복하며, 여기서는 %4~%5 단계입니다.</translation>
    </message>
    <message>
        <source>Caps the GPU memory the run may use or, when the processor trains, the memory set aside for its calculations.</source>
        <translation>이 실행이 사용할 수 있는 GPU 메모리의 상한입니다. 프로세서로 학습할 때는 계산용으로 따로 두는 메모리의 상한입니다.</translation>
    </message>
    <message>
        <source>QLoRA (small adapters, the model kept in 4 bits)</source>
        <translation>QLoRA (작은 어댑터, 모델은 4비트로 보관)</translation>
    </message>
    <message>
        <source>LoRA trains small adapters beside the frozen model: far less memory, and the result is a small file. QLoRA does the same with the model kept in 4 bits: about a quarter of the model&apos;s memory, slightly slower steps. Full fine-tuning changes every weight.</source>
        <translation>LoRA는 고정된 모델 옆에 작은 어댑터를 학습합니다. 메모리가 훨씬 적게 들고 결과는 작은 파일입니다. QLoRA는 모델을 4비트로 보관한 채 같은 일을 합니다. 모델 메모리는 약 4분의 1이고 단계는 조금 느립니다. 전체 미세 조정은 모든 가중치를 바꿉니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::CachedModelsPanel</name>
    <message>
        <source>On this computer</source>
        <translation>이 컴퓨터에 있음</translation>
    </message>
    <message>
        <source>Add to catalog</source>
        <translation>카탈로그에 추가</translation>
    </message>
    <message>
        <source>Downloaded models found in the Hugging Face cache (%1) that are not in the catalog yet.</source>
        <translation>Hugging Face 캐시(%1)에 있지만 아직 카탈로그에 없는 다운로드된 모델입니다.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::CatalogListPage</name>
    <message>
        <source>The catalog could not be opened</source>
        <translation>카탈로그를 열 수 없습니다</translation>
    </message>
    <message>
        <source>The catalog could not be read</source>
        <translation>카탈로그를 읽을 수 없습니다</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ChatColumn</name>
    <message>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>대화</translation>
    </message>
    <message>
        <source>The answer could not be generated: %1</source>
        <translation>답변을 생성할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>모델을 불러오는 중…</translation>
    </message>
    <message>
        <source>The model could not be loaded</source>
        <translation>모델을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>This model has no chat template, so it works in plain completion mode: it continues each message you send as text, without the earlier turns.</source>
        <translation>이 모델에는 채팅 템플릿이 없어서 일반 텍스트 완성 모드로 동작합니다. 보내는 메시지마다 이전 대화 내용 없이 그 텍스트를 이어서 작성합니다.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>생성하는 중…</translation>
    </message>
    <message>
        <source>Stopped: %1 · %2 tokens · %3 tokens/s</source>
        <translation>중지됨: %1 · 토큰 %2개 · %3 tokens/s</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ChatWorker</name>
    <message>
        <source>the model ended its answer</source>
        <translation>모델이 답변을 마침</translation>
    </message>
    <message>
        <source>a stop string appeared</source>
        <translation>중지 문자열이 나타남</translation>
    </message>
    <message>
        <source>the limit of new tokens was reached</source>
        <translation>새 토큰 한도에 도달함</translation>
    </message>
    <message>
        <source>the model&apos;s context is full</source>
        <translation>모델의 컨텍스트가 가득 참</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>사용자가 중지함</translation>
    </message>
    <message>
        <source>No model or checkpoint was chosen.</source>
        <translation>모델이나 체크포인트를 선택하지 않았습니다.</translation>
    </message>
    <message>
        <source>The model folder %1 does not exist (moved or deleted?).</source>
        <translation>모델 폴더 %1이(가) 없습니다(옮겨졌거나 삭제되었나요?).</translation>
    </message>
    <message>
        <source>Base model: %1</source>
        <translation>기본 모델: %1</translation>
    </message>
    <message>
        <source>%1 with checkpoint %2</source>
        <translation>%1 + 체크포인트 %2</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>불러온 모델이 없습니다.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>메시지가 비어 있습니다.</translation>
    </message>
    <message>
        <source>%1, saved at step %2</source>
        <translation>%1, %2단계에서 저장</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DatasetChoicePage</name>
    <message>
        <source>Choose the dataset</source>
        <translation>데이터셋 선택</translation>
    </message>
    <message>
        <source>The examples the model learns from, as imported on the Datasets page.</source>
        <translation>모델이 학습할 예제로, 데이터셋 페이지에서 가져온 것입니다.</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>데이터셋:</translation>
    </message>
    <message>
        <source>Choose one of the datasets imported on the Datasets page. The training examples teach the model; the validation examples, held back at import, measure how well it does on text it has not seen. A dataset imported for another model is prepared for this one on the memory plan page.</source>
        <translation>데이터셋 페이지에서 가져온 데이터셋 중 하나를 고르세요. 학습 예제로 모델을 가르치고, 가져올 때 남겨 둔 검증 예제로 처음 보는 텍스트에서 얼마나 잘하는지 측정합니다. 다른 모델용으로 가져온 데이터셋은 메모리 계획 페이지에서 이 모델에 맞게 준비됩니다.</translation>
    </message>
    <message>
        <source>There is no dataset yet. Import one on the Datasets page first.</source>
        <translation>아직 데이터셋이 없습니다. 먼저 데이터셋 페이지에서 데이터셋을 가져오세요.</translation>
    </message>
    <message>
        <source>%1 training examples and %2 for validation, %3 tokens in all.</source>
        <translation>학습 예제 %1개와 검증 예제 %2개, 전체 토큰 %3개.</translation>
    </message>
    <message>
        <source>The longest example has %1 tokens.</source>
        <translation>가장 긴 예제는 토큰 %1개입니다.</translation>
    </message>
    <message>
        <source>It was prepared for “%1”; its examples are turned into tokens for “%2” when the memory plan is made (a moment for a large dataset), and kept for later runs.</source>
        <translation>이 데이터셋은 “%1”용으로 준비되었습니다. 메모리 계획을 만들 때 예제를 “%2”용 토큰으로 바꾸며(큰 데이터셋은 잠시 걸립니다), 이후 실행을 위해 보관합니다.</translation>
    </message>
    <message>
        <source>There is no dataset to learn from. Import one on the Datasets page first.</source>
        <translation>학습할 데이터셋이 없습니다. 먼저 데이터셋 페이지에서 데이터셋을 가져오세요.</translation>
    </message>
    <message>
        <source>The files of the dataset “%1” are missing (%2). Import it again on the Datasets page.</source>
        <translation>데이터셋 “%1”의 파일이 없습니다(%2). 데이터셋 페이지에서 다시 가져오세요.</translation>
    </message>
    <message>
        <source>The dataset “%1” has no training examples.</source>
        <translation>데이터셋 “%1”에 학습 예제가 없습니다.</translation>
    </message>
    <message>
        <source>“%1” holds conversations, and “%2” has no chat template to write them out with (it is a base model). Choose a chat model on the first page, or a dataset of plain text or prompts with completions.</source>
        <translation>“%1”은(는) 대화 데이터셋인데 “%2”에는 대화를 글로 옮길 채팅 템플릿이 없습니다(베이스 모델입니다). 첫 페이지에서 채팅 모델을 고르거나, 일반 텍스트 또는 프롬프트와 응답으로 된 데이터셋을 고르세요.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DatasetKindPage</name>
    <message>
        <source>What kind of dataset</source>
        <translation>데이터셋 종류</translation>
    </message>
    <message>
        <source>The documents are cut into parts of a length in tokens. The parts can be learned as they are, or a model can write questions and answers about each of them.</source>
        <translation>문서는 토큰 수로 정한 길이의 부분으로 나뉩니다. 부분을 그대로 학습시킬 수도 있고, 모델이 각 부분에 대한 질문과 답변을 쓰게 할 수도 있습니다.</translation>
    </message>
    <message>
        <source>Text, for continued pre-training (the model learns the documents&apos; language and facts)</source>
        <translation>텍스트 — 계속 사전 학습용(모델이 문서의 말투와 사실을 배웁니다)</translation>
    </message>
    <message>
        <source>Questions and answers, written by a model from each part (for an assistant that answers about them)</source>
        <translation>질문과 답변 — 각 부분을 읽고 모델이 작성(문서에 대해 답하는 어시스턴트용)</translation>
    </message>
    <message>
        <source>Part length (tokens):</source>
        <translation>부분 길이(토큰):</translation>
    </message>
    <message>
        <source>Overlap between parts (tokens):</source>
        <translation>부분 사이의 겹침(토큰):</translation>
    </message>
    <message>
        <source>Each part holds whole paragraphs up to the length; consecutive parts of a document share about the overlap, so that what is said near a cut keeps its context. The overlap must be less than half the length.</source>
        <translation>각 부분에는 길이 안에서 문단이 통째로 들어갑니다. 한 문서의 이웃한 부분은 겹침만큼 내용을 공유하므로, 나뉘는 곳 근처의 내용도 맥락을 잃지 않습니다. 겹침은 길이의 절반보다 작아야 합니다.</translation>
    </message>
    <message>
        <source>Questions per part:</source>
        <translation>부분당 질문 수:</translation>
    </message>
    <message>
        <source>Questions per part</source>
        <translation>부분당 질문 수</translation>
    </message>
    <message>
        <source>Restore the default prompt</source>
        <translation>기본 프롬프트로 되돌리기</translation>
    </message>
    <message>
        <source>In the prompt, {count} becomes the number of questions, {title} the document&apos;s title, {section} the heading the part is under, {pages} its pages and {text} the part itself, which the prompt must contain.</source>
        <translation>프롬프트 안의 {count}는 질문 수, {title}은 문서 제목, {section}은 그 부분이 속한 제목, {pages}는 그 페이지, {text}는 부분 자체로 바뀝니다. {text}는 반드시 들어 있어야 합니다.</translation>
    </message>
    <message>
        <source>Prompt the model reads:</source>
        <translation>모델이 읽는 프롬프트:</translation>
    </message>
    <message>
        <source>Model that writes them:</source>
        <translation>작성할 모델:</translation>
    </message>
    <message>
        <source>The part length was %1 tokens, more than the context of %2 (%3 tokens), so it is now %3 tokens.</source>
        <translation>부분 길이가 %1 토큰으로 %2의 컨텍스트(%3 토큰)보다 길어서 %3 토큰으로 바꿨습니다.</translation>
    </message>
    <message>
        <source>The overlap was %1 tokens, not less than half a part, so it is now %2 tokens.</source>
        <translation>겹침이 %1 토큰으로 부분 길이의 절반보다 작지 않아서 %2 토큰으로 바꿨습니다.</translation>
    </message>
    <message>
        <source>The model must follow instructions: an instruct or chat model (its name often ends in Instruct or Chat). It runs on the graphics card when this computer has a usable one, else on the processor, which is much slower.</source>
        <translation>지시를 따르는 모델, 즉 Instruct 모델이나 채팅 모델이어야 합니다(이름이 Instruct나 Chat으로 끝나는 경우가 많습니다). 이 컴퓨터에 쓸 수 있는 그래픽 카드가 있으면 그래픽 카드에서, 없으면 프로세서에서 실행되며 훨씬 느립니다.</translation>
    </message>
    <message>
        <source>%1 has no chat template, so it is probably a base model, which continues a text rather than following an instruction. Choose an instruct or chat model.</source>
        <translation>%1에는 채팅 템플릿이 없으므로 아마 기본 모델일 것입니다. 기본 모델은 지시를 따르지 않고 글을 이어 씁니다. Instruct 모델이나 채팅 모델을 고르세요.</translation>
    </message>
    <message>
        <source>Add a chat model on the Models page first: it writes the questions.</source>
        <translation>먼저 모델 페이지에서 채팅 모델을 추가하세요. 질문은 그 모델이 씁니다.</translation>
    </message>
    <message>
        <source>The prompt cannot be used: %1.</source>
        <translation>이 프롬프트는 사용할 수 없습니다: %1.</translation>
    </message>
    <message>
        <source>Text teaches the model the documents&apos; language and facts: it continues its pre-training on them. Questions and answers teach an assistant to answer about the documents: a chat model you have reads each part with the prompt below and writes the questions and their answers, which you review before they become the dataset. Writing them takes a while (most of all without a graphics card); it can be stopped and goes on later where it stopped.</source>
        <translation>텍스트는 문서의 말투와 사실을 모델에게 가르칩니다. 모델이 문서로 사전 학습을 이어 갑니다. 질문과 답변은 문서에 대해 답하는 어시스턴트를 가르칩니다. 가지고 있는 채팅 모델이 아래 프롬프트와 함께 각 부분을 읽고 질문과 답변을 쓰며, 이를 검토한 뒤 데이터셋으로 만듭니다. 작성에는 시간이 걸립니다(그래픽 카드가 없으면 특히 그렇습니다). 중간에 멈출 수 있고, 나중에 멈춘 곳부터 이어집니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DatasetsPage</name>
    <message>
        <source>Datasets</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>The examples your models learn from.</source>
        <translation>모델이 학습하는 예제입니다.</translation>
    </message>
    <message>
        <source>No datasets yet</source>
        <translation>아직 데이터셋이 없습니다</translation>
    </message>
    <message>
        <source>A dataset is a file of examples: questions and answers, conversations or documents, as JSONL, JSON, CSV or plain text. Imported datasets are listed here with their format, rows and tokens; every row that cannot be used is reported, never silently dropped.</source>
        <translation>데이터셋은 예제를 담은 파일입니다. 질문과 답변, 대화 또는 문서를 JSONL, JSON, CSV 또는 일반 텍스트로 담을 수 있습니다. 가져온 데이터셋은 형식, 행 수, 토큰 수와 함께 여기에 표시됩니다. 사용할 수 없는 행은 말없이 빠지는 일 없이 모두 보고됩니다.</translation>
    </message>
    <message>
        <source>Import dataset…</source>
        <translation>데이터셋 가져오기…</translation>
    </message>
    <message>
        <source>Try an example</source>
        <translation>예제로 체험해 보기</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Import a small set of conversations written for Tiertune, to see how it works.</source>
        <translation>Tiertune용으로 작성된 작은 대화 모음을 가져와서 작동 방식을 살펴보세요.</translation>
    </message>
    <message>
        <source>Add a model on the Models page first: a dataset is prepared for a model.</source>
        <translation>먼저 모델 페이지에서 모델을 추가하세요. 데이터셋은 모델에 맞춰 준비됩니다.</translation>
    </message>
    <message>
        <source>Choose a dataset file</source>
        <translation>데이터셋 파일 선택</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation>데이터셋 (*.jsonl *.json *.csv *.tsv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>The example could not be copied to %1.</source>
        <translation>예제를 %1에 복사할 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete dataset</source>
        <translation>데이터셋 삭제</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; and its prepared files? The file it was imported from stays where it is; runs that used it keep their history.</source>
        <translation>&quot;%1&quot;과(와) 준비된 파일을 삭제할까요? 가져온 원본 파일은 그대로 남고, 이 데이터셋을 사용한 실행의 기록도 유지됩니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Training rows</source>
        <translation>학습 행 수</translation>
    </message>
    <message>
        <source>Validation rows</source>
        <translation>검증 행 수</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>토큰 수</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>가져온 일시</translation>
    </message>
    <message>
        <source>Prepared for</source>
        <translation>준비한 모델</translation>
    </message>
    <message>
        <source>Make a dataset from documents…</source>
        <translation>문서로 데이터셋 만들기…</translation>
    </message>
    <message>
        <source>Reads PDF, Word, OpenDocument, web pages, Markdown and text files and makes them a dataset: as text, or as questions and answers a model writes.</source>
        <translation>PDF, Word, OpenDocument, 웹 페이지, Markdown, 텍스트 파일을 읽어 데이터셋으로 만듭니다. 텍스트 그대로 쓰거나, 모델이 쓴 질문과 답변으로 만들 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentImportPage</name>
    <message>
        <source>Making the dataset</source>
        <translation>데이터셋 만드는 중</translation>
    </message>
    <message>
        <source>The examples are written, checked, split and cut into tokens. Cancel leaves the catalog as it was.</source>
        <translation>예제를 쓰고, 확인하고, 나누고, 토큰으로 바꿉니다. 취소하면 카탈로그는 그대로입니다.</translation>
    </message>
    <message>
        <source>The dataset is made in the background and this page shows how far it is. Cancel stops it and adds nothing to the catalog. When it is done, the summary follows.</source>
        <translation>데이터셋은 백그라운드에서 만들어지며, 이 페이지에 진행 상황이 표시됩니다. 취소하면 작업을 멈추고 카탈로그에는 아무것도 추가하지 않습니다. 끝나면 요약이 이어집니다.</translation>
    </message>
    <message>
        <source>Progress of the dataset</source>
        <translation>데이터셋 진행 상황</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Writing the questions and answers kept…</source>
        <translation>남긴 질문과 답변을 쓰는 중…</translation>
    </message>
    <message>
        <source>Cutting the documents into parts…</source>
        <translation>문서를 부분으로 나누는 중…</translation>
    </message>
    <message>
        <source>Examples checked and cut into tokens: %1</source>
        <translation>확인하고 토큰으로 바꾼 예제: %1</translation>
    </message>
    <message>
        <source>The dataset could not be made, and nothing was added to the catalog: %1</source>
        <translation>데이터셋을 만들지 못했고, 카탈로그에는 아무것도 추가되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was added to the catalog.</source>
        <translation>취소했습니다. 카탈로그에는 아무것도 추가되지 않았습니다.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>아무것도 가져오지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>완료되었습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentReadPage</name>
    <message>
        <source>What was read</source>
        <translation>읽은 내용</translation>
    </message>
    <message>
        <source>Every document with what was found in it. Files that could not be read are listed with the reason; nothing is left out without appearing here.</source>
        <translation>모든 문서와 그 안에서 찾은 내용입니다. 읽지 못한 파일은 이유와 함께 표시되며, 여기에 나타나지 않고 빠지는 것은 없습니다.</translation>
    </message>
    <message>
        <source>The documents are read and cleaned: running headers and footers, page numbers and words broken across lines are taken care of, and the Notes column says what was done. A file that cannot be read (a scanned PDF without text, a protected or damaged file) is listed with the reason and left out; the others go on. Cancel stops reading; Read again starts over.</source>
        <translation>문서를 읽고 정리합니다. 페이지마다 반복되는 머리글과 바닥글, 페이지 번호, 줄 끝에서 나뉜 단어를 처리하고, 무엇을 했는지 메모 열에 보여 줍니다. 읽을 수 없는 파일(텍스트가 없는 스캔 PDF, 보호되었거나 손상된 파일)은 이유와 함께 표시되고 제외되며, 나머지는 계속 진행됩니다. 읽기 취소는 읽기를 멈추고, 다시 읽기는 처음부터 다시 시작합니다.</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>읽기 진행 상황</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>읽기 취소</translation>
    </message>
    <message>
        <source>Cancelling after the documents being read…</source>
        <translation>읽고 있는 문서가 끝나면 취소합니다…</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>다시 읽기</translation>
    </message>
    <message>
        <source>Reads every document again, for files that changed since.</source>
        <translation>그 뒤로 바뀐 파일을 반영해 모든 문서를 다시 읽습니다.</translation>
    </message>
    <message>
        <source>Documents read</source>
        <translation>읽은 문서</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>페이지</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>단어 수</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Word (DOCX)</source>
        <translation>Word(DOCX)</translation>
    </message>
    <message>
        <source>OpenDocument (ODT)</source>
        <translation>OpenDocument(ODT)</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>웹 페이지(HTML)</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Looking for documents…</source>
        <translation>문서를 찾는 중…</translation>
    </message>
    <message>
        <source>Reading document %1 of %2…</source>
        <translation>문서 %2개 중 %1번째를 읽는 중…</translation>
    </message>
    <message>
        <source>%1 of %2 documents read (the last: %3)</source>
        <translation>문서 %2개 중 %1개를 읽었습니다(마지막: %3)</translation>
    </message>
    <message>
        <source>Reading was cancelled. Nothing was kept; press Read again to start over.</source>
        <translation>읽기를 취소했습니다. 아무것도 남기지 않았습니다. 처음부터 다시 하려면 다시 읽기를 누르세요.</translation>
    </message>
    <message>
        <source>The documents could not be read: %1</source>
        <translation>문서를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>제목: %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>읽지 못함: %1</translation>
    </message>
    <message>
        <source>Documents read: %1, with %2 words in all.</source>
        <translation>읽은 문서: %1개(모두 %2단어).</translation>
    </message>
    <message>
        <source>Not read: %1 (listed with the reason; they are left out).</source>
        <translation>읽지 못한 문서: %1개(이유와 함께 표시했으며, 이 문서들은 제외됩니다).</translation>
    </message>
    <message>
        <source>Other files in the folders, not documents: %1 (skipped).</source>
        <translation>폴더 안의 문서가 아닌 파일: %1개(건너뜀).</translation>
    </message>
    <message>
        <source>No document could be read, so there is nothing to make a dataset of. Go back and choose other files.</source>
        <translation>읽을 수 있는 문서가 없어 데이터셋으로 만들 내용이 없습니다. 뒤로 돌아가 다른 파일을 고르세요.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentSourceList</name>
    <message>
        <source>Folder: its documents and those of its sub-folders are read.</source>
        <translation>폴더: 그 안과 하위 폴더의 문서를 읽습니다.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Drop files and folders here, or add them with the buttons.</source>
        <translation>여기에 파일과 폴더를 끌어다 놓거나 버튼으로 추가하세요.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentSourcesPage</name>
    <message>
        <source>Choose the documents and the model</source>
        <translation>문서와 모델 고르기</translation>
    </message>
    <message>
        <source>PDF, Word (DOCX), OpenDocument (ODT), web pages (HTML), Markdown and text files. A folder is read with its sub-folders.</source>
        <translation>PDF, Word(DOCX), OpenDocument(ODT), 웹 페이지(HTML), Markdown, 텍스트 파일을 읽습니다. 폴더는 하위 폴더까지 읽습니다.</translation>
    </message>
    <message>
        <source>Add the files and folders the dataset is made from, with the buttons or by dropping them on the list. Files of other kinds in the folders (images, spreadsheets) are skipped and counted. Choose the model you will fine-tune: its tokenizer cuts the documents into parts and counts them in its tokens. The name is how the dataset appears on the Datasets page; a name the catalog already has is refused. Next reads the documents.</source>
        <translation>데이터셋을 만들 파일과 폴더를 버튼으로 추가하거나 목록에 끌어다 놓으세요. 폴더 안의 다른 종류 파일(이미지, 스프레드시트)은 건너뛰고 개수만 셉니다. 파인튜닝할 모델을 고르세요. 그 모델의 토크나이저가 문서를 부분으로 나누고 토큰 수를 셉니다. 이름은 데이터셋 페이지에 표시되는 이름이며, 카탈로그에 이미 있는 이름은 쓸 수 없습니다. 다음을 누르면 문서를 읽습니다.</translation>
    </message>
    <message>
        <source>Files and folders to read</source>
        <translation>읽을 파일과 폴더</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>파일 추가…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Choose documents</source>
        <translation>문서 고르기</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.docx *.odt *.html *.htm *.md *.markdown *.txt)</source>
        <translation>문서 (*.pdf *.docx *.odt *.html *.htm *.md *.markdown *.txt)</translation>
    </message>
    <message>
        <source>Choose a folder of documents</source>
        <translation>문서 폴더 고르기</translation>
    </message>
    <message>
        <source>The model you will fine-tune on this dataset: its tokenizer cuts the documents into parts.</source>
        <translation>이 데이터셋으로 파인튜닝할 모델입니다. 그 토크나이저가 문서를 부분으로 나눕니다.</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>문서:</translation>
    </message>
    <message>
        <source>For the model:</source>
        <translation>대상 모델:</translation>
    </message>
    <message>
        <source>Dataset name:</source>
        <translation>데이터셋 이름:</translation>
    </message>
    <message>
        <source>There is no model in the catalog yet. Add one on the Models page first: the dataset is prepared for a particular model.</source>
        <translation>카탈로그에 아직 모델이 없습니다. 먼저 모델 페이지에서 모델을 추가하세요. 데이터셋은 특정 모델에 맞춰 준비됩니다.</translation>
    </message>
    <message>
        <source>Add at least one document or folder.</source>
        <translation>문서나 폴더를 하나 이상 추가하세요.</translation>
    </message>
    <message>
        <source>%1 is not there any more (moved or deleted?). Remove it from the list.</source>
        <translation>%1이(가) 더 이상 없습니다(옮겼거나 삭제했나요?). 목록에서 제거하세요.</translation>
    </message>
    <message>
        <source>Add a model on the Models page first.</source>
        <translation>먼저 모델 페이지에서 모델을 추가하세요.</translation>
    </message>
    <message>
        <source>Give the dataset a name.</source>
        <translation>데이터셋 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The catalog already has a dataset named &quot;%1&quot;: choose another name, or delete that dataset on the Datasets page first.</source>
        <translation>카탈로그에 이미 &quot;%1&quot;(이)라는 데이터셋이 있습니다. 다른 이름을 고르거나, 먼저 데이터셋 페이지에서 그 데이터셋을 삭제하세요.</translation>
    </message>
    <message>
        <source>Questions were written for a dataset of this name before and are kept: asking for questions and answers with the same documents and settings goes on where they stopped.</source>
        <translation>이 이름의 데이터셋을 위해 전에 작성한 질문이 남아 있습니다. 같은 문서와 설정으로 질문과 답변을 선택하면 멈춘 곳부터 이어집니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentSummaryPage</name>
    <message>
        <source>The dataset is ready</source>
        <translation>데이터셋이 준비되었습니다</translation>
    </message>
    <message>
        <source>The dataset is now on the Datasets page, prepared for the model you chose. Each example keeps the document and pages it came from in the examples file, and the dataset keeps the list of documents it was made from. Start a run from the Runs page with New fine-tune.</source>
        <translation>이제 데이터셋이 고른 모델에 맞춰 준비되어 데이터셋 페이지에 있습니다. 예제 파일에는 각 예제가 나온 문서와 페이지가 기록되고, 데이터셋에는 만들 때 쓴 문서 목록이 남습니다. 실행 페이지의 새 파인튜닝에서 실행을 시작하세요.</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>“%1” is ready. Documents: %2. Training examples: %3. Validation examples: %4. Tokens: %5.</source>
        <translation>“%1” 데이터셋이 준비되었습니다. 문서: %2. 학습 예제: %3. 검증 예제: %4. 토큰: %5.</translation>
    </message>
    <message>
        <source>Question-answer pairs kept in the review: %1.</source>
        <translation>검토에서 남긴 질문·답변 쌍: %1.</translation>
    </message>
    <message>
        <source>Parts left out because they nearly repeat an earlier part: %1.</source>
        <translation>앞 부분과 거의 같아서 뺀 부분: %1.</translation>
    </message>
    <message>
        <source>Examples left out by the check: %1 (their list, with the reasons, is in the dataset&apos;s folder).</source>
        <translation>검사에서 제외된 예제: %1(이유가 적힌 목록은 데이터셋 폴더에 있습니다).</translation>
    </message>
    <message>
        <source>Every example, with the document, pages and section it came from, is in %1</source>
        <translation>모든 예제는 나온 문서, 페이지, 섹션과 함께 %1에 있습니다</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DocumentsWizard</name>
    <message>
        <source>Make a dataset from documents</source>
        <translation>문서로 데이터셋 만들기</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::DownloadModelDialog</name>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>다운로드 취소</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Download a model</source>
        <translation>모델 다운로드</translation>
    </message>
    <message>
        <source>Search the Hugging Face Hub, for example qwen2.5 instruct</source>
        <translation>Hugging Face Hub 검색(예: qwen2.5 instruct)</translation>
    </message>
    <message>
        <source>Model to search for</source>
        <translation>검색할 모델</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터 수</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>다운로드 수</translation>
    </message>
    <message>
        <source>Quick LoRA</source>
        <translation>빠른 LoRA</translation>
    </message>
    <message>
        <source>Full fine-tune</source>
        <translation>전체 파인튜닝</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>다운로드 진행률</translation>
    </message>
    <message>
        <source>Models go into the Hugging Face cache that Python tools share, so nothing is downloaded twice. The times assume examples of about 400 tokens.</source>
        <translation>모델은 Python 도구와 함께 쓰는 Hugging Face 캐시에 저장되므로 두 번 다운로드되지 않습니다. 시간은 예제당 약 400토큰을 가정합니다.</translation>
    </message>
    <message>
        <source>Good first models for this computer</source>
        <translation>이 컴퓨터에 알맞은 첫 모델</translation>
    </message>
    <message>
        <source>Models on the Hub matching “%1”</source>
        <translation>“%1”과(와) 일치하는 Hub의 모델</translation>
    </message>
    <message>
        <source>looking up…</source>
        <translation>찾는 중…</translation>
    </message>
    <message>
        <source>nothing found</source>
        <translation>찾은 것이 없습니다</translation>
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
        <translation>GPU에 들어감 · %1</translation>
    </message>
    <message>
        <source>Streams from RAM · %1</source>
        <translation>RAM에서 스트리밍 · %1</translation>
    </message>
    <message>
        <source>Trains in RAM · %1</source>
        <translation>RAM에서 학습 · %1</translation>
    </message>
    <message>
        <source>Needs the SSD · %1</source>
        <translation>SSD 필요 · %1</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation>들어가지 않음</translation>
    </message>
    <message>
        <source>(needs sign-in)</source>
        <translation>(로그인 필요)</translation>
    </message>
    <message>
        <source>per 1,000 examples, one pass</source>
        <translation>예제 1,000개, 한 번 학습 기준</translation>
    </message>
    <message>
        <source>Cannot be trained</source>
        <translation>학습할 수 없음</translation>
    </message>
    <message>
        <source>Sign in to check</source>
        <translation>로그인하여 확인</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>찾을 수 없음</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <source>%1 cannot be downloaded for training: %2</source>
        <translation>%1은(는) 학습용으로 다운로드할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1: %2 parameters, %3 downloads, %4 likes.</source>
        <translation>%1: 매개변수 %2개, 다운로드 %3회, 좋아요 %4개.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Starting the download of %1…</source>
        <translation>%1 다운로드를 시작하는 중…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>약 %1 남음</translation>
    </message>
    <message>
        <source>%1 is downloaded and added to your models.</source>
        <translation>%1을(를) 다운로드하여 모델에 추가했습니다.</translation>
    </message>
    <message>
        <source>Not even Quick LoRA fits on this computer. %1</source>
        <translation>이 컴퓨터에는 빠른 LoRA도 맞지 않습니다. %1</translation>
    </message>
    <message>
        <source>Not even Quick LoRA fits on this computer.</source>
        <translation>이 컴퓨터에는 빠른 LoRA도 맞지 않습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::EmptyState</name>
    <message>
        <source>The catalog could not be opened</source>
        <translation>카탈로그를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Choose another data folder in Settings, or fix the problem and restart Tiertune. Nothing has been changed or deleted.</source>
        <translation>설정에서 다른 데이터 폴더를 선택하거나, 문제를 해결한 뒤 Tiertune을 다시 시작하세요. 변경되거나 삭제된 것은 없습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ExportDialog</name>
    <message>
        <source>Also write an Ollama Modelfile</source>
        <translation>Ollama Modelfile도 만들기</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>내보내기 취소</translation>
    </message>
    <message>
        <source>Step %1 (latest)</source>
        <translation>%1단계 (최신)</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>LoRA adapter (PEFT), to load on top of the base model</source>
        <translation>LoRA 어댑터 (PEFT), 기본 모델 위에 불러와 사용</translation>
    </message>
    <message>
        <source>Merged model (Hugging Face folder)</source>
        <translation>병합된 모델 (Hugging Face 폴더)</translation>
    </message>
    <message>
        <source>GGUF for llama.cpp, Ollama and LM Studio</source>
        <translation>llama.cpp, Ollama, LM Studio용 GGUF</translation>
    </message>
    <message>
        <source>float32 (as trained)</source>
        <translation>float32 (학습한 그대로)</translation>
    </message>
    <message>
        <source>bfloat16 (half the size)</source>
        <translation>bfloat16 (크기 절반)</translation>
    </message>
    <message>
        <source>float16 (half the size, for older GPUs)</source>
        <translation>float16 (크기 절반, 오래된 GPU용)</translation>
    </message>
    <message>
        <source>F16 (full quality)</source>
        <translation>F16 (원래 품질)</translation>
    </message>
    <message>
        <source>BF16 (full quality)</source>
        <translation>BF16 (원래 품질)</translation>
    </message>
    <message>
        <source>Q8_0 (half the size, nearly full quality)</source>
        <translation>Q8_0 (크기 절반, 품질은 거의 그대로)</translation>
    </message>
    <message>
        <source>One folder (llama.cpp, Ollama)</source>
        <translation>폴더 하나 (llama.cpp, Ollama)</translation>
    </message>
    <message>
        <source>LM Studio models folder (publisher/model/)</source>
        <translation>LM Studio 모델 폴더 (게시자/모델/)</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>GGUF type</source>
        <translation>GGUF 유형</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>게시자</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>저장 위치</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>This run has no checkpoint to export yet.</source>
        <translation>이 실행에는 아직 내보낼 체크포인트가 없습니다.</translation>
    </message>
    <message>
        <source>LM Studio&apos;s models folder</source>
        <translation>LM Studio의 모델 폴더</translation>
    </message>
    <message>
        <source>A new folder for the export</source>
        <translation>내보낼 새 폴더</translation>
    </message>
    <message>
        <source>Where to create the export&apos;s folder</source>
        <translation>내보내기 폴더를 만들 위치</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>The export did not succeed: %1</source>
        <translation>내보내기에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was left behind.</source>
        <translation>내보내기를 취소했습니다. 남은 파일은 없습니다.</translation>
    </message>
    <message>
        <source>Exporting… a large model takes several minutes.</source>
        <translation>내보내는 중… 큰 모델은 몇 분 걸립니다.</translation>
    </message>
    <message>
        <source>Export a run</source>
        <translation>실행 내보내기</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>“%1” 내보내기</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::GenerationSettingsPanel</name>
    <message>
        <source>Generation settings</source>
        <translation>생성 설정</translation>
    </message>
    <message>
        <source>e.g. ###|User:</source>
        <translation>예: ###|User:</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>온도</translation>
    </message>
    <message>
        <source>0 always takes the most likely word; 0.7 is lively; above 1.2 answers turn random.</source>
        <translation>0이면 항상 가장 가능성이 높은 단어를 고릅니다. 0.7이면 답변이 생동감 있고, 1.2를 넘으면 답변이 무작위에 가까워집니다.</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Choose only among the k most likely tokens; 0 keeps them all. 40 is common.</source>
        <translation>가능성이 가장 높은 토큰 k개 중에서만 고릅니다. 0이면 모든 토큰을 후보로 둡니다. 보통 40을 사용합니다.</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Choose among the most likely tokens that together reach this probability; 1 keeps all.</source>
        <translation>가능성이 높은 순서로 합친 확률이 이 값에 이를 때까지의 토큰 중에서 고릅니다. 1이면 모든 토큰을 후보로 둡니다.</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>반복 페널티</translation>
    </message>
    <message>
        <source>Above 1 makes the model repeat itself less; 1.1 is usually enough.</source>
        <translation>1보다 크면 모델이 같은 말을 덜 반복합니다. 보통 1.1이면 충분합니다.</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>최대 새 토큰 수</translation>
    </message>
    <message>
        <source>The longest answer, in tokens (about ¾ of a word each).</source>
        <translation>답변의 최대 길이입니다(토큰 단위, 토큰 하나는 단어 약 ¾개).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>The same seed and settings give the same answer again.</source>
        <translation>시드와 설정이 같으면 같은 답변이 다시 나옵니다.</translation>
    </message>
    <message>
        <source>Stop strings</source>
        <translation>중지 문자열</translation>
    </message>
    <message>
        <source>The answer ends where one of these appears; separate several with |.</source>
        <translation>이 중 하나가 나타나면 답변이 끝납니다. 여러 개는 |로 구분하세요.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::GettingStartedPanel</name>
    <message>
        <source>Check this machine</source>
        <translation>이 컴퓨터 확인하기</translation>
    </message>
    <message>
        <source>See below what the graphics card, the memory and the SSD offer, and measure the offload folder&apos;s speed once: the memory plan of every run uses it.</source>
        <translation>아래에서 그래픽 카드, 메모리, SSD의 성능을 확인하고 오프로드 폴더의 속도를 한 번 측정하세요. 모든 실행의 메모리 계획이 이 값을 사용합니다.</translation>
    </message>
    <message>
        <source>Measure the disk</source>
        <translation>디스크 측정</translation>
    </message>
    <message>
        <source>Add a base model</source>
        <translation>기본 모델 추가하기</translation>
    </message>
    <message>
        <source>Choose a model folder downloaded from Hugging Face (Llama, Mistral or Qwen). It is checked and kept in the catalog; nothing is copied.</source>
        <translation>Hugging Face에서 내려받은 모델 폴더(Llama, Mistral, Qwen)를 고르세요. 폴더를 검사한 뒤 카탈로그에 등록하며, 파일은 복사하지 않습니다.</translation>
    </message>
    <message>
        <source>Add a model…</source>
        <translation>모델 추가…</translation>
    </message>
    <message>
        <source>Try the example dataset</source>
        <translation>예제 데이터셋 체험하기</translation>
    </message>
    <message>
        <source>Import the small example conversations that come with Tiertune to see how a dataset is checked, previewed and split. Your own files are imported the same way.</source>
        <translation>Tiertune에 들어 있는 작은 예제 대화를 가져와 데이터셋이 어떻게 검사되고 미리 보이며 나뉘는지 살펴보세요. 직접 만든 파일도 같은 방법으로 가져옵니다.</translation>
    </message>
    <message>
        <source>Try the example</source>
        <translation>예제 체험</translation>
    </message>
    <message>
        <source>The fine-tune wizard picks settings that suit the model and the dataset, shows where the training state will live, and starts the run. You can follow it live.</source>
        <translation>파인튜닝 마법사가 모델과 데이터셋에 맞는 설정을 고르고, 학습 상태가 어디에 놓일지 보여 준 뒤 실행을 시작합니다. 진행 상황은 실시간으로 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>New fine-tune…</source>
        <translation>새 파인튜닝…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Getting started&lt;/b&gt;: all done. Every run is on the &lt;i&gt;Runs&lt;/i&gt; page.</source>
        <translation>&lt;b&gt;시작하기&lt;/b&gt;: 모두 마쳤습니다. 모든 실행은 &lt;i&gt;실행&lt;/i&gt; 페이지에 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Getting started&lt;/b&gt;: %1 of %2 steps done.</source>
        <translation>&lt;b&gt;시작하기&lt;/b&gt;: %2단계 중 %1단계 완료.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>아직 안 함</translation>
    </message>
    <message>
        <source>Start a Balanced LoRA run</source>
        <translation>균형 잡힌 LoRA 실행 시작</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::GoalChoicePage</name>
    <message>
        <source>What do you want?</source>
        <translation>무엇을 하고 싶으세요?</translation>
    </message>
    <message>
        <source>The goal fills in every setting for this model and dataset; the next page shows them.</source>
        <translation>목표를 고르면 이 모델과 데이터셋에 맞는 설정이 모두 채워집니다. 설정은 다음 페이지에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose the goal that matches what you want; it fills in every setting with values that suit this model and dataset. When unsure, choose Balanced LoRA. Use the arrow keys to move between the goals. You can change any setting on the next page.</source>
        <translation>원하는 바에 맞는 목표를 고르세요. 이 모델과 데이터셋에 맞는 값으로 모든 설정이 채워집니다. 잘 모르겠다면 균형 잡힌 LoRA를 고르세요. 목표 사이는 화살표 키로 이동합니다. 모든 설정은 다음 페이지에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Pick this to try an idea fast or to teach a style or format: small adapters on the attention layers, one pass, shorter sequences. Finishes soonest and needs the least memory.</source>
        <translation>아이디어를 빠르게 시험하거나 문체나 형식을 가르칠 때 고르세요. 어텐션 레이어에 작은 어댑터를 붙이고, 한 번만 반복하며, 시퀀스를 짧게 씁니다. 가장 빨리 끝나고 메모리도 가장 적게 듭니다.</translation>
    </message>
    <message>
        <source>Pick this for most work: adapters on every layer, enough passes for the dataset&apos;s size. The result is a small adapter file next to the unchanged model.</source>
        <translation>대부분의 작업에는 이것을 고르세요. 모든 레이어에 어댑터를 붙이고, 데이터셋 크기에 맞게 충분히 반복합니다. 결과물은 원래 모델은 그대로 두고 옆에 놓는 작은 어댑터 파일입니다.</translation>
    </message>
    <message>
        <source>Pick this when the model is too large for this computer: the same adapters as Balanced LoRA, with the model kept in 4 bits while it trains (QLoRA). Its weights take about a quarter of the memory; steps are a little slower and the results close to Balanced LoRA&apos;s.</source>
        <translation>모델이 이 컴퓨터에 너무 클 때 선택하세요. 균형 LoRA와 같은 어댑터를 쓰되 학습하는 동안 모델을 4비트로 보관합니다(QLoRA). 가중치는 메모리를 약 4분의 1만 쓰고, 단계는 조금 느리며 결과는 균형 LoRA와 비슷합니다.</translation>
    </message>
    <message>
        <source>Pick this when the model must learn much new knowledge and this machine has the memory: every weight is trained, with a ten times lower learning rate. Needs about 16 bytes per parameter and produces a whole new model.</source>
        <translation>모델이 새로운 지식을 많이 배워야 하고 이 컴퓨터에 메모리가 충분할 때 고르세요. 학습률을 10배 낮추고 모든 가중치를 학습합니다. 파라미터당 약 16바이트가 필요하며, 완전히 새로운 모델이 만들어집니다.</translation>
    </message>
    <message>
        <source>Quick LoRA</source>
        <translation>빠른 LoRA</translation>
    </message>
    <message>
        <source>Balanced LoRA</source>
        <translation>균형 잡힌 LoRA</translation>
    </message>
    <message>
        <source>Smallest memory (QLoRA)</source>
        <translation>최소 메모리 (QLoRA)</translation>
    </message>
    <message>
        <source>Full fine-tune</source>
        <translation>전체 파인튜닝</translation>
    </message>
    <message>
        <source>Choose one of the three goals.</source>
        <translation>세 가지 목표 중 하나를 고르세요.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::HardwareCheckPanel</name>
    <message>
        <source>checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>아직 측정하지 않음</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>다시 확인</translation>
    </message>
    <message>
        <source>Measure disk speed</source>
        <translation>디스크 속도 측정</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Writes and reads a scratch file in the offload folder for a few seconds, bypassing the cache, to see how fast the tier on disk is.</source>
        <translation>오프로드 폴더에 임시 파일을 몇 초 동안 쓰고 읽으면서, 캐시를 거치지 않고 디스크 계층이 얼마나 빠른지 확인합니다.</translation>
    </message>
    <message>
        <source>Processor:</source>
        <translation>프로세서:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>메모리:</translation>
    </message>
    <message>
        <source>GPU:</source>
        <translation>GPU:</translation>
    </message>
    <message>
        <source>Offload folder:</source>
        <translation>오프로드 폴더:</translation>
    </message>
    <message>
        <source>Disk speed:</source>
        <translation>디스크 속도:</translation>
    </message>
    <message>
        <source>%1 — %2 cores, %3 threads%4</source>
        <translation>%1 — 코어 %2개, 스레드 %3개%4</translation>
    </message>
    <message>
        <source>%1 total, %2 available</source>
        <translation>전체 %1, 사용 가능 %2</translation>
    </message>
    <message>
        <source>%1
%2 free of %3 (%4)</source>
        <translation>%1
%3 중 %2 남음 (%4)</translation>
    </message>
    <message>
        <source>write %1, read %2</source>
        <translation>쓰기 %1, 읽기 %2</translation>
    </message>
    <message>
        <source> — the file system does not allow direct I/O, so these figures include the cache and are higher than the disk itself</source>
        <translation> — 파일 시스템이 다이렉트 I/O를 허용하지 않아 이 수치에는 캐시가 포함되며, 실제 디스크 속도보다 높게 나옵니다</translation>
    </message>
    <message>
        <source> (cancelled early: figures from %1)</source>
        <translation> (중간에 취소됨: %1만큼 측정한 값)</translation>
    </message>
    <message>
        <source>write %1, read %2 (measured %3)</source>
        <translation>쓰기 %1, 읽기 %2 (%3에 측정)</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>측정 중…</translation>
    </message>
    <message>
        <source>Training:</source>
        <translation>학습:</translation>
    </message>
    <message>
        <source>%1, chosen from the processor&apos;s features (OpenBLAS alone picks %2)</source>
        <translation>%1(프로세서 기능에 따라 선택됨. OpenBLAS만으로는 %2 선택)</translation>
    </message>
    <message>
        <source>%1, as OpenBLAS picks them</source>
        <translation>%1(OpenBLAS의 선택)</translation>
    </message>
    <message>
        <source>This OpenBLAS cannot switch to its faster %1 kernels.</source>
        <translation>이 OpenBLAS는 더 빠른 %1 커널로 전환할 수 없습니다.</translation>
    </message>
    <message>
        <source>This OpenBLAS has no %1 kernels.</source>
        <translation>이 OpenBLAS에는 %1 커널이 없습니다.</translation>
    </message>
    <message>
        <source>The faster %1 kernels computed a check product wrongly on this processor, so they are not used.</source>
        <translation>더 빠른 %1 커널이 이 프로세서에서 검사용 곱셈을 잘못 계산하여 사용하지 않습니다.</translation>
    </message>
    <message>
        <source>Matrix kernels:</source>
        <translation>행렬 연산 커널:</translation>
    </message>
    <message>
        <source>%1, as the OPENBLAS_CORETYPE variable asks</source>
        <translation>%1(OPENBLAS_CORETYPE 변수의 지정대로)</translation>
    </message>
    <message>
        <source>16-bit weights: on the processor&apos;s bf16 instructions (%1)</source>
        <translation>16비트 가중치: 프로세서의 bf16 명령으로 계산 (%1)</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits (this processor has no bf16 instructions)</source>
        <translation>16비트 가중치: 32비트로 넓혀 계산 (이 프로세서에는 bf16 명령이 없습니다)</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits. Installing oneDNN (the libdnnl2 package) would make LoRA over a bf16 model about twice as fast here.</source>
        <translation>16비트 가중치: 32비트로 넓혀 계산. oneDNN(libdnnl2 패키지)을 설치하면 이 컴퓨터에서 bf16 모델의 LoRA가 약 두 배 빨라집니다.</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits (oneDNN computed a check product wrongly on this processor, so it is not used)</source>
        <translation>16비트 가중치: 32비트로 넓혀 계산 (oneDNN이 이 프로세서에서 검사용 곱을 잘못 계산하여 사용하지 않습니다)</translation>
    </message>
    <message>
        <source>16-bit weights: widened to 32 bits, as the TIERTUNE_CPU_BF16_PRODUCTS variable asks</source>
        <translation>16비트 가중치: TIERTUNE_CPU_BF16_PRODUCTS 변수의 지정대로 32비트로 넓혀 계산</translation>
    </message>
    <message>
        <source>Other operations: %1 instructions</source>
        <translation>기타 연산: %1 명령어</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::HomePage</name>
    <message>
        <source>Welcome to Tiertune</source>
        <translation>Tiertune에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Tiertune fine-tunes open language models (Llama, Mistral, Qwen) on this computer. It spreads the work over the graphics card, the memory and the SSD, so models larger than the graphics card still train.</source>
        <translation>Tiertune은 이 컴퓨터에서 오픈 언어 모델(Llama, Mistral, Qwen)을 파인튜닝합니다. 작업을 그래픽 카드, 메모리, SSD에 나누어 처리하므로 그래픽 카드에 다 들어가지 않는 큰 모델도 학습할 수 있습니다.</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>이 컴퓨터</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::HubAccountPanel</name>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Access token (hf_…), from your Hugging Face account&apos;s settings</source>
        <translation>액세스 토큰(hf_…), Hugging Face 계정 설정에서 만들 수 있습니다</translation>
    </message>
    <message>
        <source>Hugging Face access token</source>
        <translation>Hugging Face 액세스 토큰</translation>
    </message>
    <message>
        <source>Signed in: downloads use your saved access token.</source>
        <translation>로그인됨: 다운로드에 저장된 액세스 토큰을 사용합니다.</translation>
    </message>
    <message>
        <source>Using the access token from %1. Sign in here to use another one.</source>
        <translation>%1의 액세스 토큰을 사용 중입니다. 다른 토큰을 쓰려면 여기서 로그인하세요.</translation>
    </message>
    <message>
        <source>Not signed in. Most models download without an account; gated models such as Meta&apos;s Llama need an access token from an account that accepted their licence.</source>
        <translation>로그인하지 않았습니다. 대부분의 모델은 계정 없이 다운로드되지만, Meta의 Llama 같은 제한 모델에는 라이선스에 동의한 계정의 액세스 토큰이 필요합니다.</translation>
    </message>
    <message>
        <source>Checking the token with the Hub…</source>
        <translation>Hub에서 토큰을 확인하는 중…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>%1(으)로 로그인했습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportDatasetWizard</name>
    <message>
        <source>Import dataset</source>
        <translation>데이터셋 가져오기</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportFilePage</name>
    <message>
        <source>Choose the file and the model</source>
        <translation>파일과 모델 선택</translation>
    </message>
    <message>
        <source>JSON lines, a JSON list, or CSV/TSV with a header row. The model decides how the examples are written out (its chat template) and cut into tokens.</source>
        <translation>JSON Lines, JSON 목록, 또는 헤더 행이 있는 CSV/TSV 파일을 사용할 수 있습니다. 예제를 어떤 형태로 작성할지(채팅 템플릿)와 토큰으로 어떻게 나눌지는 모델이 결정합니다.</translation>
    </message>
    <message>
        <source>Choose the file that holds your examples, or a folder of .txt and .md files to teach the model your documents. Choose the model you will fine-tune: the examples are written out with its chat template and counted in its tokens. The name is how the dataset appears on the Datasets page. Next reads the first rows; a file that cannot be read is named here with the reason.</source>
        <translation>예제가 들어 있는 파일을 고르거나, 가지고 있는 문서를 모델에 가르치려면 .txt 및 .md 파일이 든 폴더를 고르세요. 그다음 파인튜닝할 모델을 고르세요. 예제는 그 모델의 채팅 템플릿으로 작성되고 그 모델의 토큰으로 셉니다. 이름은 데이터셋 페이지에 표시되는 이름입니다. 다음을 누르면 처음 몇 행을 읽으며, 읽을 수 없는 파일은 여기에 이유와 함께 표시됩니다.</translation>
    </message>
    <message>
        <source>Dataset file</source>
        <translation>데이터셋 파일</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Choose a dataset file</source>
        <translation>데이터셋 파일 선택</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation>데이터셋 (*.jsonl *.json *.csv *.tsv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Folder of texts…</source>
        <translation>텍스트 폴더…</translation>
    </message>
    <message>
        <source>Every .txt and .md file in a folder, for teaching the model your documents.</source>
        <translation>폴더 안의 모든 .txt 및 .md 파일로, 모델에 문서를 학습시킵니다.</translation>
    </message>
    <message>
        <source>Choose a folder of .txt or .md files</source>
        <translation>.txt 또는 .md 파일이 있는 폴더 선택</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>There is no model in the catalog yet. Add one on the Models page first: the dataset is prepared for a particular model.</source>
        <translation>카탈로그에 아직 모델이 없습니다. 먼저 모델 페이지에서 모델을 추가하세요. 데이터셋은 특정 모델에 맞춰 준비됩니다.</translation>
    </message>
    <message>
        <source>Choose a file that exists: %1</source>
        <translation>존재하는 파일을 선택하세요: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Add a model on the Models page first.</source>
        <translation>먼저 모델 페이지에서 모델을 추가하세요.</translation>
    </message>
    <message>
        <source>Give the dataset a name.</source>
        <translation>데이터셋 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>There is a dataset named &quot;%1&quot; already; choose another name.</source>
        <translation>이름이 &quot;%1&quot;인 데이터셋이 이미 있습니다. 다른 이름을 지정하세요.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportFormatPage</name>
    <message>
        <source>Format and fields</source>
        <translation>형식과 필드</translation>
    </message>
    <message>
        <source>What the rows hold, as read from the first rows of the file. Change it when the guess is wrong, and rename fields when your file calls them differently.</source>
        <translation>파일의 처음 몇 행을 읽고 판단한 행의 내용입니다. 추측이 틀렸다면 바꾸고, 파일의 필드 이름이 다르다면 이름을 다시 지정하세요.</translation>
    </message>
    <message>
        <source>Tiertune guesses what each row holds from the first rows. When the guess is wrong, choose the format yourself. When your file uses other names for the fields, write them as name=your_name pairs separated by commas, for example prompt=question,completion=answer.</source>
        <translation>Tiertune은 처음 몇 행을 보고 각 행의 내용을 추측합니다. 추측이 틀리면 형식을 직접 고르세요. 파일에서 필드 이름이 다르면 이름=파일의_이름 쌍을 쉼표로 구분해 적으세요. 예: prompt=question,completion=answer</translation>
    </message>
    <message>
        <source>Recognize it</source>
        <translation>자동 인식</translation>
    </message>
    <message>
        <source>Instructions (instruction, input, output)</source>
        <translation>지시문 (instruction, input, output)</translation>
    </message>
    <message>
        <source>Conversations, ShareGPT (conversations: from, value)</source>
        <translation>대화, ShareGPT (conversations: from, value)</translation>
    </message>
    <message>
        <source>Conversations (messages: role, content)</source>
        <translation>대화 (messages: role, content)</translation>
    </message>
    <message>
        <source>Prompt and completion</source>
        <translation>프롬프트와 완성문</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>일반 텍스트</translation>
    </message>
    <message>
        <source>for example: prompt=question,completion=answer</source>
        <translation>예: prompt=question,completion=answer</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>Field names:</source>
        <translation>필드 이름:</translation>
    </message>
    <message>
        <source>Plain text documents: cut into samples of the longest example&apos;s length that overlap a little, and the model learns all of the text.</source>
        <translation>일반 텍스트 문서: 가장 긴 예시 길이의 샘플로 조금씩 겹치게 나누며, 모델은 텍스트 전체를 학습합니다.</translation>
    </message>
    <message>
        <source>Read as %1 (%2), %3% of the first rows fit.</source>
        <translation>%1 (%2) 형식으로 읽었습니다. 처음 몇 행 중 %3%가 이 형식에 맞습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportOptionsPage</name>
    <message>
        <source>Split and options</source>
        <translation>분할 및 옵션</translation>
    </message>
    <message>
        <source>A share of the rows is held back to measure how well the model does on examples it has not trained on.</source>
        <translation>일부 행을 학습에 쓰지 않고 남겨 두었다가, 학습하지 않은 예제에서 모델이 얼마나 잘하는지 측정하는 데 사용합니다.</translation>
    </message>
    <message>
        <source>A share of the rows is held back to measure the model on examples it has not trained on; the seed decides which rows, so the same seed gives the same split. Examples longer than the longest allowed are cut or left out. Usually the model should learn only the answers, not the questions.</source>
        <translation>행의 일부는 모델이 학습하지 않은 예제로 모델을 측정하기 위해 남겨 둡니다. 어떤 행을 남길지는 시드가 정하므로, 같은 시드는 같은 분할을 만듭니다. 허용된 최대 길이보다 긴 예제는 잘라 내거나 제외합니다. 보통 모델은 질문이 아니라 답변만 학습해야 합니다.</translation>
    </message>
    <message>
        <source>Held back for validation:</source>
        <translation>검증용으로 남겨 둘 비율:</translation>
    </message>
    <message>
        <source>Seed of the split:</source>
        <translation>분할 시드:</translation>
    </message>
    <message>
        <source>Longest example (tokens):</source>
        <translation>예제 최대 길이(토큰):</translation>
    </message>
    <message>
        <source>Cut them to the length</source>
        <translation>이 길이에 맞게 자르기</translation>
    </message>
    <message>
        <source>Leave them out (listed in the report)</source>
        <translation>제외하기 (보고서에 표시됨)</translation>
    </message>
    <message>
        <source>Every answer (recommended)</source>
        <translation>모든 답변 (권장)</translation>
    </message>
    <message>
        <source>Only the last answer of each conversation</source>
        <translation>각 대화의 마지막 답변만</translation>
    </message>
    <message>
        <source>Every token, questions included</source>
        <translation>질문을 포함한 모든 토큰</translation>
    </message>
    <message>
        <source>Leave out exact duplicates (listed in the report)</source>
        <translation>완전히 같은 중복 항목 제외 (보고서에 표시됨)</translation>
    </message>
    <message>
        <source>Longer examples:</source>
        <translation>더 긴 예제:</translation>
    </message>
    <message>
        <source>The model learns:</source>
        <translation>모델이 학습할 부분:</translation>
    </message>
    <message>
        <source>The longest example was %1 tokens, more than the context of %2 (%3 tokens), so it is now %3 tokens.</source>
        <translation>가장 긴 예제가 %1 토큰으로 %2의 컨텍스트(%3 토큰)보다 길어서 %3 토큰으로 바꿨습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportPreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>The first rows exactly as the model will read them. The model learns to write the highlighted text; the rest is what it is given.</source>
        <translation>모델이 읽게 될 그대로 보여 주는 처음 몇 행입니다. 모델은 강조 표시된 텍스트를 작성하도록 학습하며, 나머지는 모델에 주어지는 내용입니다.</translation>
    </message>
    <message>
        <source>Read a few examples as the model will see them. The highlighted text is what the model learns to write; the rest is what it is given. If questions are highlighted or answers are not, go back and correct the format or the field names.</source>
        <translation>모델이 보게 될 그대로 예제 몇 개를 읽어 보세요. 강조 표시된 텍스트는 모델이 작성하도록 학습하는 부분이고, 나머지는 모델에 주어지는 부분입니다. 질문이 강조 표시되어 있거나 답변이 강조 표시되어 있지 않다면, 뒤로 가서 형식이나 필드 이름을 고치세요.</translation>
    </message>
    <message>
        <source>Preview of the examples as the model reads them</source>
        <translation>모델이 읽는 형태로 본 예제 미리 보기</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>%1행</translation>
    </message>
    <message>
        <source>not used: %1</source>
        <translation>사용 안 함: %1</translation>
    </message>
    <message>
        <source>%1 tokens, %2 learned</source>
        <translation>토큰 %1개, 그중 %2개 학습</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportProgressPage</name>
    <message>
        <source>Importing</source>
        <translation>가져오는 중</translation>
    </message>
    <message>
        <source>The rows are read, checked and cut into tokens. Cancel leaves nothing behind.</source>
        <translation>행을 읽고 확인한 뒤 토큰으로 나눕니다. 취소하면 아무것도 남지 않습니다.</translation>
    </message>
    <message>
        <source>The import runs in the background and shows how far it is. Cancel stops it and leaves the catalog as it was. When it is done, Next shows the summary.</source>
        <translation>가져오기는 백그라운드에서 진행되며 진행 정도를 보여 줍니다. 취소하면 가져오기가 멈추고 카탈로그는 그대로 남습니다. 끝나면 다음을 눌러 요약을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>가져오기 진행 상황</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>가져오기 취소</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>%1 rows read</source>
        <translation>%1개 행 읽음</translation>
    </message>
    <message>
        <source>The import failed and left nothing behind: %1</source>
        <translation>가져오기에 실패했으며 아무것도 남지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was added.</source>
        <translation>취소되었습니다. 아무것도 추가되지 않았습니다.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>아무것도 가져오지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>완료되었습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportReportPage</name>
    <message>
        <source>Check every row</source>
        <translation>모든 행 확인</translation>
    </message>
    <message>
        <source>Rows that cannot be used are listed with their row and line numbers and the reason. Nothing is left out without appearing here.</source>
        <translation>사용할 수 없는 행은 행 번호, 줄 번호, 이유와 함께 표시됩니다. 여기에 나타나지 않고 제외되는 것은 없습니다.</translation>
    </message>
    <message>
        <source>Every row of the file is checked. Rows that cannot be used are listed with their row and line numbers and the reason; the rest are imported. Fix the rows in your file and start again, or go on without them. The report can be saved as a CSV file.</source>
        <translation>파일의 모든 행을 확인합니다. 사용할 수 없는 행은 행 번호, 줄 번호, 이유와 함께 나열되고 나머지 행을 가져옵니다. 파일에서 해당 행을 고친 뒤 다시 시작하거나, 그 행을 빼고 계속 진행하세요. 보고서는 CSV 파일로 저장할 수 있습니다.</translation>
    </message>
    <message>
        <source>Problems by reason</source>
        <translation>이유별 문제</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행 수</translation>
    </message>
    <message>
        <source>Rows that cannot be used</source>
        <translation>사용할 수 없는 행</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Export the report as CSV…</source>
        <translation>보고서를 CSV로 내보내기…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>보고서 저장</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>보고서를 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Reading every row…</source>
        <translation>모든 행을 읽는 중…</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>파일을 가져올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>All %1 rows can be used.</source>
        <translation>%1개 행을 모두 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 rows can be used; %2 cannot, for the reasons below.</source>
        <translation>%1개 행을 사용할 수 있습니다. %2개 행은 아래 이유로 사용할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ImportSummaryPage</name>
    <message>
        <source>Imported</source>
        <translation>가져오기 완료</translation>
    </message>
    <message>
        <source>The dataset is now on the Datasets page. The chart shows how long the examples are in tokens: the sequence length of a run should hold most of them. Start a run from the Runs page with New fine-tune.</source>
        <translation>이제 데이터셋이 데이터셋 페이지에 있습니다. 차트는 예제의 길이를 토큰 수로 보여 줍니다. 실행의 시퀀스 길이는 대부분의 예제가 들어갈 만큼이어야 합니다. 실행 페이지의 새 파인튜닝에서 실행을 시작하세요.</translation>
    </message>
    <message>
        <source>“%1” is ready. Training examples: %2. Validation examples: %3. Tokens: %4, of which the model learns %5.</source>
        <translation>“%1” 준비가 끝났습니다. 학습용 예: %2. 검증용 예: %3. 토큰: %4 (그중 모델이 학습하는 토큰 %5).</translation>
    </message>
    <message>
        <source>Rows left out: %1 (their list, with the reasons, is in the dataset&apos;s folder).</source>
        <translation>제외된 행: %1 (목록과 이유는 데이터셋 폴더에 있습니다).</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::LengthHistogram</name>
    <message>
        <source>1 token</source>
        <translation>토큰 1개</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>토큰 %1개</translation>
    </message>
    <message>
        <source>rows by length</source>
        <translation>길이별 행 수</translation>
    </message>
    <message>
        <source>Lengths of the training examples</source>
        <translation>학습 예제의 길이</translation>
    </message>
    <message>
        <source>%1 to %2 tokens: %3</source>
        <translation>토큰 %1~%2개: %3</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::LossChart</name>
    <message>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>%1 (training)</source>
        <translation>%1 (학습)</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>%1 (validation)</source>
        <translation>%1 (검증)</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>손실 곡선</translation>
    </message>
    <message>
        <source>%1: %2 at step %3, lowest %4</source>
        <translation>%1: 스텝 %3에서 %2, 최저 %4</translation>
    </message>
    <message>
        <source>No loss measured yet.</source>
        <translation>아직 측정된 손실이 없습니다.</translation>
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
        <translation>섹션</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>홈</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Tiertune</source>
        <translation>Tiertune 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About Tiertune</source>
        <translation>Tiertune 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tiertune %1&lt;/h3&gt;&lt;p&gt;Fine-tune open language models on the hardware you have: one GPU or none, memory and an SSD.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tiertune %1&lt;/h3&gt;&lt;p&gt;지금 가진 하드웨어로 오픈 언어 모델을 파인튜닝하세요. GPU가 하나 있든 없든, 메모리와 SSD만 있으면 됩니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Catalog: %1</source>
        <translation>카탈로그: %1</translation>
    </message>
    <message>
        <source>No catalog open — see Settings</source>
        <translation>열린 카탈로그 없음 — 설정을 확인하세요</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>플레이그라운드</translation>
    </message>
    <message>
        <source>Training continues</source>
        <translation>학습은 계속됩니다</translation>
    </message>
    <message>
        <source>Training goes on after this window closes.</source>
        <translation>이 창을 닫아도 학습은 계속됩니다.</translation>
    </message>
    <message>
        <source>Runs training now: %1. Nothing of their progress is lost; open Tiertune again to watch them (Home lists them).</source>
        <translation>학습 중인 실행: %1. 진행 상황은 사라지지 않습니다. Tiertune을 다시 열면 볼 수 있습니다(홈에 목록이 있습니다).</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>창 닫기</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>열어 두기</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>안내서(&amp;G)</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::MemoryPlanPage</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>The graphics card&apos;s arithmetic sets the pace: moving state between the tiers keeps up with it.</source>
        <translation>속도는 그래픽 카드의 연산이 결정합니다. 계층 사이에서 상태를 옮기는 작업은 연산 속도에 뒤처지지 않습니다.</translation>
    </message>
    <message>
        <source>The processor&apos;s arithmetic sets the pace: moving state between the tiers keeps up with it.</source>
        <translation>속도는 프로세서의 연산이 결정합니다. 계층 사이에서 상태를 옮기는 작업은 연산 속도에 뒤처지지 않습니다.</translation>
    </message>
    <message>
        <source>Copying state between RAM and the training memory sets the pace. More room there (a smaller batch or sequence, or LoRA) would keep more of it in place.</source>
        <translation>속도는 RAM과 학습 메모리 사이의 상태 복사가 결정합니다. 학습 메모리에 여유가 더 있으면(더 작은 배치나 시퀀스, 또는 LoRA) 더 많은 상태를 옮기지 않고 그 자리에 둘 수 있습니다.</translation>
    </message>
    <message>
        <source>Reading and writing the SSD sets the pace. More RAM for Tiertune, a faster SSD, or LoRA instead of full fine-tuning would speed each step up.</source>
        <translation>속도는 SSD 읽기와 쓰기가 결정합니다. Tiertune에 RAM을 더 주거나, 더 빠른 SSD를 쓰거나, 전체 파인튜닝 대신 LoRA를 쓰면 스텝마다 더 빨라집니다.</translation>
    </message>
    <message>
        <source>Memory plan</source>
        <translation>메모리 계획</translation>
    </message>
    <message>
        <source>Where each part of the training state will live on this machine, how long a step takes and what limits it.</source>
        <translation>학습 상태의 각 부분이 이 컴퓨터의 어디에 놓일지, 한 스텝에 얼마나 걸리는지, 무엇이 속도를 제한하는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Preparing the dataset for this model and measuring this machine…</source>
        <translation>이 모델에 맞춰 데이터셋을 준비하고 이 컴퓨터를 측정하는 중…</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>1초 미만</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>약 %1</translation>
    </message>
    <message>
        <source>The plan is not ready yet.</source>
        <translation>계획이 아직 준비되지 않았습니다.</translation>
    </message>
    <message>
        <source>This run does not fit on this machine. Use one of the changes above first.</source>
        <translation>이 실행은 이 컴퓨터에 맞지 않습니다. 먼저 위의 변경 사항 중 하나를 적용하세요.</translation>
    </message>
    <message>
        <source>The plan could not be made: %1</source>
        <translation>계획을 세울 수 없습니다: %1</translation>
    </message>
    <message>
        <source>This run fits on this machine.</source>
        <translation>이 실행은 이 컴퓨터에 맞습니다.</translation>
    </message>
    <message>
        <source>This run does not fit on this machine.</source>
        <translation>이 실행은 이 컴퓨터에 맞지 않습니다.</translation>
    </message>
    <message>
        <source>About %1 per optimizer step; %2 steps take %3 in all.</source>
        <translation>옵티마이저 스텝당 약 %1, 전체 %2스텝에 %3 걸립니다.</translation>
    </message>
    <message>
        <source>Use LoRA instead of full fine-tuning</source>
        <translation>전체 파인튜닝 대신 LoRA 사용</translation>
    </message>
    <message>
        <source>Halve the sequence length (to %1 tokens)</source>
        <translation>시퀀스 길이를 절반으로 줄이기 (토큰 %1개로)</translation>
    </message>
    <message>
        <source>Batch of 1 with more accumulation (%1 steps)</source>
        <translation>배치를 1로 하고 누적 늘리기 (%1스텝)</translation>
    </message>
    <message>
        <source>Lower the rank (to %1)</source>
        <translation>랭크 낮추기 (%1(으)로)</translation>
    </message>
    <message>
        <source>Allow more disk (remove the %1 limit)</source>
        <translation>디스크 더 허용하기 (%1 한도 제거)</translation>
    </message>
    <message>
        <source>Allow more RAM (remove the %1 limit)</source>
        <translation>RAM 더 허용하기 (%1 한도 제거)</translation>
    </message>
    <message>
        <source>Allow more training memory (remove the %1 limit)</source>
        <translation>학습 메모리 더 허용하기 (%1 한도 제거)</translation>
    </message>
    <message>
        <source>The bars show where each part of the training state will live: in the training memory (the graphics card, or the processor&apos;s share of RAM), in RAM, or on the SSD, against what each may hold. The more lives on the SSD, the slower each step. When the run does not fit, the reason is shown with buttons that change the settings in one click and plan again.</source>
        <translation>막대는 학습 상태의 각 부분이 어디에 놓일지를 보여 줍니다. 학습 메모리(그래픽 카드, 또는 프로세서용으로 떼어 둔 RAM), RAM, SSD 각각에 대해 담을 수 있는 양과 비교해 표시합니다. SSD에 놓이는 양이 많을수록 스텝마다 느려집니다. 실행이 들어가지 않으면 이유가 표시되고, 한 번의 클릭으로 설정을 바꿔 다시 계획하는 버튼이 나타납니다.</translation>
    </message>
    <message>
        <source>This computer is busy with other work now: the run may take up to %1.</source>
        <translation>이 컴퓨터가 지금 다른 작업으로 바쁩니다. 실행에 최대 %1이 걸릴 수 있습니다.</translation>
    </message>
    <message>
        <source>A step was measured on this model here.</source>
        <translation>이 모델로 한 단계를 여기서 측정했습니다.</translation>
    </message>
    <message>
        <source>Derived from this computer&apos;s measured speed.</source>
        <translation>이 컴퓨터의 측정된 속도로 계산했습니다.</translation>
    </message>
    <message>
        <source>In all %1: %2 optimizer steps of %3 each, %4 to start, %5 for evaluations and sample answers, %6 for checkpoints.</source>
        <translation>전체 %1: 각각 %3인 최적화 단계 %2번, 시작에 %4, 평가와 샘플 답변에 %5, 체크포인트에 %6.</translation>
    </message>
    <message>
        <source>Keep the model in 4 bits while training (QLoRA)</source>
        <translation>학습 중 모델을 4비트로 보관 (QLoRA)</translation>
    </message>
    <message>
        <source>The model is kept in 4 bits while it trains (QLoRA): its weights take %1.</source>
        <translation>학습하는 동안 모델은 4비트로 보관됩니다(QLoRA). 가중치는 %1을(를) 차지합니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ModelChoicePage</name>
    <message>
        <source>Choose the base model</source>
        <translation>기본 모델 선택</translation>
    </message>
    <message>
        <source>The model you start from. Its size decides how much memory training needs; its context is the longest text it reads at once.</source>
        <translation>출발점이 되는 모델입니다. 모델 크기에 따라 학습에 필요한 메모리가 정해지고, 컨텍스트는 모델이 한 번에 읽을 수 있는 가장 긴 텍스트입니다.</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>기본 모델:</translation>
    </message>
    <message>
        <source>Choose one of the models added on the Models page. A larger model learns more but needs more memory and time; the memory plan two pages on shows whether this machine can train it. The model&apos;s folder must still be where it was added.</source>
        <translation>모델 페이지에서 추가한 모델 중 하나를 고르세요. 큰 모델일수록 더 많이 배우지만 메모리와 시간이 더 필요합니다. 이 컴퓨터에서 학습할 수 있는지는 두 페이지 뒤의 메모리 계획에서 알 수 있습니다. 모델 폴더는 추가했을 때의 위치에 그대로 있어야 합니다.</translation>
    </message>
    <message>
        <source>There is no base model yet. Add one on the Models page first.</source>
        <translation>아직 기본 모델이 없습니다. 먼저 모델 페이지에서 모델을 추가하세요.</translation>
    </message>
    <message>
        <source>%1 parameters, context of %2 tokens, %3 on disk.
Folder: %4</source>
        <translation>파라미터 %1개, 컨텍스트 토큰 %2개, 디스크 크기 %3.
폴더: %4</translation>
    </message>
    <message>
        <source>The catalog is not open: %1</source>
        <translation>카탈로그가 열려 있지 않습니다: %1</translation>
    </message>
    <message>
        <source>There is no base model to fine-tune. Add one on the Models page first.</source>
        <translation>파인튜닝할 기본 모델이 없습니다. 먼저 모델 페이지에서 모델을 추가하세요.</translation>
    </message>
    <message>
        <source>The folder of the model “%1” is missing or has no config.json (%2). Add the model again on the Models page.</source>
        <translation>모델 “%1”의 폴더가 없거나 폴더에 config.json이 없습니다(%2). 모델 페이지에서 모델을 다시 추가하세요.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Base models you can fine-tune.</source>
        <translation>파인튜닝할 수 있는 기본 모델입니다.</translation>
    </message>
    <message>
        <source>No models yet</source>
        <translation>아직 모델이 없습니다</translation>
    </message>
    <message>
        <source>Add model folder…</source>
        <translation>모델 폴더 추가…</translation>
    </message>
    <message>
        <source>Remove from catalog</source>
        <translation>카탈로그에서 제거</translation>
    </message>
    <message>
        <source>Choose a model folder (with config.json and *.safetensors)</source>
        <translation>모델 폴더 선택 (config.json과 *.safetensors가 있는 폴더)</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>모델 제거</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the catalog? Its folder and files stay where they are.</source>
        <translation>&quot;%1&quot;을(를) 카탈로그에서 제거할까요? 폴더와 파일은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터 수</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>컨텍스트 길이</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>데이터 타입</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>디스크 크기</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>채팅 템플릿</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>추가한 일시</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>있음</translation>
    </message>
    <message>
        <source>no</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>A base model is what you fine-tune, for example Qwen2.5-0.5B-Instruct or Llama-3.2-1B-Instruct. Download one from the Hugging Face Hub by name, or add a folder you already have (config.json, *.safetensors and tokenizer.json). Models are listed here with their architecture, size and context length.</source>
        <translation>기본 모델은 파인튜닝할 대상입니다(예: Qwen2.5-0.5B-Instruct, Llama-3.2-1B-Instruct). Hugging Face Hub에서 이름으로 다운로드하거나 이미 가진 폴더(config.json, *.safetensors, tokenizer.json)를 추가하세요. 모델은 아키텍처, 크기, 컨텍스트 길이와 함께 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Download a model…</source>
        <translation>모델 다운로드…</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::NewRunWizard</name>
    <message>
        <source>New fine-tune</source>
        <translation>새 파인튜닝</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Run again with changes: %1</source>
        <translation>변경해서 다시 실행: %1</translation>
    </message>
    <message>
        <source>The settings of run “%1” could not be read, so the goal&apos;s defaults are used instead: %2</source>
        <translation>실행 “%1”의 설정을 읽을 수 없어 목표의 기본 설정을 대신 사용합니다: %2</translation>
    </message>
    <message>
        <source>%1 (again)</source>
        <translation>%1 (다시)</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::PlaygroundPage</name>
    <message>
        <source>Chat with</source>
        <translation>대화 대상</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>Save with the run</source>
        <translation>실행과 함께 저장</translation>
    </message>
    <message>
        <source>Saved conversations</source>
        <translation>저장된 대화</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>No saved conversations</source>
        <translation>저장된 대화 없음</translation>
    </message>
    <message>
        <source>A base model</source>
        <translation>기본 모델</translation>
    </message>
    <message>
        <source>A run&apos;s checkpoint</source>
        <translation>실행의 체크포인트</translation>
    </message>
    <message>
        <source>Checkpoint and its base, side by side</source>
        <translation>체크포인트와 기본 모델 나란히 비교</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Write a message; Ctrl+Enter sends it.</source>
        <translation>메시지를 입력하세요. Ctrl+Enter를 누르면 보냅니다.</translation>
    </message>
    <message>
        <source>Saves this conversation as a file in the run&apos;s folder, to reopen later.</source>
        <translation>이 대화를 실행 폴더에 파일로 저장해 나중에 다시 열 수 있게 합니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conversations&lt;/b&gt;</source>
        <translation>&lt;b&gt;대화&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>플레이그라운드</translation>
    </message>
    <message>
        <source>No catalog is open, so there is nothing to chat with. See Settings.</source>
        <translation>열린 카탈로그가 없어서 대화할 대상이 없습니다. 설정을 확인하세요.</translation>
    </message>
    <message>
        <source>There is no model to chat with yet: add one on the Models page.</source>
        <translation>아직 대화할 모델이 없습니다. 모델 페이지에서 모델을 추가하세요.</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>Conversations are saved with a run: chat with a run&apos;s checkpoint to save one.</source>
        <translation>대화는 실행과 함께 저장됩니다. 대화를 저장하려면 실행의 체크포인트와 대화하세요.</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>%1(으)로 저장했습니다.</translation>
    </message>
    <message>
        <source>The checkpoint this conversation was held with (%1) is gone; it is shown with the one chosen.</source>
        <translation>이 대화에 사용한 체크포인트(%1)가 더 이상 없습니다. 지금 선택한 체크포인트로 표시합니다.</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1을(를) 열었습니다.</translation>
    </message>
    <message>
        <source>This run has no checkpoint to chat with yet.</source>
        <translation>이 실행에는 아직 대화할 체크포인트가 없습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::QaGeneratePage</name>
    <message>
        <source>Writing the questions and answers</source>
        <translation>질문과 답변 작성 중</translation>
    </message>
    <message>
        <source>The model reads each part and writes its questions with their answers. This can take long; you can stop at any time and go on later: what was written is kept.</source>
        <translation>모델이 각 부분을 읽고 질문과 답변을 씁니다. 오래 걸릴 수 있습니다. 언제든 멈추고 나중에 이어 갈 수 있으며, 작성한 내용은 남습니다.</translation>
    </message>
    <message>
        <source>The model works through the parts one by one. A reply that cannot be used (not the list of questions that was asked for) is asked for once more; a part whose two replies cannot be used is listed on the next page with the replies, and nothing of it is kept. Stop keeps what was written: Go on continues, and opening this wizard again with the same name, documents and settings goes on where it stopped. Next shows the pairs for review.</source>
        <translation>모델은 부분을 하나씩 처리합니다. 쓸 수 없는 응답(요청한 형식의 질문 목록이 아닌 것)이 오면 한 번 더 요청합니다. 두 응답 모두 쓸 수 없는 부분은 응답과 함께 다음 페이지에 표시되고 아무것도 남기지 않습니다. 중지해도 작성한 내용은 남습니다. 계속을 누르면 이어지고, 같은 이름·문서·설정으로 이 마법사를 다시 열어도 멈춘 곳부터 이어집니다. 다음을 누르면 쌍을 검토합니다.</translation>
    </message>
    <message>
        <source>Progress of the questions</source>
        <translation>질문 작성 진행 상황</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stops after the reply being written; what was written is kept.</source>
        <translation>작성 중인 응답이 끝나면 멈춥니다. 작성한 내용은 남습니다.</translation>
    </message>
    <message>
        <source>Stopping after the reply being written…</source>
        <translation>작성 중인 응답이 끝나면 멈춥니다…</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Start over…</source>
        <translation>처음부터 다시…</translation>
    </message>
    <message>
        <source>Deletes the questions written before for this name, and writes them anew.</source>
        <translation>이 이름으로 전에 작성한 질문을 삭제하고 새로 씁니다.</translation>
    </message>
    <message>
        <source>the graphics card %1</source>
        <translation>그래픽 카드 %1</translation>
    </message>
    <message>
        <source>the processor (no graphics card that Tiertune can use was found), which is much slower</source>
        <translation>프로세서(Tiertune이 쓸 수 있는 그래픽 카드를 찾지 못했습니다. 훨씬 느립니다)</translation>
    </message>
    <message>
        <source>Pairs: %1</source>
        <translation>쌍: %1</translation>
    </message>
    <message>
        <source>Parts without a usable reply: %1</source>
        <translation>쓸 수 있는 응답이 없는 부분: %1</translation>
    </message>
    <message>
        <source>About %1 left</source>
        <translation>약 %1 남음</translation>
    </message>
    <message>
        <source>Cutting the documents into parts…</source>
        <translation>문서를 부분으로 나누는 중…</translation>
    </message>
    <message>
        <source>The documents gave no text to write questions about.</source>
        <translation>문서에서 질문을 쓸 텍스트를 얻지 못했습니다.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1을(를) 여는 중…</translation>
    </message>
    <message>
        <source>%1 writes on %2.</source>
        <translation>%1이(가) %2에서 작성합니다.</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 parts. Pairs: %3. What was written is kept: Go on continues, and so does opening this wizard again with the same name, documents and settings. Next reviews the pairs written so far.</source>
        <translation>부분 %2개 중 %1개에서 멈췄습니다. 쌍: %3. 작성한 내용은 남아 있습니다. 계속을 누르거나, 같은 이름·문서·설정으로 이 마법사를 다시 열면 이어집니다. 다음을 누르면 지금까지 작성한 쌍을 검토합니다.</translation>
    </message>
    <message>
        <source>Every part is done. Parts: %1. Pairs: %2.</source>
        <translation>모든 부분을 마쳤습니다. 부분: %1. 쌍: %2.</translation>
    </message>
    <message>
        <source>Parts without a usable reply: %1 (listed with the replies on the next page).</source>
        <translation>쓸 수 있는 응답이 없는 부분: %1(다음 페이지에 응답과 함께 표시됩니다).</translation>
    </message>
    <message>
        <source>The model gave no usable reply for any part: the next page shows its replies. A larger instruct model, or a simpler prompt, usually does better.</source>
        <translation>어느 부분에서도 쓸 수 있는 응답을 받지 못했습니다. 다음 페이지에서 모델의 응답을 볼 수 있습니다. 더 큰 Instruct 모델이나 더 간단한 프롬프트를 쓰면 대개 더 잘 됩니다.</translation>
    </message>
    <message>
        <source>The questions could not be written: %1</source>
        <translation>질문을 작성하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>처음부터 다시</translation>
    </message>
    <message>
        <source>Delete the questions and answers written before for “%1”, with their review, and write them anew?</source>
        <translation>“%1”을(를) 위해 전에 작성한 질문과 답변을 검토 내용과 함께 삭제하고 새로 쓸까요?</translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation>%1을(를) 삭제하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Parts done: %1 of %2</source>
        <translation>마친 부분: %2개 중 %1개</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::QaReviewPage</name>
    <message>
        <source>Review the questions and answers</source>
        <translation>질문과 답변 검토</translation>
    </message>
    <message>
        <source>Every pair becomes an example of the dataset unless you reject it. Double-click a question or an answer to correct it.</source>
        <translation>제외하지 않는 한 모든 쌍이 데이터셋의 예제가 됩니다. 질문이나 답변을 두 번 클릭하면 고칠 수 있습니다.</translation>
    </message>
    <message>
        <source>Read the pairs, reject those that are wrong or useless and correct those that are nearly right (double-click the question or the answer). Filter by words, by state or by document to go through them in parts. Your decisions are saved as you make them: if you close the wizard, opening it again with the same name goes on with them. The parts for which the model gave no usable reply are listed below with the reason; select one to see the replies.</source>
        <translation>쌍을 읽고, 틀렸거나 쓸모없는 것은 제외하고 거의 맞는 것은 고치세요(질문이나 답변을 두 번 클릭). 단어, 상태, 문서로 거르면 나누어 검토할 수 있습니다. 결정은 할 때마다 저장되므로, 마법사를 닫아도 같은 이름으로 다시 열면 이어서 검토할 수 있습니다. 모델이 쓸 수 있는 응답을 주지 않은 부분은 아래에 이유와 함께 표시되며, 하나를 고르면 응답을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Words in the question or the answer</source>
        <translation>질문이나 답변에 있는 단어</translation>
    </message>
    <message>
        <source>All</source>
        <translation>모두</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>채택됨</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>편집됨</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>제외됨</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>찾기:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>문서:</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>질문과 답변</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>페이지</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>채택</translation>
    </message>
    <message>
        <source>Keeps the selected pairs in the dataset (an edited pair keeps your text).</source>
        <translation>선택한 쌍을 데이터셋에 남깁니다(편집한 쌍은 고친 글 그대로 남습니다).</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>제외</translation>
    </message>
    <message>
        <source>Leaves the selected pairs out of the dataset.</source>
        <translation>선택한 쌍을 데이터셋에서 뺍니다.</translation>
    </message>
    <message>
        <source>Use the model&apos;s text</source>
        <translation>모델의 글로 되돌리기</translation>
    </message>
    <message>
        <source>Undoes your corrections of the selected pairs.</source>
        <translation>선택한 쌍에 한 수정을 되돌립니다.</translation>
    </message>
    <message>
        <source>Parts without a usable reply</source>
        <translation>쓸 수 있는 응답이 없는 부분</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>The model&apos;s replies to the selected part</source>
        <translation>선택한 부분에 대한 모델의 응답</translation>
    </message>
    <message>
        <source>Select a part to see the model&apos;s replies and the part&apos;s text.</source>
        <translation>부분을 고르면 모델의 응답과 부분의 텍스트가 표시됩니다.</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>a range of pages</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>The questions could not be opened: %1</source>
        <translation>질문을 열지 못했습니다: %1</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>모든 문서</translation>
    </message>
    <message>
        <source>Section: %1</source>
        <translation>섹션: %1</translation>
    </message>
    <message>
        <source>The model wrote: %1</source>
        <translation>모델이 쓴 글: %1</translation>
    </message>
    <message>
        <source>Pairs: %1. Kept: %2, of which edited: %3. Rejected: %4.</source>
        <translation>쌍: %1. 남김: %2(그중 편집됨: %3). 제외됨: %4.</translation>
    </message>
    <message>
        <source>Keep at least one pair to go on.</source>
        <translation>계속하려면 쌍을 하나 이상 남기세요.</translation>
    </message>
    <message>
        <source>The writing was stopped: these are the pairs of the parts done so far.</source>
        <translation>작성이 중간에 멈췄습니다. 지금까지 마친 부분의 쌍입니다.</translation>
    </message>
    <message>
        <source>Parts without a usable reply (nothing of them is kept): %1</source>
        <translation>쓸 수 있는 응답이 없는 부분(아무것도 남기지 않음): %1</translation>
    </message>
    <message>
        <source>Reply %1:</source>
        <translation>응답 %1:</translation>
    </message>
    <message>
        <source>Reply %1, not usable: %2</source>
        <translation>응답 %1, 쓸 수 없음: %2</translation>
    </message>
    <message>
        <source>The model was not asked: %1</source>
        <translation>모델에게 요청하지 않았습니다: %1</translation>
    </message>
    <message>
        <source>The part:</source>
        <translation>부분:</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>바뀌지 않았습니다: %1</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RangeNote</name>
    <message>
        <source>%1 %2 is not accepted; it must be between %3 and %4, so it stays %5.</source>
        <translation>%1 %2은(는) 받아들일 수 없습니다. %3에서 %4 사이여야 하므로 %5(으)로 유지됩니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::ReviewStartPage</name>
    <message>
        <source>%1 after a warm-up of %2 steps, then a cosine decay</source>
        <translation>%2스텝 웜업 후 %1, 이후 코사인 감소</translation>
    </message>
    <message>
        <source>%1 after a warm-up of %2 steps, then a linear decay</source>
        <translation>%2스텝 웜업 후 %1, 이후 선형 감소</translation>
    </message>
    <message>
        <source>%1 after a warm-up of %2 steps, then constant</source>
        <translation>%2스텝 웜업 후 %1, 이후 고정</translation>
    </message>
    <message>
        <source>%1 after a warm-up over %2 % of the steps, then a cosine decay</source>
        <translation>전체 스텝의 %2 % 동안 웜업 후 %1, 이후 코사인 감소</translation>
    </message>
    <message>
        <source>%1 after a warm-up over %2 % of the steps, then a linear decay</source>
        <translation>전체 스텝의 %2 % 동안 웜업 후 %1, 이후 선형 감소</translation>
    </message>
    <message>
        <source>%1 after a warm-up over %2 % of the steps, then constant</source>
        <translation>전체 스텝의 %2 % 동안 웜업 후 %1, 이후 고정</translation>
    </message>
    <message>
        <source>Review and start</source>
        <translation>검토 및 시작</translation>
    </message>
    <message>
        <source>Start creates the run; it then trains in the background and shows on the Runs page.</source>
        <translation>시작을 누르면 실행이 만들어집니다. 실행은 백그라운드에서 학습하며 실행 페이지에 표시됩니다.</translation>
    </message>
    <message>
        <source>Check the settings in words and give the run a name you will recognize on the Runs page. The run writes its checkpoints and log to the output folder shown. Start begins training in the background: you can close this window and watch the run from the Runs page.</source>
        <translation>설정 설명을 확인하고, 실행 페이지에서 알아보기 쉬운 이름을 실행에 붙이세요. 실행은 체크포인트와 로그를 표시된 출력 폴더에 기록합니다. 시작을 누르면 백그라운드에서 학습이 시작되며, 이 창을 닫고 실행 페이지에서 실행을 지켜볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>실행 이름:</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>출력 폴더:</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>기본 모델</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>%1 (%2 training examples)</source>
        <translation>%1 (학습 예제 %2개)</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>QLoRA (the model kept in 4 bits), rank %1, alpha %2, on %3</source>
        <translation>QLoRA (모델은 4비트로 보관), 랭크 %1, 알파 %2, 적용 대상: %3</translation>
    </message>
    <message>
        <source>LoRA, rank %1, alpha %2, on %3</source>
        <translation>LoRA, 랭크 %1, 알파 %2, 적용 대상: %3</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>Full fine-tune: every weight is trained</source>
        <translation>전체 파인튜닝: 모든 가중치를 학습</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>%1 × %2 examples per update (micro-batch × accumulation), each up to %3 tokens</source>
        <translation>업데이트당 예제 %1 × %2개(마이크로 배치 × 누적), 예제마다 최대 토큰 %3개</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>every %1 steps</source>
        <translation>%1스텝마다</translation>
    </message>
    <message>
        <source>at the end</source>
        <translation>마지막에</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <source>, the newest %1 kept</source>
        <translation>, 최신 %1개 보관</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>%1 training memory, %2 RAM, %3 disk at the peak</source>
        <translation>최대 사용량: 학습 메모리 %1, RAM %2, 디스크 %3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>총 %1</translation>
    </message>
    <message>
        <source>Give the run a name, so that you can find it on the Runs page.</source>
        <translation>실행 페이지에서 찾을 수 있도록 실행의 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The catalog is not open: %1</source>
        <translation>카탈로그가 열려 있지 않습니다: %1</translation>
    </message>
    <message>
        <source>The run could not be created: %1</source>
        <translation>실행을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Optimizer steps: %1</source>
        <translation>옵티마이저 스텝: %1</translation>
    </message>
    <message>
        <source>Epochs: %1; optimizer steps: %2</source>
        <translation>에포크: %1, 옵티마이저 스텝: %2</translation>
    </message>
    <message>
        <source>after every step</source>
        <translation>매 스텝 후</translation>
    </message>
    <message>
        <source>The output folder %1 is in use by run %2 (“%3”), which is training now: two runs in one folder would overwrite each other&apos;s checkpoints. This run will write to %4 instead; press Start again.</source>
        <translation>출력 폴더 %1은(는) 지금 학습 중인 실행 %2(“%3”)이(가) 사용하고 있습니다. 한 폴더에 실행이 둘이면 서로의 체크포인트를 덮어씁니다. 이 실행은 대신 %4에 씁니다. [시작]을 다시 누르세요.</translation>
    </message>
    <message>
        <source>The output folder %1 belongs to run %2 (“%3”): two runs in one folder would overwrite each other&apos;s checkpoints. This run will write to %4 instead; press Start again.</source>
        <translation>출력 폴더 %1은(는) 실행 %2(“%3”)의 폴더입니다. 한 폴더에 실행이 둘이면 서로의 체크포인트를 덮어씁니다. 이 실행은 대신 %4에 씁니다. [시작]을 다시 누르세요.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunCompareDialog</name>
    <message>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>Reading the loss curves…</source>
        <translation>손실 곡선을 읽는 중…</translation>
    </message>
    <message>
        <source>Solid lines: training loss. Dotted lines: validation loss. Long curves are thinned to %1 points, keeping each stretch&apos;s highest and lowest value.</source>
        <translation>실선: 학습 손실. 점선: 검증 손실. 긴 곡선은 구간마다 가장 높은 값과 가장 낮은 값을 남기고 %1개 점으로 줄여 표시합니다.</translation>
    </message>
    <message>
        <source>The curves could not be read: %1</source>
        <translation>곡선을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>These runs have no loss recorded yet. Curves appear once a run has trained a few steps.</source>
        <translation>이 실행들에는 아직 기록된 손실이 없습니다. 실행이 몇 스텝 학습하면 곡선이 나타납니다.</translation>
    </message>
    <message>
        <source>Only one of the selected runs is still in the catalog.</source>
        <translation>선택한 실행 중 하나만 아직 카탈로그에 있습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunDetailDialog</name>
    <message>
        <source>Info</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>LoRA adapter (PEFT)</source>
        <translation>LoRA 어댑터 (PEFT)</translation>
    </message>
    <message>
        <source>Merged model (Hugging Face)</source>
        <translation>병합된 모델 (Hugging Face)</translation>
    </message>
    <message>
        <source>GGUF</source>
        <translation>GGUF</translation>
    </message>
    <message>
        <source>Reading the run…</source>
        <translation>실행을 읽는 중…</translation>
    </message>
    <message>
        <source>Save name and notes</source>
        <translation>이름과 메모 저장</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장 일시</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>수준</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>What you tried in this run and what you learned from it.</source>
        <translation>이 실행에서 무엇을 시도했고 무엇을 알게 되었는지 적어 두세요.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Delete run…</source>
        <translation>실행 삭제…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>저장되었습니다.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>문제가 발생했습니다: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Run “%1”</source>
        <translation>실행 “%1”</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>데이터셋:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>방법:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>생성:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>시작:</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>종료:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>문제:</translation>
    </message>
    <message>
        <source>A run needs a name.</source>
        <translation>실행에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>Run again with changes…</source>
        <translation>변경해서 다시 실행…</translation>
    </message>
    <message>
        <source>Opens the New fine-tune wizard with this run&apos;s model, dataset and settings.</source>
        <translation>이 실행의 모델, 데이터셋, 설정으로 새 파인튜닝 마법사를 엽니다.</translation>
    </message>
    <message>
        <source>Chat with this checkpoint</source>
        <translation>이 체크포인트와 대화</translation>
    </message>
    <message>
        <source>Opens the playground with the run&apos;s newest checkpoint.</source>
        <translation>이 실행의 최신 체크포인트로 플레이그라운드를 엽니다.</translation>
    </message>
    <message>
        <source>Trained on:</source>
        <translation>학습 장치:</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunFilterBar</name>
    <message>
        <source>Search names and notes</source>
        <translation>이름과 메모 검색</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>모든 모델</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>모든 데이터셋</translation>
    </message>
    <message>
        <source>Search runs</source>
        <translation>실행 검색</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunHistoryModel</name>
    <message>
        <source>not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Best validation loss</source>
        <translation>최저 검증 손실</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작 일시</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Val. loss</source>
        <translation>검증 손실</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunMonitor</name>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Resume from the last checkpoint</source>
        <translation>마지막 체크포인트에서 재개</translation>
    </message>
    <message>
        <source>Log of the training process</source>
        <translation>학습 프로세스 로그</translation>
    </message>
    <message>
        <source>Pause after the current step; the run keeps its memory and waits.</source>
        <translation>현재 스텝이 끝나면 일시 중지합니다. 실행은 메모리를 그대로 유지한 채 기다립니다.</translation>
    </message>
    <message>
        <source>Save a checkpoint after the current step, then end the run. You can resume it later.</source>
        <translation>현재 스텝이 끝나면 체크포인트를 저장하고 실행을 끝냅니다. 나중에 재개할 수 있습니다.</translation>
    </message>
    <message>
        <source>Continue a stopped or failed run from its newest checkpoint.</source>
        <translation>중지되었거나 실패한 실행을 최신 체크포인트에서 이어서 진행합니다.</translation>
    </message>
    <message>
        <source>Memory per tier</source>
        <translation>계층별 메모리</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <source>%1 — Tiertune</source>
        <translation>%1 — Tiertune</translation>
    </message>
    <message>
        <source>Not in the catalog</source>
        <translation>카탈로그에 없음</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>스텝 %1 / %2</translation>
    </message>
    <message>
        <source>Preparing the run…</source>
        <translation>실행을 준비하는 중…</translation>
    </message>
    <message>
        <source>No progress recorded yet</source>
        <translation>아직 기록된 진행 상황이 없습니다</translation>
    </message>
    <message>
        <source>Training loss %1   ·   Validation loss %2   ·   Learning rate %3   ·   %4 tokens/s   ·   Training time %5   ·   Time left %6</source>
        <translation>학습 손실 %1   ·   검증 손실 %2   ·   학습률 %3   ·   %4 tokens/s   ·   학습 시간 %5   ·   남은 시간 %6</translation>
    </message>
    <message>
        <source>The memory plan appears when the run starts.</source>
        <translation>메모리 계획은 실행이 시작되면 표시됩니다.</translation>
    </message>
    <message>
        <source>The run failed.</source>
        <translation>실행이 실패했습니다.</translation>
    </message>
    <message>
        <source>Progress of the run</source>
        <translation>실행 진행 상황</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>샘플</translation>
    </message>
    <message>
        <source>Trains on %1.</source>
        <translation>학습 장치: %1.</translation>
    </message>
    <message>
        <source>in training memory</source>
        <translation>학습용 메모리에</translation>
    </message>
    <message>
        <source>on the graphics card</source>
        <translation>그래픽 카드에</translation>
    </message>
    <message>
        <source>in the processor&apos;s working memory</source>
        <translation>프로세서의 작업 메모리에</translation>
    </message>
    <message>
        <source>The memory plan has no figures yet.</source>
        <translation>메모리 계획에 아직 수치가 없습니다.</translation>
    </message>
    <message>
        <source>Memory plan: at most %1 %2, %3 in RAM and %4 on the SSD.</source>
        <translation>메모리 계획: %2 최대 %1, RAM에 %3, SSD에 %4.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunSupervisor</name>
    <message>
        <source>The run “%1” has already started; resume it to continue from its last checkpoint.</source>
        <translation>실행 “%1”은(는) 이미 시작되었습니다. 마지막 체크포인트에서 이어 가려면 재개하세요.</translation>
    </message>
    <message>
        <source>The run cannot start: the catalog is not open. %1</source>
        <translation>실행을 시작할 수 없습니다: 카탈로그가 열려 있지 않습니다. %1</translation>
    </message>
    <message>
        <source>There is no run %1 in the catalog.</source>
        <translation>카탈로그에 실행 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The run “%1” is already executing.</source>
        <translation>실행 “%1”은(는) 이미 진행 중입니다.</translation>
    </message>
    <message>
        <source>The run “%1” cannot start: %2</source>
        <translation>실행 “%1”을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The output folder %1 of the run could not be created.</source>
        <translation>실행의 출력 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Tiertune could not start its training program %1: %2</source>
        <translation>Tiertune이 학습 프로그램 %1을(를) 시작하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly.</source>
        <translation>학습 프로세스가 예기치 않게 종료되었습니다.</translation>
    </message>
    <message>
        <source>The last lines of its log:</source>
        <translation>로그의 마지막 줄:</translation>
    </message>
    <message>
        <source>Run %1 is not executing.</source>
        <translation>실행 %1은(는) 진행 중이 아닙니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::RunsPage</name>
    <message>
        <source>Runs</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Compare curves</source>
        <translation>곡선 비교</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>자세히…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>아직 실행이 없습니다</translation>
    </message>
    <message>
        <source>No run matches</source>
        <translation>일치하는 실행이 없습니다</translation>
    </message>
    <message>
        <source>No run matches the search and filters above. Clear the search field or choose “All” in the lists to see every run.</source>
        <translation>위의 검색어와 필터에 맞는 실행이 없습니다. 모든 실행을 보려면 검색란을 비우거나 목록에서 “모든”으로 시작하는 항목을 고르세요.</translation>
    </message>
    <message>
        <source>Select two or more runs (Ctrl+click) to see their loss curves together.</source>
        <translation>두 개 이상의 실행을 선택하면(Ctrl+클릭) 손실 곡선을 함께 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Every fine-tuning run, finished or not. Select several to compare their loss curves; double-click one to see all of it.</source>
        <translation>끝났든 아니든 모든 파인튜닝 실행입니다. 여러 개를 선택하면 손실 곡선을 비교하고, 하나를 두 번 클릭하면 전체 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The catalog could not be read</source>
        <translation>카탈로그를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>No run matches (of %1).</source>
        <translation>일치하는 실행이 없습니다(전체 %1개).</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>실행: %1개</translation>
    </message>
    <message>
        <source>%1 of %2 runs match</source>
        <translation>실행 %2개 중 %1개 일치</translation>
    </message>
    <message>
        <source>From the catalog: the run, its %1 metric points, %2 checkpoint records and %3 export records.</source>
        <translation>카탈로그에서: 실행과 그 지표 값 %1개, 체크포인트 기록 %2개, 내보내기 기록 %3개.</translation>
    </message>
    <message>
        <source>No folder of this run is left on the disk.</source>
        <translation>디스크에 남아 있는 이 실행의 폴더는 없습니다.</translation>
    </message>
    <message>
        <source>From the disk, with everything in them:</source>
        <translation>디스크에서 (안의 모든 내용 포함):</translation>
    </message>
    <message>
        <source>Exports saved elsewhere are kept:</source>
        <translation>다른 곳에 저장된 내보내기는 유지됩니다:</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>실행 삭제</translation>
    </message>
    <message>
        <source>Delete the run “%1”? This cannot be undone.</source>
        <translation>실행 “%1”을(를) 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Some files were not removed</source>
        <translation>일부 파일을 삭제하지 못했습니다</translation>
    </message>
    <message>
        <source>The run is gone from the catalog, but these could not be removed; delete them by hand:</source>
        <translation>실행은 카탈로그에서 삭제되었지만 다음 항목은 삭제하지 못했습니다. 직접 삭제하세요:</translation>
    </message>
    <message>
        <source>New fine-tune…</source>
        <translation>새 파인튜닝…</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>모니터</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>A run fine-tunes a base model on a dataset. Add a model and import a dataset first, then click “New fine-tune…”. Every run is kept here with its status, loss curve and checkpoints, so that you can compare, resume and export it.</source>
        <translation>실행은 데이터셋으로 기본 모델을 파인튜닝하는 작업입니다. 먼저 모델을 추가하고 데이터셋을 가져온 다음 “새 파인튜닝…”을 클릭하세요. 모든 실행은 상태, 손실 곡선, 체크포인트와 함께 여기에 보관되므로 비교하고, 재개하고, 내보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose a model, a dataset and a goal, see the memory plan, and start training.</source>
        <translation>모델, 데이터셋, 목표를 고르고 메모리 계획을 확인한 뒤 학습을 시작합니다.</translation>
    </message>
    <message>
        <source>Watch the run live: loss, progress, memory and its log.</source>
        <translation>실행을 실시간으로 지켜봅니다: 손실, 진행 상황, 메모리, 로그.</translation>
    </message>
    <message>
        <source>Save a checkpoint after the current step, then end the run.</source>
        <translation>현재 스텝이 끝나면 체크포인트를 저장하고 실행을 끝냅니다.</translation>
    </message>
    <message>
        <source>Continue a stopped or failed run from its newest checkpoint.</source>
        <translation>중지되었거나 실패한 실행을 최신 체크포인트에서 이어서 진행합니다.</translation>
    </message>
    <message>
        <source>Run %1 is no longer in the catalog.</source>
        <translation>실행 %1은(는) 더 이상 카탈로그에 없습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::SamplesView</name>
    <message>
        <source>At each evaluation the model answers the same prompts from the validation samples, always choosing its most likely next word, so you can see its answers change as it learns.</source>
        <translation>평가할 때마다 모델이 검증 샘플의 같은 프롬프트에 답합니다(매번 가장 가능성이 높은 다음 단어를 고릅니다). 학습이 진행되면서 답이 어떻게 바뀌는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Evaluation:</source>
        <translation>평가(&amp;E):</translation>
    </message>
    <message>
        <source>Evaluation whose samples are shown</source>
        <translation>샘플을 표시할 평가</translation>
    </message>
    <message>
        <source>Sample answers</source>
        <translation>샘플 답변</translation>
    </message>
    <message>
        <source>Sample answers appear here after the first evaluation.</source>
        <translation>첫 평가가 끝나면 여기에 샘플 답변이 나타납니다.</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>Prompt %1</source>
        <translation>프롬프트 %1</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>(none: the model ended its answer at once)</source>
        <translation>(없음: 모델이 바로 답변을 끝냈습니다)</translation>
    </message>
    <message>
        <source>This run has no validation samples, so at each evaluation the model answers the same prompts from the training samples, always choosing its most likely next word, so you can see its answers change as it learns.</source>
        <translation>이 실행에는 검증 샘플이 없으므로, 평가할 때마다 모델은 학습 샘플에서 가져온 같은 프롬프트에 항상 가장 가능성 높은 다음 단어를 골라 답합니다. 학습하면서 답이 어떻게 바뀌는지 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::SettingsPage</name>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>데이터 폴더</translation>
    </message>
    <message>
        <source>Offload folder</source>
        <translation>오프로드 폴더</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Follow the system (%1)</source>
        <translation>시스템 설정 따르기(%1)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Holds the catalog, imported datasets, checkpoints and exports. Changing it opens (or creates) the catalog there; nothing is moved.</source>
        <translation>카탈로그, 가져온 데이터셋, 체크포인트, 내보낸 파일을 보관합니다. 변경하면 그 위치의 카탈로그를 열거나 새로 만들며, 아무것도 옮기지 않습니다.</translation>
    </message>
    <message>
        <source>Where training keeps what fits neither on the graphics card nor in memory. Choose a folder on a fast SSD with plenty of free space.</source>
        <translation>학습 중에 그래픽 카드에도 메모리에도 들어가지 않는 데이터를 보관하는 곳입니다. 여유 공간이 충분한 빠른 SSD에 있는 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>데이터 폴더:</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>데이터 폴더 선택</translation>
    </message>
    <message>
        <source>Offload folder:</source>
        <translation>오프로드 폴더:</translation>
    </message>
    <message>
        <source>Choose the offload folder</source>
        <translation>오프로드 폴더 선택</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <source>A new language shows the next time Tiertune starts.</source>
        <translation>새 언어는 Tiertune을 다음에 시작할 때 표시됩니다.</translation>
    </message>
    <message>
        <source>Catalog:</source>
        <translation>카탈로그:</translation>
    </message>
    <message>
        <source>The data folder must be a full path, such as %1.</source>
        <translation>데이터 폴더는 전체 경로여야 합니다(예: %1).</translation>
    </message>
    <message>
        <source>The offload folder must be a full path, such as %1.</source>
        <translation>오프로드 폴더는 전체 경로여야 합니다(예: %1).</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Check that the disk is present and that you may write there.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다. 디스크가 연결되어 있는지, 그 위치에 쓸 수 있는 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>저장되었습니다.</translation>
    </message>
    <message>
        <source>The offload folder %1 cannot be created (%2). Check that the disk is present and that you may write there.</source>
        <translation>오프로드 폴더 %1을(를) 만들 수 없습니다(%2). 디스크가 연결되어 있고 쓰기 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder for the offload folder.</source>
        <translation>%1은(는) 폴더가 아니라 파일입니다. 오프로드 폴더로 사용할 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>%1 is not on a disk (it is a view of the system, which holds no files), so training cannot keep anything there. Choose a folder on your SSD.</source>
        <translation>%1은(는) 디스크에 있지 않습니다(시스템 정보를 보여 주기만 하는 곳이라 파일을 저장할 수 없습니다). 학습 데이터를 둘 수 없으니 SSD에 있는 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Tiertune cannot write in %1 (%2). Choose a folder you may write to, on your SSD.</source>
        <translation>Tiertune이 %1에 쓸 수 없습니다(%2). SSD에서 쓰기 권한이 있는 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>The disk of %1 is full. Free some space or choose a folder on another disk.</source>
        <translation>%1의 디스크가 가득 찼습니다. 공간을 확보하거나 다른 디스크의 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Catalog format version %1</source>
        <translation>카탈로그 형식 버전 %1</translation>
    </message>
    <message>
        <source>Hugging Face server</source>
        <translation>Hugging Face 서버</translation>
    </message>
    <message>
        <source>%1 (the default)</source>
        <translation>%1(기본값)</translation>
    </message>
    <message>
        <source>Hugging Face server:</source>
        <translation>Hugging Face 서버:</translation>
    </message>
    <message>
        <source>Leave empty for the Hugging Face Hub; a company mirror&apos;s address goes here.</source>
        <translation>Hugging Face Hub를 쓰려면 비워 두세요. 회사 미러 주소는 여기에 입력합니다.</translation>
    </message>
    <message>
        <source>Hugging Face account:</source>
        <translation>Hugging Face 계정:</translation>
    </message>
    <message>
        <source>The Hugging Face server must be an address such as %1.</source>
        <translation>Hugging Face 서버는 %1 같은 주소여야 합니다.</translation>
    </message>
    <message>
        <source>%1 (no font for it on this system)</source>
        <translation>%1(이 시스템에 글꼴 없음)</translation>
    </message>
    <message>
        <source>Install a font for this language, such as Noto Sans CJK, to read it.</source>
        <translation>이 언어를 읽으려면 Noto Sans CJK 같은 글꼴을 설치하세요.</translation>
    </message>
</context>
<context>
    <name>tiertune::gui::TierBars</name>
    <message>
        <source>Frozen weights</source>
        <translation>고정된 가중치</translation>
    </message>
    <message>
        <source>Trained weights</source>
        <translation>학습되는 가중치</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>그래디언트</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화 값</translation>
    </message>
    <message>
        <source>Working buffers</source>
        <translation>작업 버퍼</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU 메모리</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>SSD (offload)</source>
        <translation>SSD (오프로드)</translation>
    </message>
    <message>
        <source>%1 needed, %2 allowed</source>
        <translation>필요 %1, 허용 %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
    <message>
        <source>Each bar: the peak against what the tier may hold. The thin strip below it: what that peak is made of.</source>
        <translation>각 막대는 계층이 담을 수 있는 용량에 대한 최대 사용량을 나타냅니다. 그 아래의 얇은 띠는 최대 사용량이 무엇으로 이루어졌는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Memory per tier</source>
        <translation>계층별 메모리</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>%1: %2, made of %3.</source>
        <translation>%1: %2, 구성: %3.</translation>
    </message>
    <message>
        <source>Optimizer state</source>
        <translation>옵티마이저 상태</translation>
    </message>
    <message>
        <source>Processor memory</source>
        <translation>프로세서 메모리</translation>
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
        <translation>학습 프로세스가 사용하는 이 컴퓨터의 메모리입니다.</translation>
    </message>
    <message>
        <source>Training state kept in the offload folder on the SSD.</source>
        <translation>SSD의 오프로드 폴더에 보관하는 학습 상태입니다.</translation>
    </message>
    <message>
        <source>%1 planned</source>
        <translation>계획 %1</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>아직 알 수 없음</translation>
    </message>
    <message>
        <source>%1 now of %2 planned</source>
        <translation>현재 %1 / 계획 %2</translation>
    </message>
    <message>
        <source>%1 now</source>
        <translation>현재 %1</translation>
    </message>
    <message>
        <source>The graphics card&apos;s memory or, when the processor (CPU) trains, the memory set aside for its calculations.</source>
        <translation>그래픽 카드의 메모리입니다. 프로세서(CPU)로 학습할 때는 계산용으로 따로 둔 메모리입니다.</translation>
    </message>
    <message>
        <source>Within the plan.</source>
        <translation>계획 범위 안입니다.</translation>
    </message>
    <message>
        <source>%1 % more than planned: normal, a measurement may differ from the plan by up to %2 %.</source>
        <translation>계획보다 %1 % 많지만 정상입니다. 측정값은 계획과 최대 %2 %까지 다를 수 있습니다.</translation>
    </message>
    <message>
        <source>Training memory</source>
        <translation>학습 메모리</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU 메모리</translation>
    </message>
    <message>
        <source>Processor memory</source>
        <translation>프로세서 메모리</translation>
    </message>
    <message>
        <source>%1 % more than planned: more than the %2 % a measurement may differ by. If the training memory runs out, the run stops and can be resumed with a smaller batch.</source>
        <translation>계획보다 %1 % 많아, 측정 오차로 보는 %2 %를 넘었습니다. 학습 메모리가 부족하면 실행이 멈추며, 더 작은 배치로 다시 시작할 수 있습니다.</translation>
    </message>
</context>
</TS>
