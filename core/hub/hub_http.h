// One HTTP exchange over libcurl, with nothing decided for the caller: redirects are returned, not
// followed (the Hub client decides which to follow and whether the token goes along), the body goes
// to a sink that may stop it, and a cancel flag stops a transfer within a fraction of a second even
// when the server sends nothing. libcurl because it is what every Debian machine has, speaks
// HTTP/1.1 and 2 over TLS with the system's certificates, and honours the proxy variables
// (https_proxy, no_proxy) that users behind a company proxy already set.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace tiertune::hub {

struct HttpRequest {
  std::string method = "GET";  // GET, HEAD, or POST (with body)
  std::string url;
  std::string body;  // POST only
  std::vector<std::string> headers;  // "Name: value"
  std::uint64_t rangeStart = 0;      // > 0: ask for the bytes from here on (Range: bytes=N-)
};

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  // names in lower case; the last value of each
  std::string body;                            // when no sink was given
  std::uint64_t bodyBytes = 0;                 // bytes of body received (to the sink or here)

  // The header's value, or empty.
  std::string header(const std::string& lowerCaseName) const;
};

// Receives a successful (2xx) body in pieces, with the status (200, or 206 for a range), before it
// is complete; returning false stops the transfer (performHttp then throws nothing: the response
// says what arrived). Error bodies are kept in HttpResponse::body instead, for their message.
using BodySink = std::function<bool(long status, std::span<const char>)>;

struct HttpLimits {
  long connectSeconds = 20;
  long stallSeconds = 60;                      // no byte for this long: the transfer failed
  std::uint64_t maxBodyBytes = 64ull << 20;    // bodies kept in memory (API answers), not sinks
};

// Performs the request. Throws HubError(Network) when no answer or only part of one arrived (the
// message says which host and why, and how many body bytes came), HubError(Cancelled) when cancel
// became true, HubError(Server) when a kept body exceeds maxBodyBytes.
HttpResponse performHttp(const HttpRequest& request, const BodySink& sink = {}, const std::atomic<bool>* cancel = nullptr,
                         const HttpLimits& limits = {});

// The scheme, host and port of url ("https://huggingface.co:443" for "https://huggingface.co/x"),
// lower-cased, with the scheme's default port written out: two URLs are the same origin when
// these are equal. Empty when url is not absolute http(s).
std::string originOf(const std::string& url);

// url's Location header resolved against url (absolute, scheme-relative "//host/x", or a path).
std::string resolveLocation(const std::string& url, const std::string& location);

// Percent-encoding of one path segment or query value (RFC 3986 unreserved characters kept).
std::string percentEncode(const std::string& text);

}  // namespace tiertune::hub
