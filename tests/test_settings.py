"""Settings derived from the machine: the Whoosh indexing batch follows the memory its writers may use, a
container's limit included, and the environment overrides it."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.settings import usable_memory, whoosh_batch_size

ROOT = Path(__file__).resolve().parent.parent
GIB = 2**30
WRITER_BYTES_PER_ARTICLE = 38_000  # measured: 2.8 GB across the writer processes at 74.5k articles


@pytest.mark.parametrize("memory", [GIB // 2, 2 * GIB, 3 * GIB, 4 * GIB, 6 * GIB, 8 * GIB, 24 * GIB, 256 * GIB])
def test_a_batch_of_articles_fits_in_half_the_memory_above_the_smallest_batch(memory):
    batch = whoosh_batch_size(memory)
    assert 10_000 <= batch <= 100_000
    if batch > 10_000:
        assert batch * WRITER_BYTES_PER_ARTICLE <= memory / 2


def test_more_memory_never_gives_a_smaller_batch_and_eight_gigabytes_give_the_largest():
    batches = [whoosh_batch_size(gib * GIB) for gib in range(1, 33)]
    assert batches == sorted(batches)
    assert whoosh_batch_size(8 * GIB) == 100_000 and whoosh_batch_size(4 * GIB) < 100_000


def test_a_container_limit_below_the_machine_memory_is_what_counts(tmp_path):
    machine = usable_memory(tmp_path / "absent")
    limit = tmp_path / "memory.max"
    limit.write_text(f"{GIB}\n")
    assert usable_memory(limit) == min(GIB, machine)
    limit.write_text("max\n")
    assert usable_memory(limit) == machine


def test_the_environment_sets_the_batch(tmp_path):
    script = "from django.conf import settings; print(settings.HAYSTACK_CONNECTIONS['default']['BATCH_SIZE'])"
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings",
           "ARCHIVE_INDEX_BATCH_SIZE": "12345"}
    env.pop("ARCHIVE_SOLR_URL", None)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "12345"
