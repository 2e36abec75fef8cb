<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
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
</context>
<context>
    <name>tiertune::gui</name>
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
        <source>The GPU could not be used (%1) — training runs on the CPU.</source>
        <translation>GPU를 사용할 수 없습니다(%1) — 학습은 CPU에서 실행됩니다.</translation>
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
        <source>Export run %1</source>
        <translation>실행 %1 내보내기</translation>
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
        <source>Start a Quick LoRA run</source>
        <translation>빠른 LoRA 실행 시작하기</translation>
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
    <name>tiertune::gui::ImportDatasetWizard</name>
    <message>
        <source>Import dataset</source>
        <translation>데이터셋 가져오기</translation>
    </message>
    <message>
        <source>Choose the file and the model</source>
        <translation>파일과 모델 선택</translation>
    </message>
    <message>
        <source>JSON lines, a JSON list, or CSV/TSV with a header row. The model decides how the examples are written out (its chat template) and cut into tokens.</source>
        <translation>JSON Lines, JSON 목록, 또는 헤더 행이 있는 CSV/TSV 파일을 사용할 수 있습니다. 예제를 어떤 형태로 작성할지(채팅 템플릿)와 토큰으로 어떻게 나눌지는 모델이 결정합니다.</translation>
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
        <source>Format and fields</source>
        <translation>형식과 필드</translation>
    </message>
    <message>
        <source>What the rows hold, as read from the first rows of the file. Change it when the guess is wrong, and rename fields when your file calls them differently.</source>
        <translation>파일의 처음 몇 행을 읽고 판단한 행의 내용입니다. 추측이 틀렸다면 바꾸고, 파일의 필드 이름이 다르다면 이름을 다시 지정하세요.</translation>
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
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>The first rows exactly as the model will read them. The model learns to write the highlighted text; the rest is what it is given.</source>
        <translation>모델이 읽게 될 그대로 보여 주는 처음 몇 행입니다. 모델은 강조 표시된 텍스트를 작성하도록 학습하며, 나머지는 모델에 주어지는 내용입니다.</translation>
    </message>
    <message>
        <source>Check every row</source>
        <translation>모든 행 확인</translation>
    </message>
    <message>
        <source>Rows that cannot be used are listed with their row and line numbers and the reason. Nothing is left out without appearing here.</source>
        <translation>사용할 수 없는 행은 행 번호, 줄 번호, 이유와 함께 표시됩니다. 여기에 나타나지 않고 제외되는 것은 없습니다.</translation>
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
        <source>Split and options</source>
        <translation>분할 및 옵션</translation>
    </message>
    <message>
        <source>A share of the rows is held back to measure how well the model does on examples it has not trained on.</source>
        <translation>일부 행을 학습에 쓰지 않고 남겨 두었다가, 학습하지 않은 예제에서 모델이 얼마나 잘하는지 측정하는 데 사용합니다.</translation>
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
        <source>Longer examples:</source>
        <translation>더 긴 예제:</translation>
    </message>
    <message>
        <source>The model learns:</source>
        <translation>모델이 학습할 부분:</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>가져오는 중</translation>
    </message>
    <message>
        <source>The rows are read, checked and cut into tokens. Cancel leaves nothing behind.</source>
        <translation>행을 읽고 확인한 뒤 토큰으로 나눕니다. 취소하면 아무것도 남지 않습니다.</translation>
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
        <source>Imported</source>
        <translation>가져오기 완료</translation>
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
    <message>
        <source>Plain text documents: cut into samples of the longest example&apos;s length that overlap a little, and the model learns all of the text.</source>
        <translation>일반 텍스트 문서: 가장 긴 예시 길이의 샘플로 조금씩 겹치게 나누며, 모델은 텍스트 전체를 학습합니다.</translation>
    </message>
    <message>
        <source>Read as %1 (%2), %3% of the first rows fit.</source>
        <translation>%1 (%2) 형식으로 읽었습니다. 처음 몇 행 중 %3%가 이 형식에 맞습니다.</translation>
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
    <message>
        <source>&quot;%1&quot; is ready: %2 training rows and %3 validation rows, %4 tokens, of which the model learns %5. %6 rows were not used (their list is in the dataset&apos;s folder).</source>
        <translation>&quot;%1&quot; 준비 완료: 학습 행 %2개와 검증 행 %3개, 토큰 %4개이며 그중 모델이 학습하는 토큰은 %5개입니다. 사용되지 않은 행은 %6개입니다(목록은 데이터셋 폴더에 있습니다).</translation>
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
    <message>
        <source>Dataset file</source>
        <translation>데이터셋 파일</translation>
    </message>
    <message>
        <source>Preview of the examples as the model reads them</source>
        <translation>모델이 읽는 형태로 본 예제 미리 보기</translation>
    </message>
    <message>
        <source>Problems by reason</source>
        <translation>이유별 문제</translation>
    </message>
    <message>
        <source>Rows that cannot be used</source>
        <translation>사용할 수 없는 행</translation>
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
        <source>A base model is a folder downloaded from Hugging Face that holds config.json, the weights (*.safetensors) and tokenizer.json — for example Qwen2.5-0.5B-Instruct or Llama-3.2-1B-Instruct. Models you add are listed here with their architecture, size and context length.</source>
        <translation>기본 모델은 Hugging Face에서 내려받은 폴더로, config.json, 가중치(*.safetensors), tokenizer.json이 들어 있습니다. 예: Qwen2.5-0.5B-Instruct, Llama-3.2-1B-Instruct. 추가한 모델은 아키텍처, 크기, 컨텍스트 길이와 함께 여기에 표시됩니다.</translation>
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
        <source>A run fine-tunes a base model on a dataset. Add a model and import a dataset first. Every run is kept here with its status, loss curve and checkpoints, so that you can compare, resume and export it.</source>
        <translation>실행은 데이터셋으로 기본 모델을 파인튜닝하는 작업입니다. 먼저 모델을 추가하고 데이터셋을 가져오세요. 모든 실행은 상태, 손실 곡선, 체크포인트와 함께 여기에 보관되므로 비교하거나, 이어서 진행하거나, 내보낼 수 있습니다.</translation>
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
        <source>%1 (schema version %2)</source>
        <translation>%1 (스키마 버전 %2)</translation>
    </message>
</context>
</TS>
