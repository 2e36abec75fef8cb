#include "core/hub/hub_http.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include "core/hub/hub_error.h"

namespace tiertune::hub {
namespace {

// curl_global_init is not thread-safe on every build of libcurl: once, before any handle.
void initCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

// An error body is kept for its message (the Hub's JSON "error"), never more than this.
constexpr std::size_t kMaxErrorBody = 1u << 20;

struct Exchange {
  CURL* curl = nullptr;
  const BodySink* sink = nullptr;
  const std::atomic<bool>* cancel = nullptr;
  const HttpLimits* limits = nullptr;
  HttpResponse response;
  bool sinkStopped = false;
  bool bodyTooLarge = false;
};

size_t onHeader(char* data, size_t size, size_t count, void* user) {
  auto& exchange = *static_cast<Exchange*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    exchange.response.headers.clear();  // a new response (after a 100 Continue)
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    exchange.response.headers[lowerCase(std::string(line.substr(0, colon)))] = trimmed(line.substr(colon + 1));
  }
  return size * count;
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
  auto& exchange = *static_cast<Exchange*>(user);
  const std::size_t bytes = size * count;
  long status = 0;
  curl_easy_getinfo(exchange.curl, CURLINFO_RESPONSE_CODE, &status);
  exchange.response.bodyBytes += bytes;
  // Only a successful body goes to the sink; an error's body is kept for its message.
  if (exchange.sink && *exchange.sink && status >= 200 && status < 300) {
    if (!(*exchange.sink)(status, std::span<const char>(data, bytes))) {
      exchange.sinkStopped = true;
      return 0;
    }
    return bytes;
  }
  const std::size_t limit = (status >= 200 && status < 300) ? exchange.limits->maxBodyBytes : kMaxErrorBody;
  if (exchange.response.body.size() + bytes > limit) {
    exchange.bodyTooLarge = true;
    return 0;
  }
  exchange.response.body.append(data, bytes);
  return bytes;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto& exchange = *static_cast<Exchange*>(user);
  return exchange.cancel && exchange.cancel->load() ? 1 : 0;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

std::string urlPart(CURLU* url, CURLUPart part, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, flags) != CURLUE_OK || !value) return {};
  std::string text(value);
  curl_free(value);
  return text;
}

std::string hostOf(const std::string& url) {
  std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return url;
  return urlPart(handle.get(), CURLUPART_HOST);
}

}  // namespace

std::string HttpResponse::header(const std::string& lowerCaseName) const {
  const auto found = headers.find(lowerCaseName);
  return found == headers.end() ? std::string() : found->second;
}

HttpResponse performHttp(const HttpRequest& request, const BodySink& sink, const std::atomic<bool>* cancel,
                         const HttpLimits& limits) {
  initCurlOnce();
  if (cancel && cancel->load()) throw HubError(HubProblem::Cancelled, "The download was cancelled.");
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw HubError(HubProblem::Network, "Could not start an HTTP connection (libcurl failed to initialize).");
  Exchange exchange;
  exchange.curl = curl.get();
  exchange.sink = &sink;
  exchange.cancel = cancel;
  exchange.limits = &limits;

  std::unique_ptr<curl_slist, ListDeleter> headers;
  for (const std::string& header : request.headers) {
    curl_slist* appended = curl_slist_append(headers.get(), header.c_str());
    if (!appended) throw HubError(HubProblem::Network, "Out of memory while preparing an HTTP request.");
    headers.release();
    headers.reset(appended);
  }
  char errorText[CURL_ERROR_SIZE] = {};
  const std::string range = request.rangeStart > 0 ? std::to_string(request.rangeStart) + "-" : std::string();
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for name resolution timeouts
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorText);
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "tiertune/" TIERTUNE_VERSION);
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  if (request.method == "HEAD") curl_easy_setopt(handle, CURLOPT_NOBODY, 1L);
  if (request.method == "POST") {
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.c_str());
  }
  if (!range.empty()) curl_easy_setopt(handle, CURLOPT_RANGE, range.c_str());
  // Files arrive byte for byte as stored (a compressed transfer would break ranges and sizes); API
  // answers may be compressed.
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, sink ? "identity" : "");
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, limits.connectSeconds);
  curl_easy_setopt(handle, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(handle, CURLOPT_LOW_SPEED_TIME, limits.stallSeconds);
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &exchange);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &exchange);
  curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, onProgress);
  curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &exchange);

  const CURLcode result = curl_easy_perform(handle);
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &exchange.response.status);
  if (result == CURLE_OK || (result == CURLE_WRITE_ERROR && exchange.sinkStopped)) return std::move(exchange.response);
  if (result == CURLE_ABORTED_BY_CALLBACK && cancel && cancel->load()) {
    throw HubError(HubProblem::Cancelled, "The download was cancelled.");
  }
  if (exchange.bodyTooLarge) {
    throw HubError(HubProblem::Server, "The answer from " + hostOf(request.url) + " is larger than any the Hub sends (over " +
                                           std::to_string(limits.maxBodyBytes >> 20) + " MiB); it was not read.");
  }
  std::string reason = errorText[0] ? std::string(errorText) : std::string(curl_easy_strerror(result));
  if (result == CURLE_OPERATION_TIMEDOUT) reason = "no data arrived for " + std::to_string(limits.stallSeconds) + " seconds";
  std::string message = "The connection to " + hostOf(request.url) + " failed: " + reason;
  if (exchange.response.bodyBytes > 0) message += " (after " + std::to_string(exchange.response.bodyBytes) + " bytes)";
  throw HubError(HubProblem::Network, message + ".");
}

std::string originOf(const std::string& url) {
  initCurlOnce();
  std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return {};
  const std::string scheme = lowerCase(urlPart(handle.get(), CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https") return {};
  return scheme + "://" + lowerCase(urlPart(handle.get(), CURLUPART_HOST)) + ":" +
         urlPart(handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
}

std::string resolveLocation(const std::string& url, const std::string& location) {
  initCurlOnce();
  std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK ||
      curl_url_set(handle.get(), CURLUPART_URL, location.c_str(), 0) != CURLUE_OK) {
    throw HubError(HubProblem::Server, "The server redirected to an address that is not a URL: " + location);
  }
  return urlPart(handle.get(), CURLUPART_URL);
}

std::string percentEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return encoded;
}

}  // namespace tiertune::hub
