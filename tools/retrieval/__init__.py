"""Policy documents and Korean-aware retrieval with citations.

Public surface:
- `Retriever` (`tools.retrieval.search`): `Retriever.from_settings(settings).search(query, k)`
  -> `list[SearchHit]`;
- `tools.retrieval.search.search(query, k)`: the same with the process-wide retriever
  (`configure_default` sets it); not re-exported, so that `tools.retrieval.search` stays the module;
- `search_documents` (`tools.retrieval.tool`): the tool the graph calls;
- `Passage`, `load_document` (`tools.retrieval.documents`): loaders for Markdown, HTML, PDF and corpus JSON.
"""

from tools.retrieval.documents import DocumentError, Passage, load_document
from tools.retrieval.search import Retriever, SearchError, SearchHit, configure_default, get_retriever
from tools.retrieval.tool import SearchDocumentsArgs, search_documents

__all__ = [
    "DocumentError",
    "Passage",
    "Retriever",
    "SearchDocumentsArgs",
    "SearchError",
    "SearchHit",
    "configure_default",
    "get_retriever",
    "load_document",
    "search_documents",
]
