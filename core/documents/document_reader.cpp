#include "core/documents/document_reader.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/documents/html_text.h"
#include "core/documents/markdown_text.h"
#include "core/documents/office_text.h"
#include "core/documents/pdf_text.h"
#include "core/documents/text_cleanup.h"
#include "core/util/error.h"

namespace fs = std::filesystem;

namespace tiertune::documents {
namespace {

std::string lowerExtension(const fs::path& file) {
  std::string extension = file.extension().string();
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return extension;
}

SourceText readSource(const fs::path& file, DocumentFormat format, const ReadLimits& limits) {
  switch (format) {
    case DocumentFormat::Pdf: return readPdfText(file, limits);
    case DocumentFormat::Docx: return readDocxText(file, limits);
    case DocumentFormat::Odt: return readOdtText(file, limits);
    case DocumentFormat::Html: return readHtmlText(file, limits);
    case DocumentFormat::Markdown: return readMarkdownText(file, limits);
    case DocumentFormat::Text: return readPlainText(file, limits);
  }
  throw Error(file.filename().string() + ": unknown document format");
}

}  // namespace

std::optional<DocumentFormat> documentFormatOf(const fs::path& file) {
  const std::string extension = lowerExtension(file);
  if (extension == ".pdf") return DocumentFormat::Pdf;
  if (extension == ".docx") return DocumentFormat::Docx;
  if (extension == ".odt") return DocumentFormat::Odt;
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return DocumentFormat::Html;
  if (extension == ".md" || extension == ".markdown") return DocumentFormat::Markdown;
  if (extension == ".txt" || extension == ".text") return DocumentFormat::Text;
  return std::nullopt;
}

const char* formatName(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::Pdf: return "pdf";
    case DocumentFormat::Docx: return "docx";
    case DocumentFormat::Odt: return "odt";
    case DocumentFormat::Html: return "html";
    case DocumentFormat::Markdown: return "markdown";
    case DocumentFormat::Text: return "text";
  }
  return "";
}

Document readDocument(const fs::path& file, const ReadLimits& limits) {
  const std::string name = file.filename().string();
  const std::optional<DocumentFormat> format = documentFormatOf(file);
  if (!format) {
    throw Error(name + ": not a document Tiertune reads (PDF, DOCX, ODT, HTML, Markdown or plain text are; "
                       "a .doc file can be saved as .docx by the program that made it).");
  }
  return fileErrorsInWords("Could not read " + name, [&] {
    std::error_code error;
    const fs::file_status status = fs::symlink_status(file, error);
    if (error) throw Error(name + ": cannot be read (" + error.message() + ").");
    if (!fs::is_regular_file(status)) throw Error(name + ": is not a regular file (a folder, a link or a device).");
    Document document = cleanDocument(readSource(file, *format, limits), file, formatName(*format));
    if (document.passages.empty()) throw Error(name + ": no text to read: the document is empty.");
    return document;
  });
}

DocumentSelection selectDocuments(const std::vector<fs::path>& sources) {
  DocumentSelection selection;
  const auto take = [&](const fs::path& file) {
    selection.files.push_back(file);
    if (selection.files.size() > kMaxDocumentFiles) {
      throw Error("The selection holds more than " + std::to_string(kMaxDocumentFiles) +
                  " documents; choose fewer folders or make several datasets.");
    }
  };
  for (const fs::path& source : sources) {
    std::error_code error;
    const fs::file_status status = fs::symlink_status(source, error);
    if (error || !fs::exists(status)) throw Error(source.string() + ": does not exist.");
    if (fs::is_directory(status)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator walk(source, fs::directory_options::skip_permission_denied, error);
      if (error) throw Error(source.string() + ": the folder cannot be read (" + error.message() + ").");
      for (; walk != fs::recursive_directory_iterator(); walk.increment(error)) {
        if (error) throw Error(source.string() + ": the folder cannot be read (" + error.message() + ").");
        if (walk.depth() >= kMaxFolderDepth) walk.disable_recursion_pending();
        const fs::file_status entry = walk->symlink_status(error);
        if (error || !fs::is_regular_file(entry)) continue;  // links, folders, devices
        if (documentFormatOf(walk->path())) {
          found.push_back(walk->path());
          if (found.size() > kMaxDocumentFiles) take(walk->path());  // throws with the words
        } else {
          ++selection.otherFiles;
        }
      }
      std::sort(found.begin(), found.end());
      for (const fs::path& file : found) take(file);
    } else if (!fs::is_regular_file(status)) {
      selection.refused.push_back({source, source.filename().string() + ": is not a regular file (a link or a device)."});
    } else if (!documentFormatOf(source)) {
      selection.refused.push_back({source, source.filename().string() +
                                               ": not a document Tiertune reads (PDF, DOCX, ODT, HTML, Markdown or "
                                               "plain text are)."});
    } else {
      take(source);
    }
  }
  return selection;
}

DocumentSet readDocuments(const DocumentSelection& selection, const ReadLimits& limits,
                          const std::function<void(const ReadProgress&)>& progress, std::stop_token stop,
                          unsigned threads) {
  const std::size_t total = selection.files.size();
  std::vector<std::optional<Document>> documents(total);
  std::vector<std::string> reasons(total);
  std::vector<char> finished(total, 0);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t done = 0;
  std::vector<std::size_t> finishOrder;
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    while (!stop.stop_requested()) {
      const std::size_t index = next.fetch_add(1);
      if (index >= total) return;
      std::optional<Document> document;
      std::string reason;
      try {
        document = readDocument(selection.files[index], limits);
      } catch (const std::exception& error) {
        reason = error.what();
      }
      const std::lock_guard lock(mutex);
      documents[index] = std::move(document);
      reasons[index] = std::move(reason);
      finished[index] = 1;
      finishOrder.push_back(index);
      ++done;
      changed.notify_all();
    }
  };
  if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(total, 1)));
  {
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);
    std::size_t reported = 0;
    std::unique_lock lock(mutex);
    while (true) {
      changed.wait_for(lock, std::chrono::milliseconds(200), [&] { return done > reported || stop.stop_requested(); });
      while (reported < finishOrder.size()) {
        const ReadProgress step{reported + 1, total, selection.files[finishOrder[reported]]};
        ++reported;
        if (progress) {
          lock.unlock();
          progress(step);
          lock.lock();
        }
      }
      if (done == total || stop.stop_requested()) break;
    }
  }  // the workers finish the files they are reading
  DocumentSet set;
  set.cancelled = stop.stop_requested() && done < total;
  set.failures = selection.refused;
  for (std::size_t i = 0; i < total; ++i) {
    if (documents[i]) set.documents.push_back(std::move(*documents[i]));
    else if (finished[i]) set.failures.push_back({selection.files[i], reasons[i]});
  }
  return set;
}

}  // namespace tiertune::documents
