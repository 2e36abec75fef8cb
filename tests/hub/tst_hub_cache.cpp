// The shared model cache (core/hub/hub_cache.h) against the layout huggingface_hub writes, built
// here by hand as it documents it (blobs named by etag, refs/<revision> holding the commit,
// snapshots/<commit>/<path> as relative links into ../../blobs), and the checks on every name that
// comes from the Hub before it becomes a file name.
#include <QTest>
#include <filesystem>
#include <fstream>

#include "core/hub/hub_cache.h"
#include "core/hub/hub_error.h"
#include "support/scratch.h"

namespace fs = std::filesystem;
using namespace tiertune;
using namespace tiertune::hub;

namespace {

const std::string kCommitA = "1111111111111111111111111111111111111111";
const std::string kCommitB = "2222222222222222222222222222222222222222";
const std::string kCommitC = "3333333333333333333333333333333333333333";

void writeText(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// A blob and its link, as huggingface_hub lays them out.
void addFile(const fs::path& repo, const std::string& commit, const std::string& path, const std::string& etag,
             const std::string& content) {
  writeText(repo / "blobs" / etag, content);
  const fs::path link = repo / "snapshots" / commit / path;
  fs::create_directories(link.parent_path());
  fs::create_symlink((repo / "blobs" / etag).lexically_relative(link.parent_path()), link);
}

std::string hexOf(char digit, std::size_t length) { return std::string(length, digit); }

}  // namespace

class HubCache : public QObject {
  Q_OBJECT

 private slots:
  void namesFromTheHubAreChecked() {
    QVERIFY(isValidRepoId("Qwen/Qwen2.5-0.5B-Instruct"));
    QVERIFY(isValidRepoId("meta-llama/Llama-3.2-1B"));
    QVERIFY(isValidRepoId("gpt2"));
    for (const char* bad : {"", "../etc", "a/b/c", "a--b/c", "org/na..me", "-org/name", "org/name.", "org/name.git",
                            "org /name", "org/name\n", "/name"}) {
      QVERIFY2(!isValidRepoId(bad), bad);
    }
    QVERIFY(isValidRepoId(std::string(96, 'a')));
    QVERIFY(!isValidRepoId(std::string(97, 'a')));

    QVERIFY(isValidRepoFilePath("model-00001-of-00002.safetensors"));
    QVERIFY(isValidRepoFilePath("original/params.json"));
    for (const char* bad : {"", "/etc/passwd", "../x", "a/../../x", "a//b", "a/./b", "a\\b", "a/", "."}) {
      QVERIFY2(!isValidRepoFilePath(bad), bad);
    }
    QVERIFY(isValidRevision("main") && isValidRevision("refs/pr/1") && isValidRevision(kCommitA));
    for (const char* bad : {"", "/main", "a/../b", "main/", "a\\b", "a\tb"}) QVERIFY2(!isValidRevision(bad), bad);
    QVERIFY(isValidEtag(hexOf('a', 40)) && isValidEtag(hexOf('0', 64)));
    QVERIFY(!isValidEtag(hexOf('A', 40)) && !isValidEtag(hexOf('a', 41)) && !isValidEtag("../" + hexOf('a', 37)));

    QCOMPARE(repoFolderName("Qwen/Qwen2.5-0.5B"), std::string("models--Qwen--Qwen2.5-0.5B"));
    QCOMPARE(repoIdOfFolder("models--Qwen--Qwen2.5-0.5B"), std::string("Qwen/Qwen2.5-0.5B"));
    QCOMPARE(repoIdOfFolder("datasets--x--y"), std::string());
    QCOMPARE(repoIdOfFolder("models--a--b--c"), std::string());  // "b--c" is no valid name

    const auto scratch = test::makeScratchDir();
    const CacheRepo repo(scratch->path().toStdString(), "org/name");
    QVERIFY_THROWS_EXCEPTION(HubError, repo.blobFile("../../../x"));
    QVERIFY_THROWS_EXCEPTION(HubError, repo.snapshotFolder("main"));
    QVERIFY_THROWS_EXCEPTION(HubError, repo.refFile("../main"));
    QVERIFY_THROWS_EXCEPTION(HubError, repo.linkIntoSnapshot(kCommitA, "../../escape", hexOf('a', 40)));
    QVERIFY_THROWS_EXCEPTION(HubError, CacheRepo(scratch->path().toStdString(), "../org"));
  }

  void linksAreRelativeAndRefsHoldTheCommit() {
    const auto scratch = test::makeScratchDir();
    const fs::path cache = scratch->path().toStdString();
    const CacheRepo repo(cache, "org/name");
    const std::string etag = hexOf('b', 64);
    writeText(repo.blobFile(etag), "weights");
    repo.linkIntoSnapshot(kCommitA, "model.safetensors", etag);
    repo.linkIntoSnapshot(kCommitA, "sub/dir/params.json", etag);
    const fs::path top = repo.snapshotFolder(kCommitA) / "model.safetensors";
    QVERIFY(fs::is_symlink(top));
    QCOMPARE(fs::read_symlink(top).string(), "../../blobs/" + etag);
    QCOMPARE(fs::read_symlink(repo.snapshotFolder(kCommitA) / "sub/dir/params.json").string(), "../../../../blobs/" + etag);
    std::ifstream through(top);
    std::string content;
    through >> content;
    QCOMPARE(content, std::string("weights"));
    // Linking again (a second download of the same commit) keeps one link.
    repo.linkIntoSnapshot(kCommitA, "model.safetensors", etag);
    QVERIFY(fs::is_symlink(top));

    repo.writeRef("main", kCommitA);
    repo.writeRef("refs/pr/1", kCommitB);
    QCOMPARE(repo.commitOfRef("main"), kCommitA);
    QCOMPARE(repo.commitOfRef("refs/pr/1"), kCommitB);
    QCOMPARE(repo.commitOfRef("v1"), std::string());
    std::ifstream ref(repo.refFile("main"), std::ios::binary);
    const std::string stored((std::istreambuf_iterator<char>(ref)), std::istreambuf_iterator<char>());
    QCOMPARE(stored, kCommitA);  // no newline, as huggingface_hub writes it
  }

  // Only snapshots a fine-tune can use are found: config.json and all their safetensors weights,
  // each resolving to a regular file inside the cache.
  void findsCompleteSnapshotsOnly() {
    const auto scratch = test::makeScratchDir();
    const fs::path cache = fs::path(scratch->path().toStdString()) / "hub";
    const std::string config = R"({"architectures":["LlamaForCausalLM"]})";

    // A complete single-file model with main pointing at it, and an older complete commit.
    const fs::path single = cache / "models--org--single";
    addFile(single, kCommitA, "config.json", hexOf('1', 40), config);
    addFile(single, kCommitA, "model.safetensors", hexOf('2', 64), std::string(1000, 'w'));
    addFile(single, kCommitB, "config.json", hexOf('1', 40), config);
    addFile(single, kCommitB, "model.safetensors", hexOf('3', 64), std::string(10, 'w'));
    writeText(single / "refs" / "main", kCommitA);

    // A sharded model: complete at A; at B one shard is still downloading (.incomplete, no link).
    const fs::path sharded = cache / "models--org--sharded";
    const std::string index = R"({"metadata":{},"weight_map":{"a":"model-00001-of-00002.safetensors","b":"model-00002-of-00002.safetensors"}})";
    for (const std::string& commit : {kCommitA, kCommitB}) {
      addFile(sharded, commit, "config.json", hexOf('4', 40), config);
      addFile(sharded, commit, "model.safetensors.index.json", hexOf('5', 40), index);
      addFile(sharded, commit, "model-00001-of-00002.safetensors", hexOf('6', 64), "one");
    }
    addFile(sharded, kCommitA, "model-00002-of-00002.safetensors", hexOf('7', 64), "two");
    writeText(sharded / "blobs" / (hexOf('8', 64) + ".incomplete"), "tw");

    // Only PyTorch .bin weights; a link that leads out of the cache; a dangling link; a link to a folder.
    const fs::path binOnly = cache / "models--org--binonly";
    addFile(binOnly, kCommitA, "config.json", hexOf('1', 40), config);
    addFile(binOnly, kCommitA, "pytorch_model.bin", hexOf('9', 64), "bin");
    const fs::path outside = cache / "models--org--outside";
    addFile(outside, kCommitA, "config.json", hexOf('1', 40), config);
    writeText(fs::path(scratch->path().toStdString()) / "elsewhere.safetensors", "stolen");
    fs::create_directories(outside / "snapshots" / kCommitA);
    fs::create_symlink("../../../../elsewhere.safetensors", outside / "snapshots" / kCommitA / "model.safetensors");
    const fs::path dangling = cache / "models--org--dangling";
    addFile(dangling, kCommitA, "config.json", hexOf('1', 40), config);
    fs::create_symlink("../../blobs/" + hexOf('a', 64), dangling / "snapshots" / kCommitA / "model.safetensors");
    const fs::path folder = cache / "models--org--folder";
    addFile(folder, kCommitA, "config.json", hexOf('1', 40), config);
    fs::create_directories(folder / "blobs" / hexOf('b', 64));
    fs::create_symlink("../../blobs/" + hexOf('b', 64), folder / "snapshots" / kCommitA / "model.safetensors");
    // Not models: a dataset, a stray file, a snapshot not named by a commit.
    addFile(cache / "datasets--org--data", kCommitA, "config.json", hexOf('1', 40), config);
    writeText(cache / "version.txt", "1");
    addFile(single, "not-a-commit", "config.json", hexOf('1', 40), config);

    const std::vector<CachedModel> found = findCachedModels(cache);
    QCOMPARE(found.size(), std::size_t{3});
    QCOMPARE(found[0].repoId, std::string("org/sharded"));
    QCOMPARE(found[0].commit, kCommitA);
    QCOMPARE(found[0].bytes, std::uint64_t{6});
    QVERIFY(found[0].refs.empty());
    QCOMPARE(found[1].repoId, std::string("org/single"));
    QCOMPARE(found[1].commit, kCommitA);  // the one main points at comes first
    QCOMPARE(found[1].refs, std::vector<std::string>{"main"});
    QCOMPARE(found[1].bytes, std::uint64_t{1000});
    QCOMPARE(found[1].folder, single / "snapshots" / kCommitA);
    QCOMPARE(found[2].repoId, std::string("org/single"));
    QCOMPARE(found[2].commit, kCommitB);

    QVERIFY(findCachedModels(cache / "missing").empty());
  }
};

QTEST_GUILESS_MAIN(HubCache)
#include "tst_hub_cache.moc"
