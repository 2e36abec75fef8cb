#!/usr/bin/env python3
"""Self-test of hub_double.py: starts it as a subprocess on repos written here and checks each
behaviour the C++ download-client tests rely on, over plain http.client (no redirect following,
so every 302/307 is seen as the client will see it).

  python3 tests/hub/test_hub_double.py [-v]

Standard library only; about three seconds on an idle machine.
"""
import hashlib
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

DOUBLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hub_double.py")
GATED_TOKEN = "hf_gated_secret"
READER_TOKEN = "hf_reader"  # valid for whoami, not on the gated repo's list


def safetensors_file(shape=(4, 4)):
    header = json.dumps({"w": {"dtype": "F32", "shape": list(shape), "data_offsets": [0, 64]},
                         "__metadata__": {"format": "pt"}}).encode()
    return len(header).to_bytes(8, "little") + header + bytes(range(64))


TINY = {
    "config.json": b'{"architectures":["LlamaForCausalLM"],"model_type":"llama"}',
    "generation_config.json": b'{"bos_token_id":1}',
    "tokenizer.json": b'{"version":"1.0","model":{"type":"BPE","vocab":{"a":0,"b":1},"merges":[]}}',
    "model.safetensors": safetensors_file(),                    # LFS by suffix
    "pytorch_model.bin": bytes(i * 7 % 251 for i in range(4096)),  # LFS by size
    "notes.txt": bytes(65 + i % 26 for i in range(900)),          # small: served by the hub
    "sub/readme.md": b"# a subfolder file\n",
    "sub/with space.txt": b"spaced\n",
    "sub/deeper/x.json": b"{}",
}
GATED = {"config.json": b'{"architectures":["LlamaForCausalLM"],"model_type":"llama"}',
         "model.safetensors": safetensors_file((2, 8))}
BERT = {"config.json": b'{"architectures":["BertModel"],"model_type":"bert"}', "vocab.txt": b"a\nb\n"}


def write_repo(folder, files):
    for path, content in files.items():
        os.makedirs(os.path.dirname(os.path.join(folder, path)), exist_ok=True)
        with open(os.path.join(folder, path), "wb") as f:
            f.write(content)


def git_sha1(content):
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def sha256(content):
    return hashlib.sha256(content).hexdigest()


def commit_of(files):
    return hashlib.sha1("".join(f"{p}\0{sha256(files[p])}\n" for p in sorted(files)).encode()).hexdigest()


def spawn_double(args):
    """The double's process, not yet waited for; stderr goes to a temporary file so that its log
    can never fill a pipe and block it."""
    log_file = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, DOUBLE, *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=log_file)
    proc.log_file = log_file
    return proc


def urls_of(proc):
    """The {"hub", "cdn"} URLs the double prints once it listens."""
    line = proc.stdout.readline()
    if not line:
        proc.wait(5)
        proc.log_file.seek(0)
        raise RuntimeError(f"hub_double.py did not start: {proc.log_file.read().decode()}")
    return json.loads(line)


def start_double(args):
    proc = spawn_double(args)
    return proc, urls_of(proc)


def close_streams(proc):
    for stream in (proc.stdin, proc.stdout, proc.log_file):
        stream.close()


def request(url, method="GET", headers=None, body=None):
    """(status, headers, body) of one request on a fresh connection."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, parts.path + ("?" + parts.query if parts.query else ""), body=body,
                     headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


class HubDoubleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="hub_double_test_")
        for name, files in (("tiny", TINY), ("gated", GATED), ("bert", BERT)):
            write_repo(os.path.join(cls.tmp, name), files)
        cls.proc, urls = start_double([
            "--repo", f"tiny-org/tiny-llama={cls.tmp}/tiny", "--repo", f"tiny-org/gated-llama={cls.tmp}/gated",
            "--repo", f"other-org/tiny-bert={cls.tmp}/bert", "--gated", f"tiny-org/gated-llama={GATED_TOKEN}",
            "--token", READER_TOKEN, "--renamed", "old-org/old-llama=tiny-org/tiny-llama",
            "--stats", "tiny-org/tiny-llama=1000,5", "--stats", "tiny-org/gated-llama=50,1",
            "--stats", "other-org/tiny-bert=200,2", "--page-size", "2"])
        cls.hub, cls.cdn = urls["hub"], urls["cdn"]

    @classmethod
    def tearDownClass(cls):
        cls.proc.stdin.close()  # the double's stdin watch ends it
        cls.proc.wait(5)
        close_streams(cls.proc)
        shutil.rmtree(cls.tmp)

    def setUp(self):
        self.assertEqual(self.post("/_double/reset")[0], 200)

    def post(self, path, value=None):
        status, _, body = request(self.hub + path, "POST", {"Content-Type": "application/json"},
                                  json.dumps(value).encode() if value is not None else b"")
        return status, json.loads(body)

    def get_json(self, path, headers=None):
        status, response_headers, body = request(self.hub + path, headers=headers)
        return status, response_headers, json.loads(body)

    def fault(self, **spec):
        status, body = self.post("/_double/fault", spec)
        self.assertEqual(status, 200, body)

    def log(self):
        return self.get_json("/_double/log")[2]

    def cdn_location(self, path, repo="tiny-org/tiny-llama"):
        status, headers, _ = request(f"{self.hub}/{repo}/resolve/main/{path}", "HEAD")
        self.assertEqual(status, 302)
        return headers["Location"]

    # ----- start-up

    def test_startup_line_names_two_loopback_origins(self):
        hub, cdn = urllib.parse.urlsplit(self.hub), urllib.parse.urlsplit(self.cdn)
        self.assertEqual((hub.scheme, hub.hostname, cdn.hostname), ("http", "127.0.0.1", "127.0.0.1"))
        self.assertNotEqual(hub.port, cdn.port)

    # ----- model info

    def test_model_info(self):
        status, _, info = self.get_json("/api/models/tiny-org/tiny-llama")
        self.assertEqual(status, 200)
        self.assertEqual((info["id"], info["modelId"], info["sha"]),
                         ("tiny-org/tiny-llama", "tiny-org/tiny-llama", commit_of(TINY)))
        self.assertEqual((info["private"], info["gated"], info["disabled"]), (False, False, False))
        self.assertEqual((info["downloads"], info["likes"]), (1000, 5))
        self.assertEqual((info["pipeline_tag"], info["library_name"]), ("text-generation", "transformers"))
        self.assertEqual(info["config"], {"architectures": ["LlamaForCausalLM"], "model_type": "llama"})
        self.assertEqual(info["safetensors"], {"parameters": {"F32": 16}, "total": 16})
        self.assertEqual(info["siblings"], [{"rfilename": p} for p in sorted(TINY)])
        self.assertEqual(info["usedStorage"], sum(map(len, TINY.values())))
        self.assertIsInstance(info["_id"], str)
        self.assertIn("llama", info["tags"])
        self.assertNotIn("safetensors", self.get_json("/api/models/other-org/tiny-bert")[2])

    def test_model_info_at_revision(self):
        commit = commit_of(TINY)
        for rev in ("main", commit):
            status, _, info = self.get_json(f"/api/models/tiny-org/tiny-llama/revision/{rev}")
            self.assertEqual((status, info["sha"]), (200, commit))
        status, headers, body = self.get_json("/api/models/tiny-org/tiny-llama/revision/v1.0")
        self.assertEqual((status, headers["X-Error-Code"]), (404, "RevisionNotFound"))
        self.assertIn("error", body)

    def test_model_info_expand_returns_only_what_was_asked(self):
        _, _, info = self.get_json("/api/models/tiny-org/tiny-llama?expand[]=downloads&expand[]=safetensors")
        self.assertEqual(set(info), {"_id", "id", "downloads", "safetensors"})

    # ----- tree

    def list_tree(self, path):
        """Every entry of a tree listing, following Link rel="next"; and the pages' sizes."""
        entries, sizes, url = [], [], self.hub + path
        while url:
            status, headers, body = request(url)
            self.assertEqual(status, 200, body)
            entries += json.loads(body)
            sizes.append(len(json.loads(body)))
            link = headers.get("Link")
            url = None
            if link:
                self.assertTrue(link.startswith("<" + self.hub + "/") and link.endswith('>; rel="next"'), link)
                url = link[1:link.index(">")]
                self.assertIn("cursor", urllib.parse.parse_qs(urllib.parse.urlsplit(url).query))
        return entries, sizes

    def test_tree_root_is_one_level_and_paged(self):
        entries, sizes = self.list_tree("/api/models/tiny-org/tiny-llama/tree/main?expand=false")
        self.assertEqual(sizes, [2, 2, 2, 1])
        paths = [e["path"] for e in entries]
        self.assertEqual(paths, sorted(["config.json", "generation_config.json", "model.safetensors",
                                        "notes.txt", "pytorch_model.bin", "sub", "tokenizer.json"]))
        by_path = {e["path"]: e for e in entries}
        self.assertEqual(by_path["sub"]["type"], "directory")
        self.assertEqual(by_path["sub"]["size"], 0)
        self.assertRegex(by_path["sub"]["oid"], "^[0-9a-f]{40}$")
        self.assertEqual(by_path["config.json"], {"type": "file", "oid": git_sha1(TINY["config.json"]),
                                                  "size": len(TINY["config.json"]), "path": "config.json"})
        for name in ("model.safetensors", "pytorch_model.bin"):
            content = TINY[name]
            pointer = (f"version https://git-lfs.github.com/spec/v1\noid sha256:{sha256(content)}\n"
                       f"size {len(content)}\n").encode()
            self.assertEqual(by_path[name]["lfs"], {"oid": sha256(content), "size": len(content),
                                                    "pointerSize": len(pointer)})
            self.assertEqual(by_path[name]["oid"], git_sha1(pointer))  # git stores the pointer
        self.assertNotIn("lfs", by_path["notes.txt"])

    def test_tree_recursive_and_subfolder(self):
        entries, _ = self.list_tree("/api/models/tiny-org/tiny-llama/tree/main?recursive=true&expand=false")
        files = sorted(p for p in TINY)
        self.assertEqual([e["path"] for e in entries if e["type"] == "file"], files)
        self.assertEqual([e["path"] for e in entries if e["type"] == "directory"], ["sub", "sub/deeper"])
        self.assertEqual([e["path"] for e in entries], sorted(e["path"] for e in entries))
        sub, _ = self.list_tree(f"/api/models/tiny-org/tiny-llama/tree/{commit_of(TINY)}/sub")
        self.assertEqual([e["path"] for e in sub], ["sub/deeper", "sub/readme.md", "sub/with space.txt"])
        deep, _ = self.list_tree("/api/models/tiny-org/tiny-llama/tree/main/sub?recursive=true")
        self.assertEqual(len(deep), 4)

    def test_tree_unknown_folder_or_revision(self):
        status, headers, _ = request(self.hub + "/api/models/tiny-org/tiny-llama/tree/main/nope")
        self.assertEqual((status, headers["X-Error-Code"]), (404, "EntryNotFound"))
        status, headers, _ = request(self.hub + "/api/models/tiny-org/tiny-llama/tree/dev")
        self.assertEqual((status, headers["X-Error-Code"]), (404, "RevisionNotFound"))

    # ----- search

    def test_list_models_search_sort_limit(self):
        status, _, found = self.get_json("/api/models?search=TINY&sort=downloads&direction=-1&limit=10"
                                         "&expand[]=downloads&expand[]=likes&expand[]=gated")
        self.assertEqual(status, 200)
        self.assertEqual([m["id"] for m in found],  # "tiny" matches the org of the gated one too
                         ["tiny-org/tiny-llama", "other-org/tiny-bert", "tiny-org/gated-llama"])
        self.assertEqual(found[0], {"_id": found[0]["_id"], "id": "tiny-org/tiny-llama", "downloads": 1000,
                                    "likes": 5, "gated": False})
        _, _, found = self.get_json("/api/models?search=llama&sort=downloads&direction=-1&limit=1")
        self.assertEqual([m["id"] for m in found], ["tiny-org/tiny-llama"])
        for key in ("_id", "id", "modelId", "downloads", "likes", "gated", "private", "pipeline_tag",
                    "tags", "safetensors", "config"):
            self.assertIn(key, found[0])

    def test_list_models_author_full_and_gated(self):
        _, _, found = self.get_json("/api/models?author=tiny-org&sort=downloads&direction=-1")
        self.assertEqual([(m["id"], m["gated"]) for m in found],
                         [("tiny-org/tiny-llama", False), ("tiny-org/gated-llama", "manual")])
        self.assertEqual(found[1]["safetensors"]["parameters"], {"F32": 16})
        _, _, found = self.get_json("/api/models?search=bert&full=true")
        self.assertEqual(found[0]["siblings"], [{"rfilename": "config.json"}, {"rfilename": "vocab.txt"}])
        status, _, _ = self.get_json("/api/models?expand[]=nonsense")
        self.assertEqual(status, 400)

    # ----- resolve

    def test_resolve_small_file(self):
        content = TINY["notes.txt"]
        for method in ("GET", "HEAD"):
            status, headers, body = request(self.hub + "/tiny-org/tiny-llama/resolve/main/notes.txt", method)
            self.assertEqual(status, 200)
            self.assertEqual(body, content if method == "GET" else b"")
            self.assertEqual(headers["Content-Length"], str(len(content)))
            self.assertEqual(headers["ETag"], f'"{git_sha1(content)}"')
            self.assertEqual(headers["X-Repo-Commit"], commit_of(TINY))
            self.assertEqual(headers["Content-Type"], "application/octet-stream")
            self.assertEqual(headers["Accept-Ranges"], "bytes")
        status, _, body = request(f"{self.hub}/tiny-org/tiny-llama/resolve/{commit_of(TINY)}/sub/readme.md")
        self.assertEqual((status, body), (200, TINY["sub/readme.md"]))

    def check_ranges(self, url, content):
        total = len(content)
        for header, start, end in (("bytes=100-", 100, total - 1), ("bytes=10-19", 10, 19),
                                   ("bytes=-5", total - 5, total - 1), (f"bytes=5-{total + 50}", 5, total - 1)):
            status, headers, body = request(url, headers={"Range": header})
            self.assertEqual(status, 206, header)
            self.assertEqual(body, content[start:end + 1], header)
            self.assertEqual(headers["Content-Range"], f"bytes {start}-{end}/{total}")
            self.assertEqual(headers["Content-Length"], str(end - start + 1))
        status, headers, _ = request(url, headers={"Range": f"bytes={total}-"})
        self.assertEqual((status, headers["Content-Range"]), (416, f"bytes */{total}"))

    def test_resolve_ranges(self):
        self.check_ranges(self.hub + "/tiny-org/tiny-llama/resolve/main/notes.txt", TINY["notes.txt"])

    def test_resolve_decodes_escaped_paths(self):
        status, _, body = request(self.hub + "/tiny-org/tiny-llama/resolve/main/sub/with%20space.txt")
        self.assertEqual((status, body), (200, TINY["sub/with space.txt"]))

    def test_resolve_unknown_file_or_revision(self):
        status, headers, body = request(self.hub + "/tiny-org/tiny-llama/resolve/main/nope.bin")
        self.assertEqual((status, headers["X-Error-Code"]), (404, "EntryNotFound"))
        self.assertIn("error", json.loads(body))
        status, headers, _ = request(self.hub + "/tiny-org/tiny-llama/resolve/v2/notes.txt")
        self.assertEqual((status, headers["X-Error-Code"]), (404, "RevisionNotFound"))

    def test_resolve_lfs_redirects_to_the_cdn(self):
        for name in ("model.safetensors", "pytorch_model.bin"):
            content = TINY[name]
            for method in ("GET", "HEAD"):
                status, headers, body = request(f"{self.hub}/tiny-org/tiny-llama/resolve/main/{name}", method)
                self.assertEqual((status, body), (302, b""))
                self.assertEqual(headers["X-Repo-Commit"], commit_of(TINY))
                self.assertEqual(headers["X-Linked-Etag"], f'"{sha256(content)}"')
                self.assertEqual(headers["X-Linked-Size"], str(len(content)))
                self.assertEqual(headers["ETag"], f'"{sha256(content)}"')
                self.assertEqual(headers["Content-Length"], "0")
                location = urllib.parse.urlsplit(headers["Location"])
                self.assertEqual(f"{location.scheme}://{location.netloc}", self.cdn)
                self.assertEqual(location.path, f"/repos/tiny-org--tiny-llama/{sha256(content)}")
                self.assertIn("X-Amz-Signature", urllib.parse.parse_qs(location.query))

    def test_cdn_serves_blobs_with_ranges_and_no_auth(self):
        content = TINY["pytorch_model.bin"]
        url = self.cdn_location("pytorch_model.bin")
        for method in ("GET", "HEAD"):
            status, headers, body = request(url, method)
            self.assertEqual((status, body), (200, content if method == "GET" else b""))
            self.assertEqual(headers["Content-Length"], str(len(content)))
            self.assertEqual(headers["ETag"], f'"{sha256(content)}"')
            self.assertEqual(headers["Accept-Ranges"], "bytes")
        self.check_ranges(url, content)
        request(url, headers=bearer("leaked"))
        cdn = [e for e in self.log() if e["origin"] == "cdn"]
        self.assertEqual([e["authorization"] for e in cdn], [False] * (len(cdn) - 1) + [True])
        self.assertEqual(request(self.cdn + "/repos/tiny-org--tiny-llama/" + "0" * 64)[0], 404)

    # ----- renamed, unknown and gated repos

    def test_renamed_repo_redirects_relative(self):
        status, headers, _ = request(self.hub + "/old-org/old-llama/resolve/main/sub/readme.md?download=true", "HEAD")
        self.assertEqual((status, headers["Location"]), (307, "/tiny-org/tiny-llama/resolve/main/sub/readme.md?download=true"))
        status, headers, _ = request(self.hub + "/api/models/old-org/old-llama/tree/main?recursive=true")
        self.assertEqual((status, headers["Location"]), (307, "/api/models/tiny-org/tiny-llama/tree/main?recursive=true"))
        status, headers, _ = request(self.hub + "/api/models/old-org/old-llama")
        self.assertEqual((status, headers["Location"]), (307, "/api/models/tiny-org/tiny-llama"))

    def test_unknown_repo_is_401_anonymous_and_404_authenticated(self):
        for path in ("/api/models/nobody/nothing", "/api/models/nobody/nothing/tree/main",
                     "/nobody/nothing/resolve/main/config.json"):
            for headers, expected in ((None, 401), (bearer(READER_TOKEN), 404)):
                status, response_headers, body = request(self.hub + path, headers=headers)
                self.assertEqual((status, response_headers["X-Error-Code"]), (expected, "RepoNotFound"), path)
                self.assertTrue(json.loads(body)["error"].startswith("Repository Not Found for url: "))

    def test_gated_repo(self):
        anonymous = ("Access to model tiny-org/gated-llama is restricted. You must have access to it and be "
                     "authenticated to access it. Please log in.")
        refused = ("Access to model tiny-org/gated-llama is restricted and you are not in the authorized list. "
                   "Visit https://huggingface.co/tiny-org/gated-llama to ask for access.")
        for path in ("/api/models/tiny-org/gated-llama", "/api/models/tiny-org/gated-llama/tree/main",
                     "/api/models/tiny-org/gated-llama/auth-check",
                     "/tiny-org/gated-llama/resolve/main/config.json"):
            for headers, expected, message in ((None, 401, anonymous), ({"Authorization": "Basic eDp5"}, 401, anonymous),
                                               (bearer(READER_TOKEN), 403, refused)):
                status, response_headers, body = request(self.hub + path, headers=headers)
                self.assertEqual((status, response_headers["X-Error-Code"]), (expected, "GatedRepo"), path)
                self.assertEqual(json.loads(body), {"error": message})
            self.assertEqual(request(self.hub + path, headers=bearer(GATED_TOKEN))[0], 200, path)
        _, _, info = self.get_json("/api/models/tiny-org/gated-llama", bearer(GATED_TOKEN))
        self.assertEqual(info["gated"], "manual")
        status, headers, _ = request(self.hub + "/tiny-org/gated-llama/resolve/main/model.safetensors",
                                     headers=bearer(GATED_TOKEN))
        self.assertEqual(status, 302)
        self.assertEqual(request(headers["Location"])[2], GATED["model.safetensors"])  # no token needed

    def test_whoami(self):
        for token in (GATED_TOKEN, READER_TOKEN):
            status, _, body = self.get_json("/api/whoami-v2", bearer(token))
            self.assertEqual((status, body["name"], body["auth"]["accessToken"]["role"]), (200, "tester", "read"))
        for headers in (None, bearer("hf_wrong")):
            status, _, body = self.get_json("/api/whoami-v2", headers)
            self.assertEqual((status, body), (401, {"error": "Invalid credentials in Authorization header"}))

    # ----- observation

    def test_log_records_both_origins_and_reset_clears_it(self):
        request(self.hub + "/tiny-org/tiny-llama/resolve/main/notes.txt", headers={"Range": "bytes=0-9"})
        url = self.cdn_location("model.safetensors")
        request(url, headers=bearer("x"))
        entries = self.log()
        self.assertEqual(len(entries), 3)  # /_double/ requests are not logged
        self.assertEqual(entries[0], {"origin": "hub", "method": "GET", "path": "/tiny-org/tiny-llama/resolve/main/notes.txt",
                                      "query": "", "authorization": False, "range": "bytes=0-9", "status": 206,
                                      "bytes_sent": 10, "done": True})
        self.assertEqual((entries[1]["method"], entries[1]["status"], entries[1]["bytes_sent"]), ("HEAD", 302, 0))
        self.assertEqual((entries[2]["origin"], entries[2]["authorization"], entries[2]["bytes_sent"]),
                         ("cdn", True, len(TINY["model.safetensors"])))
        self.assertEqual(entries[2]["query"], urllib.parse.urlsplit(url).query)
        self.post("/_double/reset")
        self.assertEqual(self.log(), [])

    def test_keep_alive(self):
        parts = urllib.parse.urlsplit(self.hub)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        for _ in range(3):
            conn.request("GET", "/tiny-org/tiny-llama/resolve/main/config.json")
            response = conn.getresponse()
            self.assertEqual(response.read(), TINY["config.json"])
        sock = conn.sock
        conn.request("GET", "/api/models/tiny-org/tiny-llama")
        conn.getresponse().read()
        self.assertIs(conn.sock, sock)  # one connection for all four
        conn.close()

    # ----- faults

    def test_fault_drop(self):
        for path, url in (("notes.txt", self.hub + "/tiny-org/tiny-llama/resolve/main/notes.txt"),
                          ("pytorch_model.bin", self.cdn_location("pytorch_model.bin"))):
            content = TINY[path]
            self.fault(kind="drop", path=path, after_bytes=100, times=2)
            for headers, start in ((None, 0), ({"Range": "bytes=50-"}, 50)):
                with self.assertRaises(http.client.IncompleteRead) as raised:
                    request(url, headers=headers)  # the full Content-Length was announced
                self.assertEqual(raised.exception.partial, content[start:start + 100])
                self.assertEqual(raised.exception.expected, len(content) - start - 100)
            self.assertEqual(request(url)[2], content)  # after two times, served normally
        dropped = [e["bytes_sent"] for e in self.log() if e["method"] == "GET" and e["status"] in (200, 206)]
        self.assertEqual(dropped, [100, 100, len(TINY["notes.txt"]), 100, 100, len(TINY["pytorch_model.bin"])])

    def test_fault_corrupt(self):
        content = TINY["notes.txt"]
        url = self.hub + "/tiny-org/tiny-llama/resolve/main/notes.txt"
        self.fault(kind="corrupt", path="notes.txt", times=1)
        status, headers, body = request(url)
        self.assertEqual((status, headers["ETag"], len(body)), (200, f'"{git_sha1(content)}"', len(content)))
        self.assertEqual([i for i in range(len(content)) if body[i] != content[i]], [len(content) // 2])
        self.assertEqual(request(url)[2], content)

    def test_fault_slow_trickles_and_stops_when_the_client_leaves(self):
        content = TINY["pytorch_model.bin"]
        url = urllib.parse.urlsplit(self.cdn_location("pytorch_model.bin"))
        self.fault(kind="slow", path="pytorch_model.bin", bytes_per_second=4000)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        began = time.monotonic()
        conn.request("GET", f"{url.path}?{url.query}")
        response = conn.getresponse()
        self.assertEqual(response.headers["Content-Length"], str(len(content)))
        self.assertEqual(response.read(1200), content[:1200])
        self.assertGreater(time.monotonic() - began, 0.15)  # 1200 bytes at 4000/s: about 0.25 s
        conn.close()  # hang up mid-body
        began = time.monotonic()
        cdn = [e for e in self.log() if e["origin"] == "cdn"]
        self.assertLess(time.monotonic() - began, 1.0)  # the double noticed at once
        self.assertTrue(cdn[0]["done"])
        self.assertLess(cdn[0]["bytes_sent"], len(content))
        self.post("/_double/reset")
        began = time.monotonic()
        self.assertEqual(request(f"{self.cdn}{url.path}?{url.query}")[2], content)
        self.assertLess(time.monotonic() - began, 0.5)

    def test_fault_status(self):
        url = self.hub + "/tiny-org/tiny-llama/resolve/main/notes.txt"
        self.fault(kind="status", path="notes.txt", status=503, times=2)
        self.assertEqual(request(url, "HEAD")[0], 200)  # faults spoil GETs only
        for _ in range(2):
            status, headers, body = request(url)
            self.assertEqual((status, headers["Retry-After"]), (503, "0"))
            self.assertIn("error", json.loads(body))
        self.assertEqual(request(url)[0], 200)
        # An LFS file's body comes from the cdn, so its faults apply there, unless "origin" says hub.
        self.fault(kind="status", path="model.safetensors", status=500)
        location = self.cdn_location("model.safetensors")
        self.assertEqual(request(location)[0], 500)
        self.fault(kind="status", path="model.safetensors", status=429, origin="hub")
        status, headers, _ = request(self.hub + "/tiny-org/tiny-llama/resolve/main/model.safetensors")
        self.assertEqual((status, headers["Retry-After"]), (429, "0"))
        self.assertEqual(request(self.hub + "/tiny-org/tiny-llama/resolve/main/model.safetensors")[0], 302)

    def test_fault_refuse_range(self):
        content = TINY["pytorch_model.bin"]
        url = self.cdn_location("pytorch_model.bin")
        self.fault(kind="refuse_range", path="pytorch_model.bin")
        for _ in range(2):  # until reset
            status, headers, body = request(url, headers={"Range": "bytes=1000-"})
            self.assertEqual((status, body, headers["Content-Range"]), (200, content, None))
        self.post("/_double/reset")
        self.assertEqual(request(url, headers={"Range": "bytes=1000-"})[0], 206)

    def test_fault_requests_are_checked(self):
        for spec in ({"kind": "melt", "path": "notes.txt"}, {"kind": "drop", "path": "nope"},
                     {"kind": "drop", "path": "notes.txt"}, {"kind": "status", "path": "notes.txt", "status": 503,
                                                              "times": 0}):
            status, body = self.post("/_double/fault", spec)
            self.assertEqual(status, 400, spec)
            self.assertIn("error", body)


class LifecycleTest(unittest.TestCase):
    """How a double ends, and the --gate-files-only variant: one double per test, all started
    together in setUpClass because interpreter start-up is most of each one's time."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="hub_double_life_")
        write_repo(cls.tmp, GATED)
        cls.args = ["--repo", f"org/m={cls.tmp}"]
        cls.procs = {name: spawn_double(cls.args + extra) for name, extra in (
            ("stdin", []), ("sigterm", []), ("quit", []),
            ("gate_files_only", ["--gated", "org/m=tok", "--gate-files-only"]))}

    @classmethod
    def tearDownClass(cls):
        for proc in cls.procs.values():
            if proc.poll() is None:
                proc.kill()
            proc.wait(5)
            close_streams(proc)
        shutil.rmtree(cls.tmp)

    def assert_exits_cleanly(self, proc):
        self.assertEqual(proc.wait(5), 0)
        self.assertEqual(proc.stdout.read(), b"")  # nothing after the one JSON line

    def test_exits_when_stdin_closes(self):
        proc = self.procs["stdin"]
        urls_of(proc)
        proc.stdin.close()
        self.assert_exits_cleanly(proc)

    def test_exits_on_sigterm(self):
        proc = self.procs["sigterm"]
        urls_of(proc)
        proc.send_signal(signal.SIGTERM)
        self.assert_exits_cleanly(proc)

    def test_exits_on_quit(self):
        proc = self.procs["quit"]
        self.assertEqual(request(urls_of(proc)["hub"] + "/_double/quit", "POST")[0], 200)
        self.assert_exits_cleanly(proc)

    def test_bad_arguments_exit_2_without_a_url_line(self):
        cases = (["--repo", "org/m=/no/such/folder"], [*self.args, "--gated", "org/other=t"],
                 [*self.args, "--renamed", "a/b=c/d"])
        # Started together: interpreter start-up is most of each run's time.
        procs = [subprocess.Popen([sys.executable, DOUBLE, *args], stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for args in cases]
        for args, proc in zip(cases, procs):
            out, err = proc.communicate(timeout=10)
            self.assertEqual((proc.returncode, out), (2, b""), args)
            self.assertIn(b"error:", err)

    def test_gate_files_only_shows_metadata_as_the_real_hub_does(self):
        hub = urls_of(self.procs["gate_files_only"])["hub"]
        status, _, body = request(hub + "/api/models/org/m")
        self.assertEqual((status, json.loads(body)["gated"]), (200, "manual"))
        self.assertEqual(request(hub + "/api/models/org/m/tree/main")[0], 200)
        self.assertEqual(request(hub + "/org/m/resolve/main/config.json")[0], 401)
        self.assertEqual(request(hub + "/api/models/org/m/auth-check")[0], 401)


if __name__ == "__main__":
    unittest.main()
