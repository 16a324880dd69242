"""``manage.py solr_collection`` without a cluster: what it uploads, and the errors it gives
before or instead of talking to Solr."""
import io
import socket
import zipfile

import pytest
from django.core.management import CommandError, call_command

from search.management.commands.solr_collection import CONFIGSET_DIR, zip_directory


def test_configset_zip_holds_the_schema_and_config_at_its_root():
    names = zipfile.ZipFile(io.BytesIO(zip_directory(CONFIGSET_DIR))).namelist()
    assert sorted(names) == ["schema.xml", "solrconfig.xml"]


@pytest.mark.parametrize("url", ["127.0.0.1:8983/solr/archive", "http://127.0.0.1:8983/", "ftp://host/solr/archive"])
def test_url_without_a_collection_is_refused(url):
    with pytest.raises(CommandError, match="无效的集合地址"):
        call_command("solr_collection", url=url)


def test_collection_name_outside_solrs_rule_is_refused_before_any_request():
    with pytest.raises(CommandError, match="无效的集合名：-archive"):
        call_command("solr_collection", url="http://127.0.0.1:9/solr/-archive")


def test_unreachable_solr_names_the_address():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(CommandError, match=f"无法连接 Solr http://127.0.0.1:{port}/solr"):
        call_command("solr_collection", url=f"http://127.0.0.1:{port}/solr/archive", stdout=io.StringIO())
