#include "core/util/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <vector>

#include "core/util/error.h"

namespace tiertune {

namespace {

struct DigestContextDeleter {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextDeleter>;

DigestContext startDigest(const EVP_MD* algorithm = EVP_sha256()) {
  DigestContext context(EVP_MD_CTX_new());
  if (!context || EVP_DigestInit_ex(context.get(), algorithm, nullptr) != 1) {
    throw Error("SHA-256 is not available from OpenSSL");
  }
  return context;
}

void update(EVP_MD_CTX* context, const void* data, std::size_t size) {
  if (EVP_DigestUpdate(context, data, size) != 1) throw Error("SHA-256 update failed");
}

std::string finish(EVP_MD_CTX* context) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context, digest.data(), &length) != 1) throw Error("SHA-256 failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace

std::string sha256Hex(std::span<const std::byte> bytes) {
  DigestContext context = startDigest();
  update(context.get(), bytes.data(), bytes.size());
  return finish(context.get());
}

std::string sha256Hex(std::string_view text) {
  return sha256Hex(std::as_bytes(std::span(text.data(), text.size())));
}

namespace {

// Streams the file into context.
void updateWithFile(EVP_MD_CTX* context, const std::filesystem::path& file) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(file.c_str(), "rbe"), &std::fclose);
  if (!in) {
    const int error = errno;
    throw Error("Cannot read " + file.string() + ": " + errnoText(error) + ".");
  }
  std::vector<char> buffer(1 << 20);
  for (;;) {
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), in.get());
    if (got > 0) update(context, buffer.data(), got);
    if (got < buffer.size()) {
      if (std::ferror(in.get())) throw Error("Reading " + file.string() + " failed.");
      break;
    }
  }
}

}  // namespace

std::string sha256HexOfFile(const std::filesystem::path& file) {
  DigestContext context = startDigest();
  updateWithFile(context.get(), file);
  return finish(context.get());
}

std::string gitBlobIdOfFile(const std::filesystem::path& file) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error) throw Error("Cannot read " + file.string() + ": " + error.message() + ".");
  DigestContext context = startDigest(EVP_sha1());
  const std::string header = "blob " + std::to_string(size) + std::string(1, '\0');
  update(context.get(), header.data(), header.size());
  updateWithFile(context.get(), file);
  return finish(context.get());
}

}  // namespace tiertune
