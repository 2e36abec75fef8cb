// Writes small PDF files for the document reader's tests: pages of text placed at given points in
// the standard Helvetica font (no font file needed), an optional title in the document's
// information, and two kinds of bad file: an encrypted one (a standard security handler whose
// password nobody knows) and pages with a drawing but no text (what a scan looks like to a text
// extractor). Byte 0x01 in a text prints the "fi" ligature glyph, as typeset PDFs do.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace tiertune::test {

struct PdfTextRun {
  double x = 72, y = 720;  // points from the page's bottom left
  double size = 11;
  std::string text;        // WinAnsi bytes; 0x01 is the fi ligature
};

struct PdfPageContent {
  std::vector<PdfTextRun> runs;
  bool drawing = false;  // a filled rectangle, like a scanned page's image
};

struct PdfOptions {
  std::string title;       // the document information's Title, when not empty
  bool encrypted = false;  // an /Encrypt dictionary whose user password is not empty
};

inline std::string pdfEscaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

inline std::string pdfFile(const std::vector<PdfPageContent>& pages, const PdfOptions& options = {}) {
  std::vector<std::string> objects;  // objects[i] is object i + 1
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("");  // the page tree, once the pages' numbers are known
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding "
      "/WinAnsiEncoding /Differences [1 /fi] >> >>");
  std::string kids;
  for (const PdfPageContent& page : pages) {
    std::string content;
    if (page.drawing) content += "0.5 g 72 72 468 648 re f\n";
    if (!page.runs.empty()) {
      content += "BT\n";
      for (const PdfTextRun& run : page.runs) {
        char placement[96];
        std::snprintf(placement, sizeof placement, "/F1 %.1f Tf 1 0 0 1 %.1f %.1f Tm ", run.size, run.x, run.y);
        content += placement + ("(" + pdfEscaped(run.text) + ") Tj\n");
      }
      content += "ET\n";
    }
    const std::size_t pageNumber = objects.size() + 1;
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(pageNumber + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    kids += std::to_string(pageNumber) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  std::string trailerExtra;
  if (!options.title.empty()) {
    objects.push_back("<< /Title (" + pdfEscaped(options.title) + ") >>");
    trailerExtra += " /Info " + std::to_string(objects.size()) + " 0 R";
  }
  if (options.encrypted) {
    const std::string key32(64, 'A');  // 32 bytes in hex that match no password
    objects.push_back("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + key32 + "> /U <" + key32 + "> >>");
    trailerExtra += " /Encrypt " + std::to_string(objects.size()) + " 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                    "<0123456789ABCDEF0123456789ABCDEF>]";
  }
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" + trailerExtra +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace tiertune::test
