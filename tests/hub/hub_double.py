#!/usr/bin/env python3
"""A local stand-in for the Hugging Face Hub, for the tests of Tiertune's Hub download client.

Serves model repos that are plain folders on disk through the same HTTP API the real Hub has
(model info, paged file tree, model search, resolve with LFS redirects, whoami), from two origins:
the "hub" and a "cdn", because the real Hub redirects large (LFS) files to another host. Tests
steer it and watch it through /_double/ paths on the hub origin: a log of every request served,
and faults (dropped connections, corrupt bytes, slow bodies, error statuses, no Range support).

  hub_double.py --repo ORG/NAME=FOLDER [--repo ...] [--gated ORG/NAME=TOKEN] [--token TOKEN]
                [--renamed OLD_ORG/OLD_NAME=NEW_ORG/NEW_NAME] [--stats ORG/NAME=DOWNLOADS,LIKES]
                [--page-size N] [--lfs-threshold BYTES] [--gate-files-only]

Prints one JSON line on stdout, {"hub": "http://127.0.0.1:P1", "cdn": "http://127.0.0.1:P2"},
logs on stderr, and exits with status 0 on SIGTERM, SIGINT, POST /_double/quit, or when stdin
(if it is a pipe or socket) reaches end of file, so a test that dies does not leave it behind.
The folders are read once at start-up; do not change them while it runs. Standard library only.
"""
import argparse
import base64
import hashlib
import json
import os
import re
import signal
import socket
import stat
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHUNK = 64 * 1024
FIXED_TIME = "2024-01-01T00:00:00.000Z"  # lastModified/createdAt: deterministic, not "now"
REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$")
# The values the real Hub accepts in expand[] for models; anything else is a 400 there too.
EXPANDABLE = {
    "author", "cardData", "config", "createdAt", "disabled", "downloads", "downloadsAllTime",
    "gated", "gguf", "inference", "inferenceProviderMapping", "lastModified", "library_name",
    "likes", "mask_token", "model-index", "pipeline_tag", "private", "safetensors", "sha",
    "siblings", "spaces", "tags", "transformersInfo", "trendingScore", "widgetData",
    "resourceGroup", "xetEnabled", "usedStorage"}
# What /api/models answers without expand[] (the real default set, plus config and safetensors,
# which the real Hub sends only when asked); full=true adds the rest of the info fields.
LIST_DEFAULT = ["_id", "id", "modelId", "likes", "downloads", "private", "gated", "pipeline_tag",
                "library_name", "tags", "createdAt", "config", "safetensors"]
LIST_FULL = LIST_DEFAULT + ["author", "sha", "lastModified", "disabled", "siblings", "usedStorage"]
FAULT_KINDS = {"drop", "corrupt", "slow", "status", "refuse_range"}
UNSATISFIABLE = "unsatisfiable"


class RepoFile:
    """One file of a repo: where it lies on disk and the hashes the Hub publishes for it."""

    def __init__(self, path, disk_path, lfs_threshold):
        self.path = path
        self.disk_path = disk_path
        self.size = os.path.getsize(disk_path)
        git = hashlib.sha1(b"blob %d\0" % self.size)
        sha256 = hashlib.sha256()
        with open(disk_path, "rb") as f:
            for block in iter(lambda: f.read(CHUNK), b""):
                git.update(block)
                sha256.update(block)
        self.sha256 = sha256.hexdigest()
        self.lfs = path.endswith(".safetensors") or self.size >= lfs_threshold
        # Git stores an LFS file as its pointer text, so the Hub's "oid" of an LFS file is the blob
        # sha1 of the pointer, not of the content: a client must check LFS content by sha256.
        self.oid = git_blob_sha1(self.pointer()) if self.lfs else git.hexdigest()

    def pointer(self):
        return (f"version https://git-lfs.github.com/spec/v1\noid sha256:{self.sha256}\n"
                f"size {self.size}\n").encode()


def git_blob_sha1(content):
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


class Repo:
    """A model repo: a folder read once, with one branch "main" at a commit derived from content."""

    def __init__(self, repo_id, folder, lfs_threshold, downloads=0, likes=0):
        self.id = repo_id
        self.author = repo_id.split("/")[0]
        self.cdn_key = repo_id.replace("/", "--")
        self.downloads, self.likes = downloads, likes
        self.files = {}
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                disk_path = os.path.join(root, name)
                path = os.path.relpath(disk_path, folder).replace(os.sep, "/")
                self.files[path] = RepoFile(path, disk_path, lfs_threshold)
        self.files = dict(sorted(self.files.items()))
        self.dirs = {"/".join(p.split("/")[:i]) for p in self.files for i in range(1, p.count("/") + 1)}
        listing = "".join(f"{p}\0{f.sha256}\n" for p, f in self.files.items())
        self.commit = hashlib.sha1(listing.encode()).hexdigest()
        self.object_id = hashlib.sha1(repo_id.encode()).hexdigest()[:24]  # a Mongo-style _id
        self.by_sha256 = {}
        for f in self.files.values():
            if f.lfs:
                self.by_sha256.setdefault(f.sha256, []).append(f)
        self.config = self._read_config()
        self.safetensors = self._count_parameters()
        self.used_storage = sum(f.size for f in self.files.values())

    def _read_config(self):
        f = self.files.get("config.json")
        if f is None:
            return None
        try:
            with open(f.disk_path, encoding="utf-8") as fh:
                config = json.load(fh)
        except (OSError, ValueError) as error:
            log(f"{self.id}: config.json unreadable ({error}); no config in the model info")
            return None
        return {k: config[k] for k in ("architectures", "model_type") if k in config}

    def _count_parameters(self):
        """Parameter counts per dtype over every .safetensors file, as the Hub computes them."""
        per_dtype = {}
        found = False
        for f in self.files.values():
            if not f.path.endswith(".safetensors"):
                continue
            try:
                with open(f.disk_path, "rb") as fh:
                    header_size = int.from_bytes(fh.read(8), "little")
                    if not 2 <= header_size <= 100_000_000:
                        raise ValueError(f"header size {header_size}")
                    header = json.loads(fh.read(header_size))
            except (OSError, ValueError) as error:
                log(f"{self.id}: {f.path} has no readable safetensors header ({error}); not counted")
                continue
            found = True
            for name, tensor in header.items():
                if name == "__metadata__":
                    continue
                count = 1
                for dim in tensor["shape"]:
                    count *= dim
                per_dtype[tensor["dtype"]] = per_dtype.get(tensor["dtype"], 0) + count
        if not found:
            return None  # the real Hub leaves "safetensors" out for repos without such files
        return {"parameters": per_dtype, "total": sum(per_dtype.values())}

    def tags(self):
        tags = ["transformers"]
        if self.safetensors:
            tags.append("safetensors")
        if self.config and self.config.get("model_type"):
            tags.append(self.config["model_type"])
        return tags + ["text-generation", "region:us"]

    def fields(self, gated):
        """Every field the model-info endpoint knows; listings pick from these."""
        fields = {
            "_id": self.object_id, "id": self.id, "modelId": self.id, "author": self.author,
            "sha": self.commit, "lastModified": FIXED_TIME, "createdAt": FIXED_TIME,
            "private": False, "gated": "manual" if gated else False, "disabled": False,
            "downloads": self.downloads, "likes": self.likes, "tags": self.tags(),
            "pipeline_tag": "text-generation", "library_name": "transformers",
            "siblings": [{"rfilename": p} for p in self.files], "usedStorage": self.used_storage}
        if self.config is not None:
            fields["config"] = self.config
        if self.safetensors is not None:
            fields["safetensors"] = self.safetensors
        return fields

    def tree(self, subpath, recursive):
        """Entries below subpath ("" for the root), sorted by path; None when it is no folder."""
        if subpath and subpath not in self.dirs:
            return None
        prefix = subpath + "/" if subpath else ""

        def listed(path):
            return path.startswith(prefix) and (recursive or "/" not in path[len(prefix):])

        entries = []
        for d in filter(listed, self.dirs):
            below = "".join(f.oid for p, f in self.files.items() if p.startswith(d + "/"))
            entries.append({"type": "directory", "oid": hashlib.sha1(f"{d}\0{below}".encode()).hexdigest(),
                            "size": 0, "path": d})
        for f in (f for p, f in self.files.items() if listed(p)):
            entry = {"type": "file", "oid": f.oid, "size": f.size, "path": f.path}
            if f.lfs:
                entry["lfs"] = {"oid": f.sha256, "size": f.size, "pointerSize": len(f.pointer())}
            entries.append(entry)
        return sorted(entries, key=lambda e: e["path"])


class Faults:
    """Faults the tests asked for, each matched by (repo, file path); shared by both origins.

    A fault applies where the file's body is served (the hub for small files, the cdn for LFS
    files) unless it names "origin". "times" counts the GET responses it still spoils; None means
    until reset."""

    def __init__(self, repos):
        self._repos = repos
        self._lock = threading.Lock()
        self._faults = []
        self._next_id = 1

    def add(self, spec):
        kind, path = spec.get("kind"), spec.get("path")
        if kind not in FAULT_KINDS:
            raise ValueError(f"kind must be one of {sorted(FAULT_KINDS)}, not {kind!r}")
        repos = [r for r in self._repos.values() if spec.get("repo") in (None, r.id)]
        if not any(path in r.files for r in repos):
            raise ValueError(f"no file {path!r} in {spec.get('repo') or 'any repo'}")
        if spec.get("origin") not in (None, "hub", "cdn"):
            raise ValueError("origin must be \"hub\" or \"cdn\"")
        times = spec.get("times", None if kind in ("slow", "refuse_range") else 1)
        if times is not None and (not isinstance(times, int) or times < 1):
            raise ValueError("times must be a positive integer")
        fault = {"kind": kind, "path": path, "repo": spec.get("repo"), "origin": spec.get("origin"),
                 "times": times}
        for name in {"drop": ["after_bytes"], "slow": ["bytes_per_second"], "status": ["status"]}.get(kind, []):
            if not isinstance(spec.get(name), int) or spec[name] < (1 if name != "after_bytes" else 0):
                raise ValueError(f"a {kind} fault needs a positive integer {name!r}")
            fault[name] = spec[name]
        with self._lock:
            fault["id"] = self._next_id
            self._next_id += 1
            self._faults.append(fault)
        return fault

    def reset(self):
        with self._lock:
            self._faults.clear()

    def active(self, fault_id):
        with self._lock:
            return any(f["id"] == fault_id for f in self._faults)

    def take(self, kinds, origin, body_here, repo_id, paths, consume=True):
        """The first matching fault of each kind, each counted as used once when consume."""
        taken = {}
        with self._lock:
            for f in list(self._faults):
                if (f["kind"] not in kinds or f["kind"] in taken or f["path"] not in paths
                        or f["repo"] not in (None, repo_id)
                        or not (f["origin"] == origin or (f["origin"] is None and body_here))):
                    continue
                taken[f["kind"]] = dict(f)
                if consume and f["times"] is not None:
                    f["times"] -= 1
                    if f["times"] <= 0:
                        self._faults.remove(f)
        return taken


class Journal:
    """Every request served by either origin. An entry is added before the response's first byte,
    so a client that got a response always finds it; snapshot() waits briefly for entries still
    being served so that "bytes_sent" is final when the test reads it."""

    def __init__(self):
        self._cond = threading.Condition()
        self._entries = []

    def begin(self, entry):
        with self._cond:
            self._entries.append(entry)

    def finish(self, entry):
        with self._cond:
            entry["done"] = True
            self._cond.notify_all()

    def snapshot(self, wait_s):
        with self._cond:
            self._cond.wait_for(lambda: all(e["done"] for e in self._entries), timeout=wait_s)
            return [dict(e) for e in self._entries]

    def reset(self):
        with self._cond:
            self._entries.clear()


class State:
    def __init__(self, args):
        self.repos = {}
        for repo_id, folder in parse_pairs(args.repo, "--repo"):
            if not os.path.isdir(folder):
                raise ValueError(f"--repo {repo_id}: {folder} is not a folder")
            self.repos[repo_id] = Repo(repo_id, folder, args.lfs_threshold)
        for repo_id, value in parse_pairs(args.stats, "--stats", self.repos):
            try:
                self.repos[repo_id].downloads, self.repos[repo_id].likes = map(int, value.split(","))
            except ValueError:
                raise ValueError(f"--stats {repo_id}: want DOWNLOADS,LIKES, not {value!r}") from None
        self.gated = {}
        for repo_id, token in parse_pairs(args.gated, "--gated", self.repos):
            self.gated.setdefault(repo_id, set()).add(token)
        self.renamed = {}
        for old, new in parse_pairs(args.renamed, "--renamed"):
            if new not in self.repos or old in self.repos or not REPO_ID.match(new):
                raise ValueError(f"--renamed {old}={new}: the new id must be a --repo, the old one not")
            self.renamed[old] = new
        self.tokens = set(args.token or []).union(*self.gated.values())
        self.cdn_repos = {r.cdn_key: r for r in self.repos.values()}
        self.page_size = args.page_size
        self.gate_files_only = args.gate_files_only
        self.faults = Faults(self.repos)
        self.journal = Journal()
        self.stop = threading.Event()
        self.hub_url = self.cdn_url = None


def parse_pairs(values, option, known=None):
    pairs = []
    for value in values or []:
        key, sep, rest = value.partition("=")
        if not sep or not rest or not REPO_ID.match(key) or "--" in key or ".." in key:
            raise ValueError(f"{option} {value}: want ORG/NAME=VALUE")
        if known is not None and key not in known:
            raise ValueError(f"{option} {value}: {key} is not a --repo")
        pairs.append((key, rest))
    return pairs


def parse_range(value, size):
    """(start, end) inclusive for a single "bytes=" range, UNSATISFIABLE, or None to ignore it
    (RFC 9110: a server ignores a Range header it cannot parse and answers 200)."""
    unit, _, spec = value.partition("=")
    first, dash, last = spec.strip().partition("-")
    if unit.strip().lower() != "bytes" or "," in spec or not dash:
        return None
    try:
        if not first.strip():
            suffix = int(last)
            return (max(0, size - suffix), size - 1) if suffix > 0 and size > 0 else UNSATISFIABLE
        start = int(first)
        end = int(last) if last.strip() else size - 1
    except ValueError:
        return None
    if start < 0 or (last.strip() and end < start):
        return None
    return UNSATISFIABLE if start >= size else (start, min(end, size - 1))


def log(message):
    sys.stderr.write(message + "\n")


class DoubleServer(ThreadingHTTPServer):
    daemon_threads = True  # a client holding a keep-alive connection must not block the exit

    def __init__(self, origin, state):
        self.origin = origin
        self.state = state
        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real Hub; hence every reply has a length
    server_version = "HubDouble/1"

    def log_message(self, fmt, *args):
        log(f"[{self.server.origin}] {fmt % args}")

    def do_GET(self):
        self.dispatch()

    do_HEAD = do_POST = do_GET

    def dispatch(self):
        state = self.server.state
        self.raw_path, _, self.raw_query = self.path.partition("?")
        self.query = urllib.parse.parse_qsl(self.raw_query, keep_blank_values=True)
        # Split before decoding, so that %2F inside a revision or file name stays in its segment.
        self.segments = [urllib.parse.unquote(s) for s in self.raw_path.split("/")[1:]]
        length = int(self.headers.get("Content-Length") or 0)
        self.request_body = self.rfile.read(length) if length > 0 else b""
        self.entry = None
        if self.server.origin == "hub" and self.raw_path.startswith("/_double/"):
            return self.control()  # not logged: the log is what the tests observe of the client
        self.entry = {"origin": self.server.origin, "method": self.command,
                      "path": urllib.parse.unquote(self.raw_path), "query": self.raw_query,
                      "authorization": "Authorization" in self.headers,
                      "range": self.headers.get("Range"), "status": None, "bytes_sent": 0,
                      "done": False}
        state.journal.begin(self.entry)
        try:
            if self.command not in ("GET", "HEAD"):
                self.reply_json(405, {"error": f"{self.command} is not served here"})
            elif self.server.origin == "hub":
                self.route_hub()
            else:
                self.route_cdn()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True  # the client went away; nothing more to send
        finally:
            state.journal.finish(self.entry)

    # ----- replies

    def param(self, name, default=None):
        values = [v for k, v in self.query if k == name]
        return values[-1] if values else default

    def send_head(self, status, headers, length):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        if self.entry is not None:
            self.entry["status"] = status

    def reply(self, status, body, headers=(), content_type="application/json; charset=utf-8"):
        self.send_head(status, [("Content-Type", content_type), *headers], len(body))
        if self.command != "HEAD" and body:
            self.wfile.write(body)
            if self.entry is not None:
                self.entry["bytes_sent"] = len(body)

    def reply_json(self, status, value, headers=()):
        self.reply(status, json.dumps(value).encode(), headers)

    def reply_error(self, status, code, message, headers=()):
        # huggingface_hub and other clients read X-Error-Code first, then the body's "error".
        self.reply_json(status, {"error": message},
                        [("X-Error-Code", code), ("X-Error-Message", message), *headers])

    def bearer(self):
        value = self.headers.get("Authorization", "")
        return value[7:].strip() if value[:7].lower() == "bearer " else None

    # ----- the hub origin

    def route_hub(self):
        seg = self.segments
        if seg == ["api", "whoami-v2"]:
            return self.whoami()
        if seg == ["api", "models"]:
            return self.list_models()
        if len(seg) >= 4 and seg[:2] == ["api", "models"]:
            return self.repo_api(seg[2:4], seg[4:])
        if len(seg) >= 5 and seg[2] == "resolve":
            return self.resolve(seg[0:2], seg[3], "/".join(seg[4:]))
        self.reply_json(404, {"error": "Not Found"})

    def open_repo(self, org_name, org_index):
        """The repo named by the URL, or None after answering with a redirect or an error."""
        state = self.server.state
        repo_id = "/".join(org_name)
        if repo_id in state.renamed:
            # The real Hub answers a renamed repo with a relative 307 to the new name.
            parts = self.raw_path.split("/")
            parts[org_index + 1:org_index + 3] = map(urllib.parse.quote, state.renamed[repo_id].split("/"))
            location = "/".join(parts) + ("?" + self.raw_query if self.raw_query else "")
            self.reply(307, f"Temporary Redirect. Redirecting to {location}".encode(),
                       [("Location", location)], "text/plain; charset=utf-8")
            return None
        repo = state.repos.get(repo_id)
        if repo is None:
            # Anonymous requests get 401 (the Hub will not tell strangers whether a private repo
            # exists); authenticated ones get 404.
            status = 404 if "Authorization" in self.headers else 401
            self.reply_error(status, "RepoNotFound",
                             f"Repository Not Found for url: {self.server.url}{self.path}.")
            return None
        return repo

    def gate(self, repo):
        """True when the caller may see repo's files; otherwise answers 401/403 and False."""
        tokens = self.server.state.gated.get(repo.id)
        token = self.bearer()
        if tokens is None or token in tokens:
            return True
        if token is None:
            self.reply_error(401, "GatedRepo", f"Access to model {repo.id} is restricted. You must have "
                             "access to it and be authenticated to access it. Please log in.")
        else:
            self.reply_error(403, "GatedRepo", f"Access to model {repo.id} is restricted and you are not "
                             f"in the authorized list. Visit https://huggingface.co/{repo.id} to ask for access.")
        return False

    def check_revision(self, repo, revision, headers=()):
        if revision in ("main", repo.commit):
            return True
        self.reply_error(404, "RevisionNotFound", f"Invalid rev id: {revision}", headers)
        return False

    def expand(self):
        return [v for k, v in self.query if k in ("expand[]", "expand")]

    def repo_api(self, org_name, rest):
        state = self.server.state
        repo = self.open_repo(org_name, 2)
        if repo is None:
            return
        if rest == ["auth-check"]:  # the real Hub's "may this token download?" probe
            return self.gate(repo) and self.reply_json(200, {})
        # The real Hub shows info and tree of a gated repo to anyone (--gate-files-only);
        # by default the double gates them too, so a client's 401/403 paths run early.
        if not state.gate_files_only and not self.gate(repo):
            return
        if not rest or (rest[0] == "revision" and len(rest) >= 2):
            if self.check_revision(repo, "/".join(rest[1:]) or "main"):
                self.model_info(repo)
        elif rest[0] == "tree" and len(rest) >= 2:
            if self.check_revision(repo, rest[1]):
                self.tree(repo, "/".join(rest[2:]).strip("/"))
        else:
            self.reply_json(404, {"error": "Not Found"})

    def model_info(self, repo):
        fields = repo.fields(repo.id in self.server.state.gated)
        expand = self.expand()
        if expand:
            unknown = [e for e in expand if e not in EXPANDABLE]
            if unknown:
                return self.reply_json(400, {"error": f"\"expand\" must be one of {sorted(EXPANDABLE)}"})
            fields = {k: v for k, v in fields.items() if k in ("_id", "id", *expand)}
        self.reply_json(200, fields)

    def tree(self, repo, subpath):
        entries = repo.tree(subpath, self.param("recursive", "false").lower() in ("true", "1"))
        if entries is None:
            return self.reply_error(404, "EntryNotFound", f"{subpath} does not exist on \"main\"",
                                    [("X-Repo-Commit", repo.commit)])
        try:
            cursor = self.param("cursor")
            offset = int(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
                         .removeprefix("offset:")) if cursor else 0
            if offset < 0:
                raise ValueError(offset)
        except ValueError:
            return self.reply_json(400, {"error": "Invalid cursor"})
        size = self.server.state.page_size
        headers = []
        if offset + size < len(entries):
            # Like the real Hub: an absolute URL with every query parameter kept and an opaque cursor.
            token = base64.urlsafe_b64encode(f"offset:{offset + size}".encode()).decode().rstrip("=")
            query = [(k, v) for k, v in self.query if k != "cursor"] + [("cursor", token)]
            next_url = f"{self.server.url}{self.raw_path}?{urllib.parse.urlencode(query)}"
            headers.append(("Link", f'<{next_url}>; rel="next"'))
        self.reply_json(200, entries[offset:offset + size], headers)

    def list_models(self):
        state = self.server.state
        expand = self.expand()
        full = self.param("full", "").lower() in ("true", "1")
        if expand and (full or self.param("config") or self.param("cardData")):
            return self.reply_json(400, {"error": "\"expand\" cannot be used with full, config or cardData"})
        if any(e not in EXPANDABLE for e in expand):
            return self.reply_json(400, {"error": f"\"expand\" must be one of {sorted(EXPANDABLE)}"})
        try:
            limit = int(self.param("limit")) if self.param("limit") else None
        except ValueError:
            return self.reply_json(400, {"error": "\"limit\" must be a number"})
        search = self.param("search", "").lower()
        author = self.param("author")
        tag_filters = [v for k, v in self.query if k == "filter"]
        repos = [r for r in state.repos.values()
                 if search in r.id.lower() and author in (None, r.author)
                 and all(t in r.tags() for t in tag_filters)]
        sort = self.param("sort")
        descending = self.param("direction", "-1") == "-1"
        repos.sort(key=lambda r: r.id)  # ties keep a deterministic order
        if sort in ("downloads", "likes"):
            repos.sort(key=lambda r: getattr(r, sort), reverse=descending)
        keys = ["_id", "id", *expand] if expand else (LIST_FULL if full else LIST_DEFAULT)
        listing = []
        for repo in repos[:limit]:
            fields = repo.fields(repo.id in state.gated)
            listing.append({k: fields[k] for k in keys if k in fields})
        self.reply_json(200, listing)

    def whoami(self):
        if self.bearer() in self.server.state.tokens:
            return self.reply_json(200, {"type": "user", "name": "tester", "fullname": "Hub Double",
                                         "auth": {"type": "access_token",
                                                  "accessToken": {"displayName": "test", "role": "read"}}})
        self.reply_error(401, "Unauthorized", "Invalid credentials in Authorization header")

    def resolve(self, org_name, revision, path):
        repo = self.open_repo(org_name, 0)
        if repo is None or not self.gate(repo):
            return
        commit = [("X-Repo-Commit", repo.commit)]
        if not self.check_revision(repo, revision):
            return
        f = repo.files.get(path)
        if f is None:
            return self.reply_error(404, "EntryNotFound", f"{path} does not exist on \"{revision}\"", commit)
        if not f.lfs:
            return self.serve_blob(repo, f, [f.path], f.oid, commit)
        if self.command == "GET" and self.injected_status(repo, [f.path], body_here=False):
            return
        # The real Hub sends LFS files from another host: a 302 whose headers already carry the
        # size and sha256, so a HEAD client learns them without following the redirect.
        disposition = f"inline; filename*=UTF-8''{urllib.parse.quote(f.path.split('/')[-1])}"
        signature = hashlib.sha256(f"{repo.id}:{f.sha256}".encode()).hexdigest()
        query = urllib.parse.urlencode([("response-content-disposition", disposition),
                                        ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Expires", "3600"),
                                        ("X-Amz-Signature", signature)])
        location = f"{self.server.state.cdn_url}/repos/{repo.cdn_key}/{f.sha256}?{query}"
        self.reply(302, b"", [*commit, ("Location", location), ("X-Linked-Etag", f'"{f.sha256}"'),
                              ("X-Linked-Size", str(f.size)), ("ETag", f'"{f.sha256}"')],
                   "text/plain; charset=utf-8")

    # ----- the cdn origin

    def route_cdn(self):
        # No Authorization needed: the URL is presigned. The log records whether one came anyway.
        seg = self.segments
        repo = self.server.state.cdn_repos.get(seg[1]) if len(seg) == 3 and seg[0] == "repos" else None
        files = repo.by_sha256.get(seg[2]) if repo else None
        if not files:
            return self.reply(404, b"NoSuchKey", content_type="text/plain; charset=utf-8")
        self.serve_blob(repo, files[0], [f.path for f in files], files[0].sha256, [])

    # ----- file bodies, with Range and faults

    def injected_status(self, repo, paths, body_here):
        faults = self.server.state.faults.take({"status"}, self.server.origin, body_here, repo.id, paths)
        if not faults:
            return False
        status = faults["status"]["status"]
        retry = [("Retry-After", "0")] if status in (429, 503) else []
        self.reply_json(status, {"error": f"injected fault: status {status}"}, retry)
        return True

    def serve_blob(self, repo, f, paths, etag, headers):
        faults = self.server.state.faults
        is_get = self.command == "GET"
        if is_get and self.injected_status(repo, paths, body_here=True):
            return
        refuse = faults.take({"refuse_range"}, self.server.origin, True, repo.id, paths, consume=is_get)
        requested = None if refuse else self.headers.get("Range")
        span = parse_range(requested, f.size) if requested else None
        if span == UNSATISFIABLE:
            return self.reply(416, b"", [("Content-Range", f"bytes */{f.size}")], "text/plain; charset=utf-8")
        start, end = span or (0, f.size - 1)
        headers = [*headers, ("Content-Type", "application/octet-stream"), ("ETag", f'"{etag}"'),
                   ("Accept-Ranges", "bytes")]
        if span:
            headers.append(("Content-Range", f"bytes {start}-{end}/{f.size}"))
        length = end - start + 1
        if not is_get:
            return self.send_head(206 if span else 200, headers, length)
        spoilers = faults.take({"drop", "corrupt", "slow"}, self.server.origin, True, repo.id, paths)
        self.send_head(206 if span else 200, headers, length)  # the full length, even when dropping
        self.send_body(f.disk_path, start, length, spoilers)

    def send_body(self, disk_path, start, length, spoilers):
        drop, corrupt, slow = (spoilers.get(k) for k in ("drop", "corrupt", "slow"))
        limit = min(length, drop["after_bytes"]) if drop else length
        flip_at = length // 2 if corrupt and length > 0 else None
        rate = slow["bytes_per_second"] if slow else None
        sent = 0
        with open(disk_path, "rb") as fh:
            fh.seek(start)
            while sent < limit:
                # Slow bodies go out in about twenty writes a second, so that a client that hangs
                # up is noticed (BrokenPipe/ConnectionReset) within a write or two.
                block = fh.read(min(max(1, rate // 20) if rate else CHUNK, limit - sent))
                if not block:
                    break
                if flip_at is not None and sent <= flip_at < sent + len(block):
                    block = bytearray(block)
                    block[flip_at - sent] ^= 0xFF
                    block = bytes(block)
                self.wfile.write(block)
                sent += len(block)
                self.entry["bytes_sent"] = sent
                if rate:
                    if self.server.state.faults.active(slow["id"]):
                        time.sleep(len(block) / rate)
                    else:
                        rate = None  # reset while trickling: send the rest at full speed
        if drop:
            # FIN, not RST: a reset could discard bytes the client has not read yet, and the test
            # wants exactly after_bytes to arrive.
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True

    # ----- /_double/ control

    def control(self):
        state = self.server.state
        action = (self.command, self.raw_path)
        if action == ("GET", "/_double/log"):
            return self.reply_json(200, state.journal.snapshot(wait_s=2.0))
        if action == ("POST", "/_double/reset"):
            state.faults.reset()
            state.journal.reset()
            return self.reply_json(200, {"ok": True})
        if action == ("POST", "/_double/fault"):
            try:
                spec = json.loads(self.request_body or b"null")
                if not isinstance(spec, dict):
                    raise ValueError("the body must be a JSON object")
                fault = state.faults.add(spec)
            except ValueError as error:
                return self.reply_json(400, {"error": str(error)})
            return self.reply_json(200, {"ok": True, "fault": fault})
        if action == ("POST", "/_double/quit"):
            self.close_connection = True
            self.reply_json(200, {"ok": True}, [("Connection", "close")])
            state.stop.set()
            return None
        self.reply_json(404, {"error": f"no control {self.command} {self.raw_path}"})


def watch_stdin(stop):
    """Stop when stdin closes, if stdin is a pipe or socket (a parent that died closes it).
    A terminal or /dev/null is not watched: /dev/null is at EOF at once."""
    try:
        mode = os.fstat(0).st_mode
    except OSError:
        return
    if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        return

    def read_until_eof():
        try:
            while os.read(0, 4096):
                pass
        except OSError:
            pass
        stop.set()

    threading.Thread(target=read_until_eof, daemon=True).start()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", action="append", required=True, metavar="ORG/NAME=FOLDER")
    parser.add_argument("--gated", action="append", metavar="ORG/NAME=TOKEN",
                        help="only TOKEN may download the repo's files")
    parser.add_argument("--token", action="append", metavar="TOKEN",
                        help="another valid token (whoami-v2 accepts it; it opens no gated repo)")
    parser.add_argument("--renamed", action="append", metavar="OLD_ORG/OLD_NAME=NEW_ORG/NEW_NAME")
    parser.add_argument("--stats", action="append", metavar="ORG/NAME=DOWNLOADS,LIKES")
    parser.add_argument("--page-size", type=int, default=50, help="tree entries per response")
    parser.add_argument("--lfs-threshold", type=int, default=1024, metavar="BYTES",
                        help="files this large, and every .safetensors, are LFS files")
    parser.add_argument("--gate-files-only", action="store_true",
                        help="as the real Hub: gated repos show info and tree to anyone")
    args = parser.parse_args()
    if args.page_size < 1:
        parser.error("--page-size must be at least 1")
    try:
        state = State(args)
    except (ValueError, OSError) as error:
        parser.error(str(error))

    servers = [DoubleServer("hub", state), DoubleServer("cdn", state)]
    state.hub_url, state.cdn_url = (s.url for s in servers)
    for server in servers:
        # A short poll interval: shutdown() waits for the next poll, and tests start and stop
        # doubles often.
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    # The handler only appends: Event.set() takes a lock that the main thread may be holding
    # inside stop.wait() when the signal arrives, and would deadlock it.
    caught = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, _frame: caught.append(signum))
    watch_stdin(state.stop)
    print(json.dumps({"hub": state.hub_url, "cdn": state.cdn_url}), flush=True)
    log(f"hub double: {len(state.repos)} repos, hub {state.hub_url}, cdn {state.cdn_url}")

    while not caught and not state.stop.wait(0.05):  # timed, so the signal handler gets to run
        pass
    for server in servers:
        server.shutdown()
        server.server_close()
    # os._exit, not a return: handler threads (daemons, some idle on keep-alive connections) may
    # still be writing to stderr, and interpreter finalization can abort on such a thread.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
