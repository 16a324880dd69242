"""Haystack engine for the archive's Whoosh index (jieba analysis is added in search/analysis.py)."""
from haystack.backends.whoosh_backend import WhooshEngine


class JiebaWhooshEngine(WhooshEngine):
    pass
