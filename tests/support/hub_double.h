// The Hugging Face Hub double (tests/hub/hub_double.py) for tests of the Hub client: a real local
// HTTP server on two loopback origins (the hub and its "CDN"), started with the repositories a test
// gives it, stopped when the test ends (it also exits when its stdin closes, should the test die).
// The test target defines TIERTUNE_HUB_DOUBLE (the script's path).
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTest>
#include <stdexcept>
#include <string>

#include "core/hub/hub_http.h"

namespace tiertune::test {

class HubDouble {
 public:
  // arguments: "--repo", "org/name=FOLDER", "--gated", "org/name=TOKEN", ...
  explicit HubDouble(const QStringList& arguments) {
    process_.setReadChannel(QProcess::StandardOutput);
    process_.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral(TIERTUNE_HUB_DOUBLE)} + arguments);
    QByteArray line;
    while (!line.contains('\n') && process_.waitForReadyRead(30000)) line += process_.readLine();
    const QJsonObject origins = QJsonDocument::fromJson(line).object();
    hub_ = origins.value(QStringLiteral("hub")).toString().toStdString();
    cdn_ = origins.value(QStringLiteral("cdn")).toString().toStdString();
    if (hub_.empty() || cdn_.empty()) {
      throw std::runtime_error("the Hub double did not start: " + process_.readAllStandardError().toStdString());
    }
  }
  ~HubDouble() {
    process_.closeWriteChannel();
    if (!process_.waitForFinished(3000)) process_.kill();
    process_.waitForFinished(3000);
  }
  HubDouble(const HubDouble&) = delete;
  HubDouble& operator=(const HubDouble&) = delete;

  const std::string& hub() const { return hub_; }
  const std::string& cdn() const { return cdn_; }

  // Every request either origin served since the start or the last reset.
  QJsonArray log() const { return QJsonDocument::fromJson(QByteArray::fromStdString(get("/_double/log"))).array(); }
  void reset() const { post("/_double/reset", "{}"); }
  // {"kind":"drop","path":...,"after_bytes":N,"times":K}, corrupt, slow, status, refuse_range.
  void fault(const QJsonObject& fault) const {
    post("/_double/fault", QJsonDocument(fault).toJson(QJsonDocument::Compact).toStdString());
  }

 private:
  std::string get(const std::string& path) const {
    hub::HttpRequest request;
    request.url = hub_ + path;
    return hub::performHttp(request).body;
  }
  void post(const std::string& path, const std::string& body) const {
    hub::HttpRequest request;
    request.method = "POST";
    request.url = hub_ + path;
    request.body = body;
    request.headers = {"Content-Type: application/json"};
    const hub::HttpResponse response = hub::performHttp(request);
    if (response.status != 200) throw std::runtime_error("the Hub double refused " + path + ": " + response.body);
  }

  mutable QProcess process_;
  std::string hub_, cdn_;
};

}  // namespace tiertune::test
