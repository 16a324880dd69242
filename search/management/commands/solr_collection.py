"""``manage.py solr_collection``: put the repository's Solr configset (search/solr/configset) into a
SolrCloud cluster and create the collection that uses it, or reload it if it already exists.

Talks to Solr's Configsets and Collections APIs over plain HTTP (standard library only). The
configset is named after the collection, so uploading it again and reloading brings a running
collection in step with the repository. ``--status`` only reports replica states.
"""
import io
import json
import re
import time
import zipfile
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

from django.core.management.base import BaseCommand, CommandError

CONFIGSET_DIR = Path(__file__).resolve().parents[2] / "solr" / "configset"
COLLECTION_NAME = re.compile(r"[A-Za-z0-9._][A-Za-z0-9._-]*")  # Solr's own rule for collection names


class Command(BaseCommand):
    help = "上传 Solr 配置集并创建（或重新加载）SolrCloud 集合，等待所有副本就绪。"
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--url", required=True, help="集合地址，例如 http://127.0.0.1:8983/solr/archive")
        parser.add_argument("--shards", type=int, default=2, help="新建集合的分片数（默认 2）")
        parser.add_argument("--replicas", type=int, default=2, help="每个分片的副本数（默认 2）")
        parser.add_argument("--timeout", type=float, default=180, help="等待副本就绪的秒数（默认 180）")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--upload-only", action="store_true", help="只上传配置集，不创建或重新加载集合")
        mode.add_argument("--status", action="store_true", help="只显示各副本状态；有副本未就绪时以错误退出")

    def handle(self, *args, url, shards, replicas, timeout, upload_only, status, **options):
        cluster = SolrCluster.from_collection_url(url)
        name = cluster.collection
        if status:
            replica_states = cluster.replica_states()
            for line in replica_states:
                self.stdout.write(line.describe())
            if not replica_states or not all(replica.active for replica in replica_states):
                raise CommandError(f"集合 {name} 尚有副本未就绪")
            return
        cluster.upload_configset(CONFIGSET_DIR)
        self.stdout.write(f"configset {name} uploaded from {CONFIGSET_DIR}")
        if upload_only:
            return
        if cluster.exists():
            cluster.reload()
            self.stdout.write(f"collection {name} existed: reloaded with the uploaded configset")
        else:
            cluster.create(shards, replicas)
            self.stdout.write(f"collection {name} created: {shards} shards x {replicas} replicas")
        cluster.wait_until_active(timeout)
        self.stdout.write(f"collection {name}: every replica is active")


class ReplicaState:
    """One replica's line in CLUSTERSTATUS; ``active`` also requires its node to be live."""

    def __init__(self, shard, name, info, live_nodes):
        self.shard = shard
        self.name = name
        self.node = info.get("node_name", "?")
        self.state = info.get("state", "?")
        self.leader = info.get("leader") == "true"
        self.active = self.state == "active" and self.node in live_nodes

    def describe(self):
        shown = self.state if self.active or self.state != "active" else "active (node gone)"
        return f"{self.shard} {self.name} {self.node} {shown}{' leader' if self.leader else ''}"


class SolrCluster:
    """The admin APIs of the cluster behind one node's base URL, for one collection."""

    def __init__(self, base_url, collection):
        self.base_url = base_url
        self.collection = collection

    @classmethod
    def from_collection_url(cls, url):
        """``http://host:port/solr/<collection>`` -> (``http://host:port/solr``, collection)."""
        parts = urlsplit(url.rstrip("/"))
        base_path, _, collection = parts.path.rpartition("/")
        if parts.scheme not in {"http", "https"} or not parts.netloc or not base_path or not collection:
            raise CommandError(f"无效的集合地址：{url}（应形如 http://127.0.0.1:8983/solr/archive）")
        if not COLLECTION_NAME.fullmatch(collection):
            raise CommandError(f"无效的集合名：{collection}（只能含字母、数字、点、下划线和连字符，且不以连字符开头）")
        return cls(f"{parts.scheme}://{parts.netloc}{base_path}", collection)

    def call(self, path, params, body=None, timeout=300):
        """GET (or POST ``body``) ``base_url + path`` with ``params``; returns the decoded JSON answer."""
        url = f"{self.base_url}{path}?{urlencode({**params, 'wt': 'json'})}"
        headers = {"Content-Type": "application/octet-stream"} if body is not None else {}
        action = params.get("action", path)
        try:
            with urlopen(Request(url, data=body, headers=headers), timeout=timeout) as response:
                answer = json.load(response)
        except HTTPError as error:
            raise CommandError(f"Solr 拒绝了 {action}（HTTP {error.code}）：{solr_message(error)}") from error
        except (URLError, OSError) as error:
            raise CommandError(f"无法连接 Solr {self.base_url}：{getattr(error, 'reason', error)}") from error
        except ValueError as error:
            raise CommandError(f"Solr 对 {action} 的回答不是 JSON：{error}") from error
        if "failure" in answer or "exception" in answer:
            detail = answer.get("failure") or answer.get("exception")
            raise CommandError(f"Solr 执行 {action} 失败：{json.dumps(detail, ensure_ascii=False)}")
        return answer

    def upload_configset(self, directory):
        if not (directory / "solrconfig.xml").is_file():
            raise CommandError(f"配置集目录 {directory} 中没有 solrconfig.xml")
        self.call(
            "/admin/configs",
            {"action": "UPLOAD", "name": self.collection, "overwrite": "true", "cleanup": "true"},
            body=zip_directory(directory),
        )

    def exists(self):
        return self.collection in self.call("/admin/collections", {"action": "LIST"}).get("collections", [])

    def create(self, shards, replicas):
        self.call(
            "/admin/collections",
            {
                "action": "CREATE",
                "name": self.collection,
                "numShards": shards,
                "replicationFactor": replicas,
                "collection.configName": self.collection,
                "waitForFinalState": "true",
            },
        )

    def reload(self):
        self.call("/admin/collections", {"action": "RELOAD", "name": self.collection})

    def replica_states(self):
        answer = self.call("/admin/collections", {"action": "CLUSTERSTATUS", "collection": self.collection})
        cluster = answer.get("cluster", {})
        live_nodes = set(cluster.get("live_nodes", []))
        shards = cluster.get("collections", {}).get(self.collection, {}).get("shards", {})
        return [
            ReplicaState(shard, name, info, live_nodes)
            for shard, shard_info in sorted(shards.items())
            for name, info in sorted(shard_info.get("replicas", {}).items())
        ]

    def wait_until_active(self, timeout):
        deadline = time.monotonic() + timeout
        while True:
            replicas = self.replica_states()
            if replicas and all(replica.active for replica in replicas):
                return
            if time.monotonic() > deadline:
                waiting = "; ".join(r.describe() for r in replicas if not r.active) or "没有副本"
                raise CommandError(f"集合 {self.collection} 在 {timeout:g} 秒内未全部就绪：{waiting}")
            time.sleep(0.5)


def zip_directory(directory):
    """The files under ``directory`` (hidden ones left out) as zip bytes, paths relative to it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(directory.rglob("*")):
            relative = path.relative_to(directory)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                archive.write(path, relative.as_posix())
    return buffer.getvalue()


def solr_message(error):
    """The ``error.msg`` of a Solr error body; for any other body (Jetty's HTML 404 page when the
    URL does not lead to Solr), the HTTP reason and the URL asked."""
    try:
        return json.loads(error.read())["error"]["msg"]
    except (ValueError, KeyError, TypeError):
        return f"{error.reason}（{error.url.split('?')[0]}）"
